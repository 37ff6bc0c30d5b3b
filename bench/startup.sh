#!/usr/bin/env bash
# Start-up time and memory of Opsflow versus a bare Camunda starter app (bench/bare-starter: the
# same Spring Boot, Camunda and H2 versions and the same H2 file settings), on this machine, in one
# run, runs interleaved so that both see the same load.
#
#   bench/startup.sh [RUNS]      (default 5)
#
# Per run: a fresh data dir; "started" is Spring Boot's "Started ... in X seconds", "ready" the wall
# time from launching the JVM until the app answers HTTP 200 (Opsflow: /actuator/health, which is
# UP only after folder deployment and seeding; bare: /engine-rest/engine), then VmRSS, heap used,
# and the live heap after a full GC. Opsflow is started once more on the last run's data dir.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
work=$(mktemp -d)
app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building both jars..." >&2
./mvnw -B -q -DskipTests package
./mvnw -B -q -f bench/bare-starter/pom.xml -DskipTests package
opsflow_jar=$(ls target/opsflow-*.jar | grep -v '\.original$')
bare_jar=bench/bare-starter/target/bare-starter.jar

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }

# heap used in KB from "jcmd <pid> GC.heap_info" (first line: "... total 123K, used 45K [...")
heap_used_kb() { jcmd "$1" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1; }

# measure LABEL JAR READY_PATH ARGS... : prints "LABEL started_s ready_s rss_mb heap_mb live_heap_mb"
measure() {
  local label=$1 jar=$2 ready_path=$3; shift 3
  local port log start now
  port=$(free_port)
  log="$work/$label-$RANDOM.log"
  start=$(date +%s.%N)
  java -jar "$jar" --server.port="$port" "$@" >"$log" 2>&1 &
  app_pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port$ready_path"; do
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "$label died, log: $(tail -20 "$log")" >&2; exit 1; fi
    now=$(date +%s)
    if [ $((now - ${start%.*})) -gt 600 ]; then echo "$label not ready after 10 minutes" >&2; exit 1; fi
    sleep 0.1
  done
  local ready rss heap live started
  ready=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$app_pid/status")
  heap=$(heap_used_kb "$app_pid")
  jcmd "$app_pid" GC.run >/dev/null
  live=$(heap_used_kb "$app_pid")
  started=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
  kill "$app_pid"; wait "$app_pid" || true; app_pid=
  printf '%-16s %8s %8s %8s %8s %8s\n' "$label" "$started" "$ready" "$(mb "$rss")" "$(mb "$heap")" "$(mb "$live")"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

results="$work/results"
printf '%-16s %8s %8s %8s %8s %8s\n' "app" "started" "ready" "rss_mb" "heap_mb" "live_mb"
for i in $(seq "$runs"); do
  measure opsflow "$opsflow_jar" /actuator/health --opsflow.data-dir="$work/opsflow-$i" >>"$results"; tail -1 "$results"
  measure bare "$bare_jar" /engine-rest/engine --data-dir="$work/bare-$i" >>"$results"; tail -1 "$results"
done
measure opsflow-restart "$opsflow_jar" /actuator/health --opsflow.data-dir="$work/opsflow-$runs" >>"$results"
tail -1 "$results"

echo
echo "Medians of $runs fresh starts (seconds, MB) on $(nproc) cores, $(java -version 2>&1 | head -1):"
printf '%-16s %8s %8s %8s %8s %8s\n' "app" "started" "ready" "rss_mb" "heap_mb" "live_mb"
for app in opsflow bare; do
  row="$app"
  for column in 2 3 4 5 6; do
    row="$row $(awk -v app="$app" -v c="$column" '$1 == app { print $c }' "$results" | median)"
  done
  printf '%-16s %8s %8s %8s %8s %8s\n' $row
done
