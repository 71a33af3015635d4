package io.qexec.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A merged value of any shape flattened into rows of (key path, value) for tables: nested maps and lists become
 * key paths; top-level integer keys are read as circuit indices and shown with the circuit's name.
 */
final class MergedValues {
    /**
     * One leaf.
     *
     * @param path the keys leading to it
     * @param value the leaf as text
     * @param number the leaf as a number, when it is one
     */
    record Row(List<String> path, String value, Double number) {
    }

    private MergedValues() {
    }

    static List<Row> flatten(Object value, RunSummary run) {
        List<Row> rows = new ArrayList<>();
        walk(value, new ArrayList<>(), rows, run);
        return rows;
    }

    private static void walk(Object v, List<String> path, List<Row> rows, RunSummary run) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                List<String> p = new ArrayList<>(path);
                Object k = e.getKey();
                p.add(path.isEmpty() && k instanceof Integer i ? "circuit " + i + " (" + run.circuitName(i) + ")" : String.valueOf(k));
                walk(e.getValue(), p, rows, run);
            }
        } else if (v instanceof Collection<?> c && !c.isEmpty() && c.stream().anyMatch(x -> x instanceof Map<?, ?> || x instanceof Collection<?>)) {
            int i = 0;
            for (Object x : c) {
                List<String> p = new ArrayList<>(path);
                p.add("[" + i++ + "]");
                walk(x, p, rows, run);
            }
        } else {
            rows.add(new Row(List.copyOf(path), text(v), v instanceof Number n ? n.doubleValue() : null));
        }
    }

    static String text(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
        }
        return String.valueOf(v);
    }
}
