package io.qexec.experiment;

import static io.qexec.experiment.ProblemList.hint;
import static io.qexec.experiment.ProblemList.show;


import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qexec.dispatch.Dispatch;
import io.qexec.policy.PolicyLoadException;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.VirtualProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class ExperimentReader {
    static final List<String> TOP_LEVEL = List.of("name", "description", "circuits", "shots", "backends", "split", "merge",
            "policies", "execution", "seed", "output", "dispatch");
    private static final List<String> POLICY_KEYS = List.of("policy", "file", "data");
    private static final List<String> OUTPUT_KEYS = List.of("format", "file", "report");

    private final VirtualProvider providers;
    private final PolicyRegistry policies;
    private final ProblemList problems = new ProblemList();
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
        CircuitSection circuitSection = new CircuitSection(problems, base);
        TargetSection targets = new TargetSection(problems, providers);
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
                for (ExperimentCircuit c : circuitSection.circuit(cs.get(i), "circuits[" + i + "]", i)) {
                    circuits.add(c);
                    entryOf.add(i);
                }
            }
        }
        List<Integer> shots = circuitSection.shots(root.get("shots"), cs != null && cs.isArray() ? cs.size() : 0, entryOf);
        Map<String, Map<String, Object>> backendOptions = new LinkedHashMap<>();
        Map<String, List<String>> backends = new LinkedHashMap<>();
        Optional<Dispatch> dispatch = Optional.empty();
        JsonNode explicit = root.get("dispatch");
        if (explicit != null) {
            if (root.has("backends") || root.has("split")) {
                problem("dispatch", "give either 'dispatch' or 'backends' (with 'split'), not both");
            }
            dispatch = targets.dispatch(explicit, circuits);
        } else {
            targets.backends(root.get("backends"), backends, backendOptions);
            targets.checkWidths(circuits, backends);
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
            throw new InvalidExperimentException(fileName, problems.all());
        }
        return new Experiment(name, Optional.empty(), circuits, shots, backends, backendOptions, split, merge, parallel,
                seed, output, dispatch);
    }

    // ---------------------------------------------------------------- circuits
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
        problems.problem(path, message);
    }

    private void unknownKeys(JsonNode node, String path, List<String> known) {
        problems.unknownKeys(node, path, known);
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
