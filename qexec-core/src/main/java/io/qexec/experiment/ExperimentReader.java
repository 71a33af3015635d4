package io.qexec.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import io.qexec.policy.PolicyLoadException;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.Backend;
import io.qexec.provider.NameSuggestions;
import io.qexec.provider.OptionSpec;
import io.qexec.provider.Provider;
import io.qexec.provider.StartupFailure;
import io.qexec.provider.VirtualProvider;
import io.qexec.qasm.OpenQasm;
import io.qexec.qasm.QasmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an experiment file into an {@link Experiment}, collecting every problem with its field's path. */
final class ExperimentReader {
    static final List<String> TOP_LEVEL = List.of("name", "description", "circuits", "shots", "backends", "split", "merge",
            "policies", "execution", "seed", "output", "dispatch");
    private static final List<String> CIRCUIT_KEYS = List.of("file", "qasm", "ghz", "qft", "random", "name", "parameters");
    private static final List<String> POLICY_KEYS = List.of("policy", "file", "data");
    private static final List<String> OUTPUT_KEYS = List.of("format", "file", "report");
    private static final List<String> BACKEND_KEYS = List.of("name", "options");
    private static final List<String> JOB_KEYS = List.of("circuit", "shots", "options", "id");

    private final VirtualProvider providers;
    private final PolicyRegistry policies;
    private final List<ExperimentProblem> problems = new ArrayList<>();
    private Path base;

    ExperimentReader(VirtualProvider providers, PolicyRegistry policies) {
        this.providers = providers;
        this.policies = policies;
    }

