#!/usr/bin/env bash
# Runs the same OpenQASM files through the peer simulators (qsharp-lang, quantum-circuit) and through qexec,
# side by side in one run, and prints the times and ratios: for the first run in a fresh process (qexec's
# includes the JVM's class loading and JIT warm-up) and warm (best of the next REPEAT-1 runs in that process).
#   bench/peers/run.sh                       # QFT(16..22) and the QASMBench qft_n18 file, 1 shot each
#   SIZES="20 22" SHOTS=1 REPEAT=10 bench/peers/run.sh
# qexec runs twice: the default scalar kernels, and the optional Vector API kernels (--add-modules
# jdk.incubator.vector -Dqexec.sim.vector=true). Peers are installed into bench/peers/node_modules with npm
# (versions pinned in package.json).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${SIZES:-"16 18 20 22"}
shots=${SHOTS:-1}
repeat=${REPEAT:-10}
slow_peer_max=${QUANTUM_CIRCUIT_MAX_QUBITS:-18}   # quantum-circuit takes ~30 s at 20 qubits

command -v node >/dev/null || { echo "error: node is needed for the peers (apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -d "$here/node_modules/qsharp-lang" ] || [ ! -d "$here/node_modules/quantum-circuit" ]; then
  echo "installing the peers into $here/node_modules ..." >&2
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi
. "$root/scripts/find-jdk.sh"
qexec_find_jdk
(cd "$root" && ./mvnw -q -B -DskipTests -pl qexec-bench -am package)
jar="$root/qexec-bench/target/benchmarks.jar"
qexec_run() { "$JAVA_HOME/bin/java" "$@" -cp "$jar" io.qexec.bench.PeerRun "$f" "$shots" "$repeat" 2>/dev/null; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=()
for n in $sizes; do
  node "$here/qft.mjs" "$n" > "$work/qft_$n.qasm"
  files+=("$work/qft_$n.qasm")
done
testdata="$root/../shared/testdata/qasmbench/medium/qft_n18/qft_n18.qasm"
[ -f "$testdata" ] && files+=("$testdata")

field() { sed -n "s/.*\"$1\" *: *\([0-9.eE+-]*\).*/\1/p" | head -1; }
ratio() { if [ -n "$1" ] && [ "$1" != "-" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; else echo "-"; fi; }

echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); node $(node --version); $(nproc) processors; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-12s %-5s %10s %10s %10s %10s %10s %12s %12s\n' circuit run qexec qexec_vec qsharp qcircuit q#/qexec q#/qexec_vec qc/qexec
for f in "${files[@]}"; do
  name=$(basename "$f" .qasm)
  qubits=$(grep -m1 -o 'qreg q\[[0-9]*\]' "$f" | grep -o '[0-9]*')
  ours=$(qexec_run)
  vec=$(qexec_run --add-modules jdk.incubator.vector -Dqexec.sim.vector=true)
  qsharp=$(node "$here/peer.mjs" qsharp "$f" "$shots" "$repeat" 2>/dev/null || echo "")
  qcirc=""
  if [ "${qubits:-99}" -le "$slow_peer_max" ]; then
    qcirc=$(node "$here/peer.mjs" quantum-circuit "$f" "$shots" "$repeat" 2>/dev/null || echo "")
  fi
  for run in first warm; do
    o=$(echo "$ours" | field $run); v=$(echo "$vec" | field $run)
    q=$(echo "$qsharp" | field $run); c=$(echo "$qcirc" | field $run)
    printf '%-12s %-5s %10.4f %10.4f %10s %10s %10s %12s %12s\n' "$name" "$run" "$o" "$v" "${q:--}" "${c:--}" \
      "$(ratio "$q" "$o")" "$(ratio "$q" "$v")" "$(ratio "$c" "$o")"
  done
done
echo
echo "Seconds are in-process, parsing/compiling plus simulating and sampling. first: the first run in a fresh"
echo "process (qexec: class loading, interpreter and JIT warm-up included; peers: runtime and WASM loaded before"
echo "the clock). warm: best of the next $((repeat - 1)) runs in the same process."
