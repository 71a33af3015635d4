// Runs one OpenQASM 2 file on one peer simulator REPEAT times in this process and prints a JSON line:
//   node peer.mjs qsharp|quantum-circuit FILE SHOTS [REPEAT]
// Each run's time covers compiling/parsing and simulating the program (the WASM module and the libraries are
// loaded before the clock starts), the same span qexec's PeerRun times. "first" is the first run, "warm" the
// best of the others (the first when REPEAT is 1); "seconds" is "first", kept for older readers.
import fs from 'fs';
import { createRequire } from 'module';

const [peer, file, shotsText] = process.argv.slice(2);
const shots = Number(shotsText ?? '1');
const repeat = Number(process.argv[5] ?? '1');
const qasm = fs.readFileSync(file, 'utf8');

let qsharpCompiler = null;
let qs = null;

async function runQsharp() {
  if (!qsharpCompiler) {
    qs = await import('qsharp-lang');
    const w = fs.readFileSync(new URL('./node_modules/qsharp-lang/lib/web/qsc_wasm_bg.wasm', import.meta.url));
    await qs.loadWasmModule(w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength));
    qsharpCompiler = await qs.getCompiler();
  }
  const compiler = qsharpCompiler;
  const events = new qs.QscEventTarget(true);
  const program = { sources: [['main.qasm', qasm]], languageFeatures: [], projectType: 'openqasm', profile: 'unrestricted' };
  const start = process.hrtime.bigint();
  await compiler.run(program, '', shots, events);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const results = events.getResults();
  const failed = results.filter(r => !r.success);
  if (failed.length) throw new Error(JSON.stringify(failed[0].result));
  return { seconds, shots: results.length };
}

const require = createRequire(import.meta.url);

async function runQuantumCircuit() {
  const QuantumCircuit = require('quantum-circuit');
  const start = process.hrtime.bigint();
  const circuit = new QuantumCircuit();
  circuit.importQASM(qasm, errors => { if (errors && errors.length) throw new Error(JSON.stringify(errors)); });
  circuit.run();
  const counts = circuit.measureAllMultishot(shots);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, shots: Object.values(counts).reduce((a, b) => a + b, 0) };
}

const run = peer === 'qsharp' ? runQsharp : peer === 'quantum-circuit' ? runQuantumCircuit : null;
if (!run) {
  console.error(`unknown peer '${peer}' (qsharp or quantum-circuit)`);
  process.exit(2);
}
let first = null;
let warm = Infinity;
let outcome = null;
for (let r = 0; r < repeat; r++) {
  outcome = await run();
  if (r === 0) first = outcome.seconds; else warm = Math.min(warm, outcome.seconds);
}
if (repeat < 2) warm = first;
console.log(JSON.stringify({ peer, file, shots: outcome.shots, seconds: first, first, warm, runs: repeat }));
