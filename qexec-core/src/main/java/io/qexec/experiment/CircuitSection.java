package io.qexec.experiment;

import static io.qexec.experiment.ProblemList.hint;
import static io.qexec.experiment.ProblemList.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import io.qexec.qasm.QasmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code circuits} and {@code shots} of an experiment file: files, inline text, generators, sweeps. */
final class CircuitSection {
    private static final List<String> CIRCUIT_KEYS = List.of("file", "qasm", "ghz", "qft", "random", "name", "parameters");

    private final ProblemList problems;
    private final Path base;

    CircuitSection(ProblemList problems, Path base) {
        this.problems = problems;
        this.base = base;
    }

    List<ExperimentCircuit> circuit(JsonNode node, String path, int entry) {
        if (node.isTextual()) {
            String t = node.asText();
            if (t.stripLeading().startsWith("OPENQASM")) {
                return bound(inline(t, path), null, path, "inline", entry);
            }
            return bound(file(t, path), null, path, t, entry);
        }
        if (!node.isObject()) {
            problem(path, "a circuit is a .qasm path, inline OpenQASM, or a mapping such as {ghz: 5}; got " + show(node));
            return List.of();
        }
        unknownKeys(node, path, CIRCUIT_KEYS);
        List<String> sources = new ArrayList<>();
        for (String k : List.of("file", "qasm", "ghz", "qft", "random")) {
            if (node.has(k)) {
                sources.add(k);
            }
        }
        if (sources.size() != 1) {
            problem(path, sources.isEmpty() ? "needs one of file, qasm, ghz, qft or random"
                    : "has " + String.join(" and ", sources) + "; give exactly one circuit source");
            return List.of();
        }
        String kind = sources.get(0);
        JsonNode v = node.get(kind);
        String at = path + "." + kind;
        Circuit c = switch (kind) {
            case "file" -> v.isTextual() ? file(v.asText(), at) : typeProblem(at, "a path to a .qasm file", v);
            case "qasm" -> v.isTextual() ? inline(v.asText(), at) : typeProblem(at, "OpenQASM text", v);
            case "ghz" -> positive(v, at) ? CircuitGenerators.ghz(v.asInt()) : null;
            case "qft" -> positive(v, at) ? CircuitGenerators.qft(v.asInt()) : null;
            default -> random(v, at);
        };
        String origin = switch (kind) {
            case "file" -> v.asText();
            case "qasm" -> "inline";
            case "random" -> "random " + v;
            default -> kind + ": " + v.asText();
        };
        JsonNode n = node.get("name");
        String name = null;
        if (n != null) {
            if (n.isTextual() && !n.asText().isBlank()) {
                name = n.asText();
            } else {
                problem(path + ".name", "must be a non-empty string, got " + show(n));
            }
        }
        if (c == null) {
            return List.of();
        }
        JsonNode params = node.get("parameters");
        if (params == null) {
            return bound(c, name, path, origin, entry);
        }
        return sweep(c, name, params, path, origin, entry);
    }

    private List<ExperimentCircuit> bound(Circuit c, String name, String path, String origin, int entry) {
        if (c == null) {
            return List.of();
        }
        if (!c.isBound()) {
            problem(path, "the circuit has unbound parameter" + (c.parameters().size() == 1 ? " " : "s ")
                    + String.join(", ", c.parameters()) + "; give values with 'parameters: {"
                    + c.parameters().iterator().next() + ": 0.5}' (a list of values sweeps)");
            return List.of();
        }
        String n = name != null ? name : c.name().isEmpty() ? defaultName(origin) : c.name();
        return List.of(new ExperimentCircuit(n, c.withName(n), origin, entry));
    }

