#!/usr/bin/env bash
# Runs the same OpenQASM files through the peer simulators (qsharp-lang, quantum-circuit) and through qexec,
# side by side in one run, and prints the times and ratios.
#   bench/peers/run.sh                 # QFT(16..22) and the QASMBench qft_n18 file, 1 shot each
#   SIZES="20 22" SHOTS=1 bench/peers/run.sh
# Peers are installed into bench/peers/node_modules with npm (versions pinned in package.json).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${SIZES:-"16 18 20 22"}
shots=${SHOTS:-1}
slow_peer_max=${QUANTUM_CIRCUIT_MAX_QUBITS:-18}   # quantum-circuit takes ~30 s at 20 qubits

command -v node >/dev/null || { echo "error: node is needed for the peers (apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -d "$here/node_modules/qsharp-lang" ] || [ ! -d "$here/node_modules/quantum-circuit" ]; then
  echo "installing the peers into $here/node_modules ..." >&2
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi
"$root/qexec" --version >/dev/null   # builds the command once, outside the measurements

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=()
for n in $sizes; do
  node "$here/qft.mjs" "$n" > "$work/qft_$n.qasm"
  files+=("$work/qft_$n.qasm")
done
testdata="$root/../shared/testdata/qasmbench/medium/qft_n18/qft_n18.qasm"
[ -f "$testdata" ] && files+=("$testdata")

json_field() { sed -n "s/.*\"$1\" *: *\([0-9.eE+-]*\).*/\1/p" | head -1; }
now() { date +%s.%N; }

printf '%-22s %6s %12s %12s %12s %14s %14s\n' circuit shots qexec_s qsharp_s qcircuit_s qsharp/qexec qcircuit/qexec
for f in "${files[@]}"; do
  name=$(basename "$f" .qasm)
  qubits=$(grep -m1 -o 'qreg q\[[0-9]*\]' "$f" | grep -o '[0-9]*')
  ours=$("$root/qexec" simulate "$f" --shots "$shots" --seed 1 --format json | json_field seconds)
  qsharp=$(node "$here/peer.mjs" qsharp "$f" "$shots" 2>/dev/null | json_field seconds || echo "")
  qcirc="-"
  if [ "${qubits:-99}" -le "$slow_peer_max" ]; then
    qcirc=$(node "$here/peer.mjs" quantum-circuit "$f" "$shots" 2>/dev/null | json_field seconds || echo "-")
  fi
  ratio() { if [ -n "$1" ] && [ "$1" != "-" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; else echo "-"; fi; }
  printf '%-22s %6s %12.4f %12s %12s %14s %14s\n' "$name" "$shots" "$ours" "${qsharp:--}" "$qcirc" \
    "$(ratio "$qsharp" "$ours")" "$(ratio "$qcirc" "$ours")"
done
echo
echo "Seconds are in-process: compiling/parsing plus simulating and sampling, after the runtime is loaded"
echo "(qexec: a fresh JVM per file, so JIT warm-up is included; peers: Node 20, WASM loaded before the clock)."
