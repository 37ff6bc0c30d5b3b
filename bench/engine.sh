#!/usr/bin/env bash
# Engine in-JVM user-task cycle: Opsflow's engine configuration against the Spring Boot starter's
# defaults, through the Java API (io.opsflow.platform.EngineCycleBenchmark, docs/performance.md).
#
#   bench/engine.sh [SECONDS=30] [ROUNDS=4] [SIDES=starter,opsflow]
# SIDES may add starter-durable (the starter's engine on WRITE_DELAY=0) and opsflow-anonymous
# (Opsflow's engine with no user set: no authorization checks), to measure those costs apart.
# ENGINE_JAVA_OPTS: JVM options, e.g. -Dspring.datasource.hikari.auto-commit=true to try a setting.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >&2
# shellcheck disable=SC2086
java ${ENGINE_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.opsflow.platform.EngineCycleBenchmark \
  "${1:-30}" "${2:-4}" "${3:-starter,opsflow}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
