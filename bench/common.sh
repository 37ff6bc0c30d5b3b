# Shared by the scripts of bench/ (docs/performance.md); sourced, not run.
#   BENCH_NO_BUILD=1   use the jars built before
#   BARE_DURABLE=1     the bare starter with WRITE_DELAY=0 too (default: H2's default write delay)
#   OPSFLOW_JAVA_OPTS, BARE_JAVA_OPTS   JVM options of each app (default: none, as `java -jar`)
#   OPSFLOW_ARGS       more arguments for Opsflow (e.g. --opsflow.demo-history.enabled=false)
#   OPSFLOW_JAR=FILE   run this Opsflow jar (with BENCH_NO_BUILD=1: an earlier build, for before/after);
#                      it deploys the processes and forms packaged in it, not those of processes/ and
#                      forms/ here (an earlier build's steps may not fit the models of this checkout)
#   BARE_JAR=FILE      run this bare starter jar (e.g. its extracted layout, docs/performance.md)
#   BENCH_DATA=DIR     keep the apps' databases in DIR (rest.sh, orders.sh): a second run starts on
#                      the existing databases, which saves Opsflow's first start (demo history)
#   BENCH_DB=postgresql  Opsflow on a PostgreSQL cluster of its own (this machine's PostgreSQL, initdb
#                      and its default settings: every commit flushed to disk) instead of its H2 file;
#                      the CPU that rest.sh and orders.sh count for Opsflow then includes the cluster's
#                      processes (the bare starter keeps its database in its own process)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${BENCH_DB:=h2} in
  h2) ;;
  postgresql)
    if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
      echo "BENCH_DB=postgresql: PostgreSQL is not installed (apt-get install postgresql)" >&2
      exit 2
    fi ;;
  *) echo "BENCH_DB=$BENCH_DB: h2 (default) or postgresql" >&2; exit 2 ;;
esac

