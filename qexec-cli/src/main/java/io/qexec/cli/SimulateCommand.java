package io.qexec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.local.LocalProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qexec simulate FILE}: runs one circuit on the embedded simulators. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run one OpenQASM circuit on the embedded simulators.",
            "Counts are keyed in Qiskit bit order (classical bit 0 rightmost)."})
final class SimulateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "the OpenQASM 2/3 file")
    Path file;

    @Option(names = "--shots", defaultValue = "1024", description = "number of shots (default ${DEFAULT-VALUE})")
    int shots;

    @Option(names = "--method", defaultValue = "auto",
            description = "statevector, density_matrix, stabilizer or auto (default: ${DEFAULT-VALUE}: stabilizer for "
                    + "Clifford circuits, statevector otherwise; the device's noisy method with --device)")
    String method;

    @Option(names = "--device", paramLabel = "MODEL", description = "a noisy device model (see 'qexec backends')")
    String device;

    @Option(names = "--seed", description = "random seed for reproducible counts")
    Long seed;

    @Option(names = "--memory", description = "also output every shot's bitstring (json format)")
    boolean memory;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE})")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (shots < 1) {
            throw new UserError("--shots must be at least 1, got " + shots, ExitCode.INVALID_INPUT);
        }
        if (seed != null && seed < 0) {
            throw new UserError("--seed must be >= 0, got " + seed, ExitCode.INVALID_INPUT);
        }
        Circuit circuit = CircuitFiles.read(file);
        try (LocalProvider local = LocalProvider.create()) {
            String backendName = device != null ? device : method;
            Backend backend = local.backend(backendName).orElseThrow(() -> new UserError(unknown(local, backendName),
                    ExitCode.INVALID_INPUT));
            Map<String, Object> options = new LinkedHashMap<>();
            if (seed != null) {
                options.put("seed", seed);
            }
            if (memory) {
                options.put("memory", true);
            }
            if (device != null && !method.equals(LocalProvider.AUTO)) {
                options.put("method", method);
            }
            if (circuit.numQubits() > backend.numQubits()) {
                throw new UserError(file + ": the circuit has " + circuit.numQubits() + " qubits, " + backend.name()
                        + " runs at most " + backend.numQubits(), ExitCode.INVALID_INPUT);
            }
            ProviderResult result;
            long start = System.nanoTime();
            try {
                result = local.submit(backend, Job.of(circuit.requireBound(), shots, options)).immediateResult()
                        .orElseThrow();
            } catch (ProviderException e) {
                throw new UserError(file + ": " + e.getMessage(), ExitCode.INVALID_INPUT);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            print(result, backend, seconds);
        }
        return ExitCode.OK;
    }

    private static String unknown(LocalProvider local, String name) {
        List<String> names = new ArrayList<>();
        local.backends().forEach(b -> names.add(b.name()));
        return "unknown method or device '" + name + "' (available: " + String.join(", ", names) + ")";
    }

    private void print(ProviderResult result, Backend backend, double seconds) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Object usedMethod = result.metadata().getOrDefault("method", method);
        if (format == Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", file.toString());
            json.put("backend", backend.name());
            json.put("method", usedMethod);
            json.put("shots", shots);
            json.put("seed", result.metadata().get("seed"));
            json.put("seconds", seconds);
            json.put("counts", result.counts());
            if (memory) {
                json.put("memory", result.memory());
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            return;
        }
        out.printf(Locale.ROOT, "%s on local/%s (method %s): %d shots in %.3f s, seed %s%n", file, backend.name(),
                usedMethod, shots, seconds, result.metadata().get("seed"));
        List<Map.Entry<String, Long>> rows = new ArrayList<>(result.counts().entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int width = Math.max("outcome".length(), rows.isEmpty() ? 0 : rows.get(0).getKey().length());
        out.printf(Locale.ROOT, "%-" + width + "s %8s %8s%n", "outcome", "count", "prob");
        int shown = 0;
        for (Map.Entry<String, Long> row : rows) {
            if (shown++ == 32) {
                out.printf(Locale.ROOT, "... %d more outcomes (use --format json for all)%n", rows.size() - 32);
                break;
            }
            double p = row.getValue() / (double) shots;
            out.printf(Locale.ROOT, "%-" + width + "s %8d %8.4f %s%n", row.getKey(), row.getValue(), p,
                    "#".repeat((int) Math.round(p * 30)));
        }
    }
}
