#!/usr/bin/env bash
# Orders end to end over /api (docs/performance.md): Opsflow on a new database; THREADS clients each
# place an order as sam (two lines, below the approval threshold), then as wendy complete its
# "Pick and pack order" and "Ship order" tasks through /api/tasks (polling the task list until the
# task is there, should a step before it be asynchronous); after the measured SECONDS every order
# placed in them must read SHIPPED. Prints the app process's CPU milliseconds per order too.
#
#   bench/orders.sh [SECONDS=60] [THREADS=4]
source "$(dirname "$0")/common.sh"
seconds=${1:-60} threads=${2:-4}
build
start_app opsflow opsflow "$data/opsflow"
echo "ready after $(await_ready opsflow wendy:wendy) s" >&2
await_demo_history opsflow
echo "load average before: $(load_average)"
java bench/Bench.java orders "$(url opsflow)" "$seconds" "$threads" "$(cpu_pids opsflow)"
echo "load average after: $(load_average)"
echo "resident memory after the orders: $(rss_mb opsflow) MB"
