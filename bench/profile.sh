#!/usr/bin/env bash
# Where the REST user-task cycle's time goes, in both apps (docs/performance.md):
#   bench/profile.sh sql [CYCLES=100]   SQL statements per cycle, by kind, from H2's trace file
#                                        (TRACE_LEVEL_FILE=2 on the JDBC URL; the trace slows the app)
#   bench/profile.sh jfr [SECONDS=40]   a JFR recording of the cycle with 4 clients after a warm-up,
#                                        summarised by bench/JfrTop.java (request threads' CPU by cost)
#   bench/profile.sh orders [SECONDS=40]      the same for orders end to end over /api (Opsflow only,
#                                             bench/orders.sh's load with 4 clients)
#   bench/profile.sh orders-sql [ORDERS=50]   SQL statements per order and per call of it, by kind
#                                             (Opsflow only, one client)
# Recordings and traces stay in target/bench-profile/.
source "$(dirname "$0")/common.sh"
mode=${1:-jfr}
if [ "$BENCH_DB" != h2 ] && { [ "$mode" = sql ] || [ "$mode" = orders-sql ]; }; then
  echo "bench/profile.sh $mode counts the statements in H2's trace: not with BENCH_DB=${BENCH_DB}" >&2
  exit 2
fi
out=target/bench-profile
mkdir -p "$out"
build
# Opsflow's own JDBC URL, from application.yml, on this data dir
opsflow_url=$(sed -n 's/^ *url: \(jdbc:h2:file:.*\)/\1/p' src/main/resources/application.yml | head -1)
opsflow_url=${opsflow_url//'${opsflow.data-dir}'/$data/opsflow}
bare_url="jdbc:h2:file:$data/bare/bare"
if [ "${BARE_DURABLE:-}" = 1 ]; then bare_url="$bare_url;WRITE_DELAY=0"; fi
if [ "$mode" = orders ] || [ "$mode" = orders-sql ]; then
  if [ "$mode" = orders ]; then
    OPSFLOW_JAVA_OPTS="${OPSFLOW_JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=256" start_app opsflow opsflow "$data/opsflow"
  else
    start_app opsflow opsflow "$data/opsflow" "--spring.datasource.url=$opsflow_url;TRACE_LEVEL_FILE=2;TRACE_MAX_FILE_SIZE=4000"
  fi
  await_ready opsflow wendy:wendy >/dev/null
  await_demo_history opsflow
  echo "load average before: $(load_average)"
  if [ "$mode" = orders ]; then
    seconds=${2:-40}
    # the recording starts 30 s after the client's warm-up began (its 10 s and 20 s of the measured load)
    rm -f "$out/orders.err"
    java bench/Bench.java orders "$(url opsflow)" "$((seconds + 25))" 4 "$(cpu_pids opsflow)" > "$out/orders.txt" 2> "$out/orders.err" &
    bench=$!
    until grep -qs warm-up "$out/orders.err"; do sleep 0.5; done
    sleep 30
    jcmd "${PID[opsflow]}" JFR.start name=bench settings=profile >/dev/null
    sleep "$seconds"
    jcmd "${PID[opsflow]}" JFR.dump name=bench filename="$PWD/$out/orders.jfr" >/dev/null
    jcmd "${PID[opsflow]}" JFR.stop name=bench >/dev/null
    wait "$bench"
    cat "$out/orders.txt"
    java bench/JfrTop.java "$out/orders.jfr"
  else
    java bench/Bench.java orders-sql "$(url opsflow)" "${2:-50}" "$data/opsflow/opsflow.trace.db" "$out/orders.sql"
  fi
  echo "load average after: $(load_average)"
  exit 0
fi
if [ "$mode" = sql ]; then
  trace=";TRACE_LEVEL_FILE=2;TRACE_MAX_FILE_SIZE=4000"
  start_app bare bare "$data/bare" "--spring.datasource.url=$bare_url$trace"
  await_ready bare admin:admin >/dev/null
  start_app opsflow opsflow "$data/opsflow" "--spring.datasource.url=$opsflow_url$trace"
  await_ready opsflow wendy:wendy >/dev/null
  await_demo_history opsflow
else
  jfr_opts="-XX:FlightRecorderOptions:stackdepth=256"
  OPSFLOW_JAVA_OPTS="${OPSFLOW_JAVA_OPTS:-} $jfr_opts" start_app opsflow opsflow "$data/opsflow"
  await_ready opsflow wendy:wendy >/dev/null
  await_demo_history opsflow
  BARE_JAVA_OPTS="${BARE_JAVA_OPTS:-} $jfr_opts" start_app bare bare "$data/bare"
  await_ready bare admin:admin >/dev/null
fi
java bench/Bench.java setup bare "$(url bare)" admin:admin
java bench/Bench.java setup opsflow "$(url opsflow)" admin:admin warehouse
declare -A LOGIN=([bare]=- [opsflow]=wendy:wendy)
declare -A TRACE=([bare]="$data/bare/bare.trace.db" [opsflow]="$data/opsflow/opsflow.trace.db")
echo "load average before: $(load_average)"
for app in bare opsflow; do
  spec="$app=$(url "$app")=${LOGIN[$app]}"
  if [ "$mode" = sql ]; then
    cycles=${2:-100}
    java bench/Bench.java load "$spec" 5 1 2>/dev/null
    before=$(stat -c %s "${TRACE[$app]}")
    # one client, so the statements in the trace are those of the cycles
    java bench/Bench.java cycles "$spec" "$cycles"
    tail -c +"$((before + 1))" "${TRACE[$app]}" > "$out/$app.sql"
    echo "$app: SQL statements per cycle ($cycles cycles)"
    sed -n 's|^/\*SQL[^*]*\*/ *\([A-Za-z]*\).*|\1|p' "$out/$app.sql" | tr a-z A-Z | sort | uniq -c \
      | awk -v n="$cycles" '{ printf "  %-8s %6.1f\n", $2, $1 / n; t += $1 } END { printf "  %-8s %6.1f\n", "all", t / n }'
  else
    seconds=${2:-40}
    java bench/Bench.java load "$spec" 20 4
    jcmd "${PID[$app]}" JFR.start name=bench settings=profile >/dev/null
    java bench/Bench.java load "$spec" "$seconds" 4
    jcmd "${PID[$app]}" JFR.dump name=bench filename="$PWD/$out/$app.jfr" >/dev/null
    jcmd "${PID[$app]}" JFR.stop name=bench >/dev/null
    echo "== $app"
    java bench/JfrTop.java "$out/$app.jfr"
  fi
done
echo "load average after: $(load_average)"
