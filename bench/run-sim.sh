#!/usr/bin/env bash
# Builds the benchmark jar and runs the statevector benchmarks (bandwidth, kernels, circuits, sampling)
# in one JMH session, then prints bandwidth, kernel efficiency and circuit-vs-bound tables.
#   bench/run-sim.sh                          # everything (about 10 minutes on 2 cores)
#   bench/run-sim.sh 'KernelBench|BandwidthBench'   # a subset (regular expression)
#   bench/run-sim.sh --quick                  # min-of-N figures, interleaved with the bandwidth pass (shared machines)
# Raw JMH results: qexec-bench/target/sim-bench.json
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
qexec_find_jdk
(cd "$root" && ./mvnw -q -B -DskipTests -pl qexec-bench -am package)
cd "$root"
main=io.qexec.sim.statevector.SimBenchReport
if [ "${1:-}" = "--quick" ]; then shift; main=io.qexec.sim.statevector.SimQuickReport; fi
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xms6g -Xmx6g -XX:+UseParallelGC \
  -cp "$root/qexec-bench/target/benchmarks.jar" "$main" "$@"
