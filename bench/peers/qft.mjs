// Writes the textbook QFT(n) as OpenQASM 2 using only the 2017 qelib1 gates every peer knows:
// x on even qubits, then h and cu1 ladders, then the final reversal as three cx per swap, then measure.
//   node qft.mjs N > qft_N.qasm
const n = Number(process.argv[2]);
const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`, `creg c[${n}];`];
for (let i = 0; i < n; i += 2) lines.push(`x q[${i}];`);
for (let j = n - 1; j >= 0; j--) {
  lines.push(`h q[${j}];`);
  for (let k = j - 1; k >= 0; k--) lines.push(`cu1(pi/${2 ** (j - k)}) q[${k}],q[${j}];`);
}
for (let i = 0; i < Math.floor(n / 2); i++) {
  const a = i, b = n - 1 - i;
  lines.push(`cx q[${a}],q[${b}];`, `cx q[${b}],q[${a}];`, `cx q[${a}],q[${b}];`);
}
lines.push('measure q -> c;');
console.log(lines.join('\n'));
