#!/usr/bin/env bash
# Builds the benchmark jar and runs the statevector benchmarks (bandwidth, kernels, circuits, sampling)
# in one JMH session, then prints bandwidth, kernel efficiency and circuit-vs-bound tables.
#   bench/run-sim.sh                          # everything (about 10 minutes on 2 cores)
#   bench/run-sim.sh 'KernelBench|BandwidthBench'   # a subset (regular expression)
# Raw JMH results: qexec-bench/target/sim-bench.json
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
qexec_find_jdk
(cd "$root" && ./mvnw -q -B -DskipTests -pl qexec-bench -am package)
cd "$root"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx2g \
  -cp "$root/qexec-bench/target/benchmarks.jar" io.qexec.sim.statevector.SimBenchReport "$@"