    private List<ExperimentCircuit> sweep(Circuit c, String name, JsonNode params, String path, String origin, int entry) {
        if (!params.isObject()) {
            problem(path + ".parameters", "must map parameter names to a number or a list of numbers, got " + show(params));
            return List.of();
        }
        List<Map<String, Double>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        Set<String> known = c.parameters();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String at = path + ".parameters." + p.getKey();
            if (!known.contains(p.getKey())) {
                problem(at, "the circuit has no parameter '" + p.getKey() + "'" + (known.isEmpty() ? " (it has none)"
                        : " (its parameters: " + String.join(", ", known) + ")" + hint(p.getKey(), known)));
                ok = false;
                continue;
            }
            List<Double> values = new ArrayList<>();
            JsonNode v = p.getValue();
            if (v.isNumber()) {
                values.add(v.asDouble());
            } else if (v.isArray() && !v.isEmpty()) {
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isNumber()) {
                        values.add(v.get(i).asDouble());
                    } else {
                        problem(at + "[" + i + "]", "must be a number, got " + show(v.get(i)));
                        ok = false;
                    }
                }
            } else {
                problem(at, "must be a number or a non-empty list of numbers, got " + show(v));
                ok = false;
            }
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> point : points) {
                for (double value : values) {
                    Map<String, Double> m = new LinkedHashMap<>(point);
                    m.put(p.getKey(), value);
                    next.add(m);
                }
            }
            points = next;
        }
        if (!ok) {
            return List.of();
        }
        String baseName = name != null ? name : c.name().isEmpty() ? defaultName(origin) : c.name();
        List<ExperimentCircuit> out = new ArrayList<>();
        for (Map<String, Double> point : points) {
            Circuit b = c.bind(point);
            if (!b.isBound()) {
                return bound(b, null, path, origin, entry);
            }
            String n = point.isEmpty() ? baseName : baseName + point.toString().replace("{", "[").replace("}", "]")
                    .replace(" ", "");
            out.add(new ExperimentCircuit(n, b.withName(n), origin, entry));
        }
        return out;
    }

    private Circuit file(String relative, String path) {
        Path f = base.resolve(relative);
        if (!Files.isRegularFile(f)) {
            problem(path, "no such circuit file '" + relative + "' (looked for " + f.normalize() + ")");
            return null;
        }
        try {
            return OpenQasm.parse(f);
        } catch (QasmException e) {
            problem(path, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            problem(path, "cannot read '" + relative + "': " + e.getMessage());
            return null;
        }
    }

    private Circuit inline(String qasm, String path) {
        try {
            return OpenQasm.parse(qasm, "inline");
        } catch (QasmException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    private Circuit random(JsonNode v, String path) {
        if (!v.isObject()) {
            problem(path, "must be a mapping {qubits, depth, seed}, got " + show(v));
            return null;
        }
        unknownKeys(v, path, List.of("qubits", "depth", "seed"));
        boolean ok = positive(v.get("qubits"), path + ".qubits") & positive(v.get("depth"), path + ".depth");
        JsonNode s = v.get("seed");
        if (s != null && !(s.isIntegralNumber() && s.asLong() >= 0)) {
            problem(path + ".seed", "must be a whole number >= 0, got " + show(s));
            ok = false;
        }
        return ok ? CircuitGenerators.random(v.get("qubits").asInt(), v.get("depth").asInt(), s == null ? 0 : s.asLong()) : null;
    }

    List<Integer> shots(JsonNode node, int entries, List<Integer> entryOf) {
        if (node == null) {
            return List.of(1024);
        }
        if (node.isArray()) {
            List<Integer> perEntry = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                perEntry.add(positive(node.get(i), "shots[" + i + "]") ? node.get(i).asInt() : 1);
            }
            if (entries > 0 && perEntry.size() != entries) {
                problem("shots", "gives " + perEntry.size() + " shot counts for " + entries
                        + " circuits; give one number, or one per circuit");
                return List.of(1);
            }
            List<Integer> perCircuit = new ArrayList<>();
            for (int e : entryOf) {
                perCircuit.add(perEntry.get(e));
            }
            return perCircuit.isEmpty() ? List.of(1) : perCircuit;
        }
        return positive(node, "shots") ? List.of(node.asInt()) : List.of(1);
    }
    private Circuit typeProblem(String path, String expected, JsonNode v) {
        problem(path, "must be " + expected + ", got " + show(v));
        return null;
    }

    private static String defaultName(String origin) {
        String n = origin.contains("/") ? origin.substring(origin.lastIndexOf('/') + 1) : origin;
        return n.endsWith(".qasm") ? n.substring(0, n.length() - 5) : n;
    }

    private void problem(String path, String message) {
        problems.problem(path, message);
    }

    private boolean positive(JsonNode v, String path) {
        return problems.positive(v, path);
    }

    private void unknownKeys(JsonNode node, String path, List<String> known) {
        problems.unknownKeys(node, path, known);
    }
}
