package io.qexec.experiment;

import static io.qexec.experiment.ProblemList.hint;
import static io.qexec.experiment.ProblemList.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.OptionSpec;
import io.qexec.provider.Provider;
import io.qexec.provider.StartupFailure;
import io.qexec.provider.VirtualProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads where an experiment runs: {@code backends} with their options, or an explicit {@code dispatch}, checked
 * against the providers (names, status, options, widths).
 */
final class TargetSection {
    private static final List<String> BACKEND_KEYS = List.of("name", "options");
    private static final List<String> JOB_KEYS = List.of("circuit", "shots", "options", "id");

    private final ProblemList problems;
    private final VirtualProvider providers;

    TargetSection(ProblemList problems, VirtualProvider providers) {
        this.problems = problems;
        this.providers = providers;
    }

    void backends(JsonNode node, Map<String, List<String>> out, Map<String, Map<String, Object>> options) {
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
                problems.configuration(path, "provider '" + name + "' could not start: " + f.reason());
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
            problems.configuration(path, "provider '" + provider.name() + "' cannot list its backends: " + e.getMessage());
            return null;
        }
        if (b.isEmpty()) {
            List<String> known = provider.backends().stream().map(Backend::name).toList();
            problem(path, "unknown backend '" + name + "'" + hint(name, known));
            return null;
        }
        if (!b.get().isOnline()) {
            problems.configuration(path, "backend " + b.get().id() + " is " + b.get().status().label() + ", not online");
            return null;
        }
        return b.get();
    }

    Map<String, Object> backendOptions(Backend b, JsonNode opts, String path) {
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

    void checkWidths(List<ExperimentCircuit> circuits, Map<String, List<String>> backends) {
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

    Optional<Dispatch> dispatch(JsonNode node, List<ExperimentCircuit> circuits) {
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