    Experiment read(Path file) {
        String text;
        if (!Files.isRegularFile(file)) {
            throw new InvalidExperimentException(file.toString(), List.of(new ExperimentProblem("",
                    Files.isDirectory(file) ? "is a directory, not an experiment file" : "no such file", null)));
        }
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidExperimentException(file.toString(), List.of(new ExperimentProblem("", "cannot read: " + e.getMessage(), null)));
        }
        Path dir = file.toAbsolutePath().getParent();
        Experiment e = parse(text, file.toString(), dir);
        return new Experiment(e.name().isEmpty() ? stem(file) : e.name(), Optional.of(file), e.circuits(), e.shots(),
                e.backends(), e.backendOptions(), e.split(), e.merge(), e.parallel(), e.seed(), e.output(), e.dispatch());
    }

    Experiment parse(String text, String fileName, Path baseDirectory) {
        this.base = baseDirectory == null ? Path.of("") : baseDirectory;
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr();
            throw new InvalidExperimentException(fileName, List.of(new ExperimentProblem(where,
                    "not valid YAML or JSON: " + syntaxMessage(e.getOriginalMessage()), null)));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidExperimentException(fileName, List.of(new ExperimentProblem("",
                    "an experiment is a mapping with at least 'circuits' and 'backends' (see docs/experiment-file.md)", null)));
        }
        unknownKeys(root, "", TOP_LEVEL);
        String name = text(root, "name", "");
        for (JsonNode f : list(root, "policies")) {
            // policy files named at the top level are loaded first, so split/merge may refer to their names
            loadPolicyFile(f, "policies");
        }
        List<ExperimentCircuit> circuits = new ArrayList<>();
        List<Integer> entryOf = new ArrayList<>();
        JsonNode cs = root.get("circuits");
        if (cs == null || cs.isNull()) {
            problem("circuits", "missing: list at least one circuit (a .qasm path, inline OpenQASM, or ghz/qft/random)");
        } else if (!cs.isArray() || cs.isEmpty()) {
            problem("circuits", "must be a non-empty list");
        } else {
            for (int i = 0; i < cs.size(); i++) {
                for (ExperimentCircuit c : circuit(cs.get(i), "circuits[" + i + "]", i)) {
                    circuits.add(c);
                    entryOf.add(i);
                }
            }
        }
        List<Integer> shots = shots(root.get("shots"), cs != null && cs.isArray() ? cs.size() : 0, entryOf);
        Map<String, Map<String, Object>> backendOptions = new LinkedHashMap<>();
        Map<String, List<String>> backends = new LinkedHashMap<>();
        Optional<Dispatch> dispatch = Optional.empty();
        JsonNode explicit = root.get("dispatch");
        if (explicit != null) {
            if (root.has("backends") || root.has("split")) {
                problem("dispatch", "give either 'dispatch' or 'backends' (with 'split'), not both");
            }
            dispatch = dispatch(explicit, circuits);
        } else {
            backends(root.get("backends"), backends, backendOptions);
            checkWidths(circuits, backends);
        }
        PolicyChoice split = policy(root.get("split"), "split", true).orElse(new PolicyChoice("uniform", Map.of()));
        Optional<PolicyChoice> merge = policy(root.get("merge"), "merge", false);
        boolean parallel = true;
        JsonNode exec = root.get("execution");
        if (exec != null) {
            if (exec.isTextual() && exec.asText().equals("sequential")) {
                parallel = false;
            } else if (!(exec.isTextual() && exec.asText().equals("parallel"))) {
                problem("execution", "must be 'parallel' or 'sequential', got " + show(exec));
            }
        }
        Optional<Long> seed = Optional.empty();
        JsonNode s = root.get("seed");
        if (s != null) {
            if (s.canConvertToLong() && s.isIntegralNumber() && s.asLong() >= 0) {
                seed = Optional.of(s.asLong());
            } else {
                problem("seed", "must be a whole number >= 0, got " + show(s));
            }
        }
        OutputSettings output = output(root.get("output"));
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(fileName, problems);
        }
        return new Experiment(name, Optional.empty(), circuits, shots, backends, backendOptions, split, merge, parallel,
                seed, output, dispatch);
    }

    // ---------------------------------------------------------------- circuits

    private List<ExperimentCircuit> circuit(JsonNode node, String path, int entry) {
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

    private List<Integer> shots(JsonNode node, int entries, List<Integer> entryOf) {
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

    // ---------------------------------------------------------------- backends

    private void backends(JsonNode node, Map<String, List<String>> out, Map<String, Map<String, Object>> options) {
        if (node == null || node.isNull()) {
            problem("backends", "missing: name the target backends, e.g. {local: [statevector, fake_aria]}, or 'all'");
            return;
        }
        if (node.isTextual() && (node.asText().equals("all") || node.asText().equals("all-online"))) {
            boolean online = node.asText().equals("all-online");
            providers.backends(online).forEach((p, bs) -> {
                if (!bs.isEmpty()) {
                    out.put(p, List.copyOf(bs.keySet()));
                }
            });
            return;
        }
        if (!node.isObject() || node.isEmpty()) {
            problem("backends", "must be 'all', 'all-online', or a mapping provider -> list of backends, got " + show(node));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String providerName = e.getKey();
            String path = "backends." + providerName;
            Provider provider = provider(providerName, path);
            if (provider == null) {
                continue;
            }
            JsonNode list = e.getValue();
            List<String> names = new ArrayList<>();
            if (list.isTextual() && (list.asText().equals("all") || list.asText().equals("all-online"))) {
                for (Backend b : provider.backends()) {
                    if (b.isOnline() || list.asText().equals("all")) {
                        names.add(b.name());
                    }
                }
            } else if (list.isArray() && !list.isEmpty()) {
                for (int i = 0; i < list.size(); i++) {
                    String at = path + "[" + i + "]";
                    JsonNode item = list.get(i);
                    String backendName;
                    JsonNode opts = null;
                    if (item.isTextual()) {
                        backendName = item.asText();
                    } else if (item.isObject() && item.has("name") && item.get("name").isTextual()) {
                        unknownKeys(item, at, BACKEND_KEYS);
                        backendName = item.get("name").asText();
                        opts = item.get("options");
                    } else {
                        problem(at, "a backend is a name or {name, options}, got " + show(item));
                        continue;
                    }
                    Backend b = backend(provider, backendName, at);
                    if (b == null) {
                        continue;
                    }
                    if (names.contains(backendName)) {
                        problem(at, "backend '" + backendName + "' is listed twice");
                        continue;
                    }
                    names.add(backendName);
                    if (opts != null) {
                        Map<String, Object> o = backendOptions(b, opts, at + ".options");
                        if (!o.isEmpty()) {
                            options.put(b.id(), o);
                        }
                    }
                }
            } else {
                problem(path, "must be a non-empty list of backend names (or 'all'), got " + show(list));
            }
            if (!names.isEmpty()) {
                out.put(providerName, names);
            }
        }
    }

    private Provider provider(String name, String path) {
        Optional<Provider> p = providers.provider(name);
        if (p.isPresent()) {
            return p.get();
        }
        for (StartupFailure f : providers.startupFailures()) {
            if (f.provider().equals(name)) {
                problems.add(new ExperimentProblem(path, "provider '" + name + "' could not start: " + f.reason(),
                        ExperimentProblem.Kind.CONFIGURATION));
                return null;
            }
        }
        problem(path, "unknown provider '" + name + "'" + hint(name, providers.names()) + " (available: "
                + String.join(", ", providers.names()) + ")");
        return null;
    }

    private Backend backend(Provider provider, String name, String path) {
        Optional<Backend> b;
        try {
            b = provider.backend(name);
        } catch (RuntimeException e) {
            problems.add(new ExperimentProblem(path, "provider '" + provider.name() + "' cannot list its backends: "
                    + e.getMessage(), ExperimentProblem.Kind.CONFIGURATION));
            return null;
        }
        if (b.isEmpty()) {
            List<String> known = provider.backends().stream().map(Backend::name).toList();
            problem(path, "unknown backend '" + name + "'" + hint(name, known));
            return null;
        }
        if (!b.get().isOnline()) {
            problems.add(new ExperimentProblem(path, "backend " + b.get().id() + " is " + b.get().status().label()
                    + ", not online", ExperimentProblem.Kind.CONFIGURATION));
            return null;
        }
        return b.get();
    }

    private Map<String, Object> backendOptions(Backend b, JsonNode opts, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!opts.isObject()) {
            problem(path, "must be a mapping of option names to values, got " + show(opts));
            return out;
        }
        List<String> known = b.options().stream().map(OptionSpec::name).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = opts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> o = it.next();
            Optional<OptionSpec> spec = b.option(o.getKey());
            Object value = Values.of(o.getValue());
            if (spec.isEmpty()) {
                problem(path + "." + o.getKey(), b.id() + " has no option '" + o.getKey() + "'" + hint(o.getKey(), known)
                        + " (options: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            } else if (value == null || !spec.get().type().accepts(value)) {
                problem(path + "." + o.getKey(), "must be " + spec.get().type().label() + ", got " + show(o.getValue()));
            } else {
                out.put(o.getKey(), value);
            }
        }
        return out;
    }

    private void checkWidths(List<ExperimentCircuit> circuits, Map<String, List<String>> backends) {
        for (int i = 0; i < circuits.size(); i++) {
            ExperimentCircuit c = circuits.get(i);
            for (Map.Entry<String, List<String>> e : backends.entrySet()) {
                for (String name : e.getValue()) {
                    Backend b = providers.provider(e.getKey()).flatMap(p -> p.backend(name)).orElse(null);
                    if (b != null && b.numQubits() > 0 && c.circuit().numQubits() > b.numQubits()) {
                        problem("circuits[" + c.entry() + "]", "'" + c.name() + "' has " + c.circuit().numQubits()
                                + " qubits but " + b.id() + " has " + b.numQubits());
                    }
                }
            }
        }
    }

    private Optional<Dispatch> dispatch(JsonNode node, List<ExperimentCircuit> circuits) {
        if (!node.isObject() || node.isEmpty()) {
            problem("dispatch", "must be a mapping provider -> backend -> list of jobs, got " + show(node));
            return Optional.empty();
        }
        Dispatch.Builder d = Dispatch.builder();
        for (Iterator<Map.Entry<String, JsonNode>> pi = node.fields(); pi.hasNext(); ) {
            Map.Entry<String, JsonNode> pe = pi.next();
            String ppath = "dispatch." + pe.getKey();
            Provider provider = provider(pe.getKey(), ppath);
            if (provider == null) {
                continue;
            }
            if (!pe.getValue().isObject()) {
                problem(ppath, "must be a mapping backend -> list of jobs, got " + show(pe.getValue()));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> bi = pe.getValue().fields(); bi.hasNext(); ) {
                Map.Entry<String, JsonNode> be = bi.next();
                String bpath = ppath + "." + be.getKey();
                Backend b = backend(provider, be.getKey(), bpath);
                if (b == null) {
                    continue;
                }
                JsonNode jobs = be.getValue();
                if (!jobs.isArray() || jobs.isEmpty()) {
                    problem(bpath, "must be a non-empty list of jobs {circuit, shots, options}, got " + show(jobs));
                    continue;
                }
                for (int i = 0; i < jobs.size(); i++) {
                    Job job = job(jobs.get(i), bpath + "[" + i + "]", b, circuits);
                    if (job != null) {
                        d.add(provider.name(), b.name(), job);
                    }
                }
            }
        }
        try {
            return Optional.of(d.build());
        } catch (IllegalArgumentException e) {
            problem("dispatch", e.getMessage());
            return Optional.empty();
        }
    }

    private Job job(JsonNode node, String path, Backend b, List<ExperimentCircuit> circuits) {
        if (!node.isObject()) {
            problem(path, "a job is a mapping {circuit, shots, options}, got " + show(node));
            return null;
        }
        unknownKeys(node, path, JOB_KEYS);
        JsonNode c = node.get("circuit");
        int index = -1;
        if (c == null) {
            problem(path + ".circuit", "missing: the index or name of a circuit in 'circuits'");
        } else if (c.isIntegralNumber()) {
            index = c.asInt();
            if (index < 0 || index >= circuits.size()) {
                problem(path + ".circuit", "no circuit with index " + index + " (there are " + circuits.size() + ")");
                index = -1;
            }
        } else if (c.isTextual()) {
            List<String> names = circuits.stream().map(ExperimentCircuit::name).toList();
            index = names.indexOf(c.asText());
            if (index < 0) {
                problem(path + ".circuit", "no circuit named '" + c.asText() + "'" + hint(c.asText(), names)
                        + " (circuits: " + String.join(", ", names) + ")");
            }
        } else {
            problem(path + ".circuit", "must be a circuit index or name, got " + show(c));
        }
        boolean shotsOk = positive(node.get("shots"), path + ".shots");
        Map<String, Object> options = node.has("options") ? backendOptions(b, node.get("options"), path + ".options") : Map.of();
        JsonNode id = node.get("id");
        if (index < 0 || !shotsOk) {
            return null;
        }
        ExperimentCircuit ec = circuits.get(index);
        if (b.numQubits() > 0 && ec.circuit().numQubits() > b.numQubits()) {
            problem(path, "'" + ec.name() + "' has " + ec.circuit().numQubits() + " qubits but " + b.id() + " has " + b.numQubits());
            return null;
        }
        return new Job(id == null ? null : id.asText(), index, ec.circuit(), node.get("shots").asInt(), options);
    }

    // ---------------------------------------------------------------- policies and output

    private Optional<PolicyChoice> policy(JsonNode node, String path, boolean isSplit) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String name = null;
        Map<String, Object> data = Map.of();
        if (node.isTextual()) {
            name = node.asText();
        } else if (node.isObject()) {
            unknownKeys(node, path, POLICY_KEYS);
            if (node.has("file")) {
                name = loadPolicyFile(node.get("file"), path + ".file");
                if (name == null) {
                    return Optional.empty();
                }
                if (node.has("policy") && !node.get("policy").asText().equals(name)) {
                    problem(path + ".policy", "the file registers policy '" + name + "', not '" + node.get("policy").asText() + "'");
                }
            } else if (node.has("policy") && node.get("policy").isTextual()) {
                name = node.get("policy").asText();
            } else {
                problem(path, "needs 'policy' (a registered name) or 'file' (a .java policy file)");
                return Optional.empty();
            }
            JsonNode d = node.get("data");
            if (d != null) {
                if (d.isObject()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) Values.of(d);
                    data = m;
                } else {
                    problem(path + ".data", "must be a mapping, got " + show(d));
                }
            }
        } else {
            problem(path, "must be a policy name or {policy, data} (or {file, data}), got " + show(node));
            return Optional.empty();
        }
        boolean exists = isSplit ? policies.findSplit(name).isPresent() : policies.findMerge(name).isPresent();
        if (!exists) {
            List<String> known = policies.names().entrySet().stream()
                    .filter(e -> e.getValue().contains(isSplit ? "split" : "merge")).map(Map.Entry::getKey).toList();
            problem(node.isObject() ? path + ".policy" : path, "unknown " + path + " policy '" + name + "'" + hint(name, known)
                    + " (known: " + String.join(", ", known) + ")");
            return Optional.empty();
        }
        return Optional.of(new PolicyChoice(name, data));
    }

    private String loadPolicyFile(JsonNode f, String path) {
        if (!f.isTextual() || !f.asText().endsWith(".java")) {
            problem(path, "must be the path of a .java policy file, got " + show(f));
            return null;
        }
        Path file = base.resolve(f.asText());
        if (!Files.isRegularFile(file)) {
            problem(path, "no such policy file '" + f.asText() + "' (looked for " + file.normalize() + ")");
            return null;
        }
        try {
            return policies.loadFile(file);
        } catch (PolicyLoadException e) {
            if (e.problems().isEmpty()) {
                problem(path, e.getMessage());
            }
            for (String p : e.problems()) {
                problem(path, p);
            }
            return null;
        }
    }

    private OutputSettings output(JsonNode node) {
        if (node == null) {
            return OutputSettings.DEFAULT;
        }
        if (!node.isObject()) {
            problem("output", "must be a mapping {format, file, report}, got " + show(node));
            return OutputSettings.DEFAULT;
        }
        unknownKeys(node, "output", OUTPUT_KEYS);
        Optional<String> format = Optional.empty();
        JsonNode f = node.get("format");
        if (f != null) {
            if (f.isTextual() && OutputSettings.FORMATS.contains(f.asText())) {
                format = Optional.of(f.asText());
            } else {
                problem("output.format", "must be one of " + String.join(", ", OutputSettings.FORMATS) + ", got " + show(f)
                        + (f.isTextual() ? hint(f.asText(), OutputSettings.FORMATS) : ""));
            }
        }
        return new OutputSettings(format, outPath(node.get("file"), "output.file"), outPath(node.get("report"), "output.report"));
    }

    private Optional<Path> outPath(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(path, "must be a file path, got " + show(node));
            return Optional.empty();
        }
        return Optional.of(Path.of(node.asText()));
    }

    // ---------------------------------------------------------------- helpers of this reader

    private void unknownKeys(JsonNode node, String path, List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problem(path.isEmpty() ? k : path + "." + k, "unknown key '" + k + "'" + hint(k, known)
                        + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private boolean positive(JsonNode v, String path) {
        if (v == null) {
            problem(path, "missing: a whole number >= 1");
            return false;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            problem(path, "must be a whole number >= 1, got " + show(v));
            return false;
        }
        return true;
    }

    private Circuit typeProblem(String path, String expected, JsonNode v) {
        problem(path, "must be " + expected + ", got " + show(v));
        return null;
    }

    private String text(JsonNode root, String key, String fallback) {
        JsonNode v = root.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            problem(key, "must be a string, got " + show(v));
            return fallback;
        }
        return v.asText();
    }

    private List<JsonNode> list(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(key, "must be a list, got " + show(v));
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private void problem(String path, String message) {
        problems.add(new ExperimentProblem(path, message, ExperimentProblem.Kind.INPUT));
    }

    private static String hint(String wrong, java.util.Collection<String> known) {
        return NameSuggestions.closest(wrong, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    private static String show(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        String s = v.isTextual() ? "'" + v.asText() + "'" : v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String defaultName(String origin) {
        String n = origin.contains("/") ? origin.substring(origin.lastIndexOf('/') + 1) : origin;
        return n.endsWith(".qasm") ? n.substring(0, n.length() - 5) : n;
    }

    /** The parser's message without its source excerpt: the first line and the line saying what was expected. */
    private static String syntaxMessage(String message) {
        String[] lines = message.split("\\R");
        String first = lines[0].strip();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("expected") || l.startsWith("found") || l.startsWith("could not find")) {
                return first + ": " + l;
            }
        }
        return first;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
