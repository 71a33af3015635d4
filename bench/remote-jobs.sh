#!/usr/bin/env bash
# The remote-providers measurement (docs/performance.md, "Remote providers"): many jobs against the IonQ
# emulator in one JVM. Arguments: jobs latencyMs jobMs rateLimitPerSecond (defaults 1000 200 1000 0).
#   bench/remote-jobs.sh                  # 1000 jobs, 200 ms per request, 1 s per job, no rate limit
#   bench/remote-jobs.sh 1000 200 1000 20 # the same under a 20 requests/s limit
# JAVA_OPTS passes JVM options, e.g. JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
qexec_find_jdk
(cd "$root" && ./mvnw -q -B -DskipTests -pl qexec-bench -am package)
exec "$JAVA_HOME/bin/java" -Xmx1g ${JAVA_OPTS:-} -cp "$root/qexec-bench/target/benchmarks.jar" io.qexec.bench.RemoteJobsBench "$@"
