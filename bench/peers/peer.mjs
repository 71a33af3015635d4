// Runs one OpenQASM 2 file on one peer simulator and prints a JSON line:
//   node peer.mjs qsharp|quantum-circuit FILE SHOTS
// "seconds" covers compiling and simulating the program inside this process (the WASM module and the
// libraries are loaded before the clock starts), the same span qexec's "seconds" covers.
import fs from 'fs';
import { createRequire } from 'module';

const [peer, file, shotsText] = process.argv.slice(2);
const shots = Number(shotsText ?? '1');
const qasm = fs.readFileSync(file, 'utf8');

async function runQsharp() {
  const qs = await import('qsharp-lang');
  const w = fs.readFileSync(new URL('./node_modules/qsharp-lang/lib/web/qsc_wasm_bg.wasm', import.meta.url));
  await qs.loadWasmModule(w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength));
  const compiler = await qs.getCompiler();
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

async function runQuantumCircuit() {
  const require = createRequire(import.meta.url);
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
const outcome = await run();
console.log(JSON.stringify({ peer, file, ...outcome }));
