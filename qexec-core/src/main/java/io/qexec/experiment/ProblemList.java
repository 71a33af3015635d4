package io.qexec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.qexec.provider.NameSuggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** The problems found while reading one experiment file, with the checks every part of the reader shares. */
final class ProblemList {
    private final List<ExperimentProblem> problems = new ArrayList<>();

    void problem(String path, String message) {
        problems.add(new ExperimentProblem(path, message, ExperimentProblem.Kind.INPUT));
    }

    void configuration(String path, String message) {
        problems.add(new ExperimentProblem(path, message, ExperimentProblem.Kind.CONFIGURATION));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<ExperimentProblem> all() {
        return List.copyOf(problems);
    }

    /** Reports every key of {@code node} that is not in {@code known}, with the closest known key. */
    void unknownKeys(JsonNode node, String path, List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problem(path.isEmpty() ? k : path + "." + k, "unknown key '" + k + "'" + hint(k, known)
                        + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** Whether {@code v} is a whole number >= 1; reports it otherwise. */
    boolean positive(JsonNode v, String path) {
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

    /** " (did you mean 'x'?)" for the known name closest to {@code wrong}, or nothing. */
    static String hint(String wrong, Collection<String> known) {
        return NameSuggestions.closest(wrong, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** A value as it appears in a message, shortened. */
    static String show(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        String s = v.isTextual() ? "'" + v.asText() + "'" : v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
