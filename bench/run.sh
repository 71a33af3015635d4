#!/usr/bin/env bash
# Builds the benchmark jar and runs JMH with the given arguments (a benchmark regex and JMH options).
#   bench/run.sh                      # every benchmark, short settings
#   bench/run.sh ParseBench -f 1      # one class
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
qexec_find_jdk
(cd "$root" && ./mvnw -q -B -DskipTests -pl qexec-bench -am package)
if [ $# -eq 0 ]; then set -- -f 1 -wi 2 -i 3; fi
exec "$JAVA_HOME/bin/java" -jar "$root/qexec-bench/target/benchmarks.jar" "$@"
