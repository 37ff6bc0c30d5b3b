#!/usr/bin/env bash
# Engine in-JVM user-task cycle: Opsflow's engine configuration against the Spring Boot starter's
# defaults, through the Java API (io.opsflow.platform.EngineCycleBenchmark, docs/performance.md).
#
#   bench/engine.sh [SECONDS=10] [ROUNDS=6]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >&2
java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.opsflow.platform.EngineCycleBenchmark \
  "${1:-10}" "${2:-6}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
