#!/usr/bin/env bash
# Start-up and memory, Opsflow against the bare Camunda starter, interleaved so that both see the
# same load (docs/performance.md). Per run and app: a start on a new database, then a start on
# that same database (existing). "started": Spring Boot's "Started ... in X seconds"; "ready": from
# launching the JVM until the first correct answer to GET /engine-rest/process-definition?maxResults=1
# (authenticated; Opsflow answers 503 until its start-up is done); RSS right after ready; cpu_s the
# CPU seconds of the app's process until ready (less dependent on the machine's other load), jit_s
# the part of it that the JIT compiler threads took.
#
#   bench/startup.sh [RUNS=3]
source "$(dirname "$0")/common.sh"
runs=${1:-3}
build

results="$work/results"
# measure LABEL KIND DATA LOGIN
measure() {
  local label=$1 kind=$2 data=$3 login=$4 ready
  start_app "$label" "$kind" "$data"
  ready=$(await_ready "$label" "$login")
  cpu=$(cpu_seconds "$label")
  jit=$(jit_seconds "$label")
  sleep 1
  printf '%-18s %8s %8s %8s %8s %8s\n' "$label" "$(started_seconds "$label")" "$ready" "$(rss_mb "$label")" "$cpu" "$jit" | tee -a "$results"
  stop_app "$label"
}

echo "load average before: $(load_average)"
printf '%-18s %8s %8s %8s %8s %8s\n' app started ready rss_mb cpu_s jit_s
for i in $(seq "$runs"); do
  if [ $((i % 2)) = 1 ]; then order="opsflow bare"; else order="bare opsflow"; fi
  for app in $order; do
    login=admin:admin; [ "$app" = opsflow ] && login=wendy:wendy
    measure "$app-new" "$app" "$work/$app-$i" "$login"
    measure "$app-existing" "$app" "$work/$app-$i" "$login"
  done
done
echo "load average after: $(load_average)"

echo
echo "Medians of $runs runs (seconds, MB) on $(nproc) cores, $(java -version 2>&1 | head -1):"
printf '%-18s %8s %8s %8s %8s %8s %8s\n' "" bare opsflow ratio "" "" ""
for db in new existing; do
  for column in 2:started 3:ready 4:rss_mb 5:cpu_s 6:jit_s; do
    c=${column%%:*} what=${column#*:}
    b=$(awk -v a="bare-$db" -v c="$c" '$1 == a { print $c }' "$results" | median)
    o=$(awk -v a="opsflow-$db" -v c="$c" '$1 == a { print $c }' "$results" | median)
    printf '%-18s %8s %8s %7sx\n' "$what ($db db)" "$b" "$o" "$(ratio "$b" "$o")"
  done
done