work=$(mktemp -d /tmp/opsflow-bench.XXXXXX)
data=${BENCH_DATA:-$work}
declare -A PID PORT LOG POSTGRES CLUSTER
cleanup() {
  for name in "${!PID[@]}"; do stop_app "$name"; done
  for cluster in "${!POSTGRES[@]}"; do as_postgres "$(postgres_bin)/pg_ctl" --pgdata="$cluster" --mode=fast --wait stop >/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

build() {
  if [ "${BENCH_NO_BUILD:-}" = 1 ]; then return; fi
  echo "Building Opsflow and bench/bare-starter..." >&2
  ./mvnw -B -q -DskipTests package >&2
  ./mvnw -B -q -f bench/bare-starter/pom.xml -DskipTests package >&2
}

opsflow_jar() { if [ -n "${OPSFLOW_JAR:-}" ]; then echo "$OPSFLOW_JAR"; else ls target/opsflow-*.jar | grep -v '\.original$' | head -1; fi; }
bare_jar() { echo "${BARE_JAR:-bench/bare-starter/target/bare-starter.jar}"; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_app NAME KIND DATA_DIR [ARGS...]: KIND opsflow or bare; no waiting
start_app() {
  local name=$1 kind=$2 data=$3; shift 3
  PORT[$name]=$(free_port)
  LOG[$name]="$work/$name-$RANDOM.log"
  local database=()
  if [ "$kind" = opsflow ] && [ "$BENCH_DB" = postgresql ]; then
    CLUSTER[$name]="$data/postgresql"
    start_postgres "${CLUSTER[$name]}"
    database=("--spring.datasource.url=jdbc:postgresql://127.0.0.1:${POSTGRES[${CLUSTER[$name]}]}/opsflow"
      --spring.datasource.username=opsflow --spring.datasource.password=opsflow)
  fi
  # the app's clock (await_ready) starts after its database
  START_NS=$(date +%s%N)
  if [ "$kind" = opsflow ]; then
    # Opsflow deploys the designers' folders of its working directory, or the copies in its jar
    # where they do not exist: a jar given by OPSFLOW_JAR gets folders that do not exist
    local models=()
    if [ -n "${OPSFLOW_JAR:-}" ]; then
      models=("--opsflow.deployment.processes-dir=$work/none" "--opsflow.deployment.forms-dir=$work/none")
    fi
    # shellcheck disable=SC2086
    java ${OPSFLOW_JAVA_OPTS:-} -jar "$(opsflow_jar)" --server.port="${PORT[$name]}" --opsflow.data-dir="$data" "${models[@]}" \
      "${database[@]}" ${OPSFLOW_ARGS:-} "$@" >"${LOG[$name]}" 2>&1 &
  else
    local h2=""
    if [ "${BARE_DURABLE:-}" = 1 ]; then h2=";WRITE_DELAY=0"; fi
    # shellcheck disable=SC2086
    java ${BARE_JAVA_OPTS:-} -jar "$(bare_jar)" --server.port="${PORT[$name]}" --data-dir="$data" \
      "--bare.h2-options=$h2" "$@" >"${LOG[$name]}" 2>&1 &
  fi
  PID[$name]=$!
}

url() { echo "http://127.0.0.1:${PORT[$1]}"; }

# PostgreSQL refuses to run as root: there its commands run as Debian's postgres user
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
postgres_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }

# start_postgres DIR: a cluster of its own in DIR (made, with its database opsflow, the first time),
# started on a free port unless it runs (the steps of the tests' io.opsflow.TestPostgres, in bash)
start_postgres() {
  local cluster=$1 bin new= dir
  if [ -n "${POSTGRES[$cluster]:-}" ]; then return; fi
  bin=$(postgres_bin)
  POSTGRES[$cluster]=$(free_port)
  if [ ! -d "$cluster" ]; then
    new=1
    mkdir -p "$cluster" && chmod 700 "$cluster"
    if [ "$(id -u)" = 0 ]; then
      # the postgres user must reach the cluster through the benchmark's private directories
      chown postgres "$cluster"
      dir=$cluster
      while dir=$(dirname "$dir"); [ "$dir" != / ]; do chmod o+x "$dir"; done
    fi
    as_postgres "$bin/initdb" --pgdata="$cluster" --username=opsflow --auth=trust --encoding=UTF8 --locale=C >/dev/null
  fi
  as_postgres "$bin/pg_ctl" --pgdata="$cluster" --log="$cluster/bench.log" --wait \
    -o "-p ${POSTGRES[$cluster]} -c listen_addresses=127.0.0.1 -c unix_socket_directories=$cluster" start >/dev/null
  if [ -n "$new" ]; then as_postgres "$bin/createdb" -h 127.0.0.1 -p "${POSTGRES[$cluster]}" -U opsflow opsflow; fi
}

# the processes whose CPU counts for app NAME: its JVM, and the cluster's postmaster with its
# children when the app runs on PostgreSQL (Bench.java: PID+POSTMASTER_PID)
cpu_pids() {
  local name=$1
  if [ -n "${CLUSTER[$name]:-}" ]; then echo "${PID[$name]}+$(head -1 "${CLUSTER[$name]}/postmaster.pid")"; else echo "${PID[$name]}"; fi
}

# await_ready NAME LOGIN: until the first correct answer to a real request of the engine REST API
# (authenticated where the app asks for it); prints the seconds since start_app
await_ready() {
  local name=$1 login=$2
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "$login" "$(url "$name")/engine-rest/process-definition?maxResults=1")" = 200 ]; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then echo "$name died: $(tail -30 "${LOG[$name]}")" >&2; exit 1; fi
    sleep 0.05
  done
  awk -v a="$START_NS" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'
}

# await_demo_history NAME: Opsflow plays the demo history of a new database in the background after
# it is ready; a benchmark on it waits until the play is over, so that it measures its own load only
await_demo_history() {
  local name=$1
  if ! grep -q 'Demo history: playing' "${LOG[$name]}"; then return; fi
  echo "waiting for $name's demo history to be played..." >&2
  until grep -Eq 'Demo history: ([0-9]+ weeks|the play failed)' "${LOG[$name]}"; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then echo "$name died: $(tail -30 "${LOG[$name]}")" >&2; exit 1; fi
    sleep 0.5
  done
}

# Spring Boot's "Started ... in X seconds"
started_seconds() { sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "${LOG[$1]}" | head -1; }

# CPU seconds (user + system) the app's process has used so far: moves less with the machine's other
# load than the wall-clock times do
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/${PID[$1]}/stat"; }

# CPU seconds of app NAME's JIT compiler threads (C1, C2) so far; a thread's stat has its name in
# parentheses, which may hold spaces, so the times are counted from the closing one
jit_seconds() {
  local task
  for task in /proc/"${PID[$1]}"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      "C1 Compiler"* | "C2 Compiler"*) sed 's/.*) //' "$task/stat" ;;
    esac
  done | awk -v hz="$(getconf CLK_TCK)" '{ ticks += $12 + $13 } END { printf "%.1f", ticks / hz }'
}

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${PID[$1]}/status"; }

stop_app() {
  local name=$1 pid=${PID[$1]:-}
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  unset "PID[$name]"
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
