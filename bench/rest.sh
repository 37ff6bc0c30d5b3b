#!/usr/bin/env bash
# REST user-task cycle, Opsflow against the bare Camunda starter, side by side (docs/performance.md):
# both apps started on new databases, bench/processes/bench-user-task.bpmn deployed to both (in
# Opsflow by admin, granted to warehouse), then as wendy in Opsflow (HTTP Basic, engine
# authorization, WRITE_DELAY=0) and anonymously in the bare starter: start by the start form, find
# the task with maxResults=1, complete it; THREADS clients, a warm-up, then ROUNDS rounds of SECONDS
# that alternate which app goes first. RSS after start and after the load.
#
#   bench/rest.sh [SECONDS=20] [ROUNDS=6] [WARMUP=90] [THREADS=4]   (Opsflow's JIT compiles for minutes: keep the warm-up long)
source "$(dirname "$0")/common.sh"
seconds=${1:-20} rounds=${2:-6} warmup=${3:-90} threads=${4:-4}
build

start_app bare bare "$data/bare"
bare_ready=$(await_ready bare admin:admin)
start_app opsflow opsflow "$data/opsflow"
opsflow_ready=$(await_ready opsflow wendy:wendy)
await_demo_history opsflow
echo "ready: bare ${bare_ready} s, opsflow ${opsflow_ready} s (one after the other)" >&2
java bench/Bench.java setup bare "$(url bare)" admin:admin
java bench/Bench.java setup opsflow "$(url opsflow)" admin:admin warehouse
sleep 5
rss_bare_start=$(rss_mb bare) rss_opsflow_start=$(rss_mb opsflow)
echo "load average before: $(load_average)"
java bench/Bench.java rest "$seconds" "$rounds" "$warmup" "$threads" \
  "bare=$(url bare)=-=$(cpu_pids bare)" "opsflow=$(url opsflow)=wendy:wendy=$(cpu_pids opsflow)"
echo "load average after: $(load_average)"
rss_bare_load=$(rss_mb bare) rss_opsflow_load=$(rss_mb opsflow)
printf '%-28s %8s %8s %7s\n' "resident memory (MB)" bare opsflow ratio
printf '%-28s %8s %8s %6sx\n' "after start" "$rss_bare_start" "$rss_opsflow_start" "$(ratio "$rss_bare_start" "$rss_opsflow_start")"
printf '%-28s %8s %8s %6sx\n' "after the REST benchmark" "$rss_bare_load" "$rss_opsflow_load" "$(ratio "$rss_bare_load" "$rss_opsflow_load")"
