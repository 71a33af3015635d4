package io.qexec.report;

import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run as aligned plain text for a terminal, at most {@value #WIDTH} columns wide: a summary line, then per
 * circuit one line per job (backend, state, shots and the most frequent outcomes with their probabilities, as
 * many as fit), then the merged result. Failed jobs show their error instead of outcomes.
 */
public final class ResultsConsole {
    /** The widest line written. */
    public static final int WIDTH = 80;
    private static final int MERGED_ROWS = 40;

    private ResultsConsole() {
    }

    /** The run as text; every line at most {@value #WIDTH} characters. */
    public static String render(RunSummary run) {
        StringBuilder s = new StringBuilder();
        Map<JobState, Integer> states = run.stateCounts();
        List<String> counts = new ArrayList<>();
        states.forEach((state, n) -> {
            if (n > 0) {
                counts.add(n + " " + state.name().toLowerCase(Locale.ROOT));
            }
        });
        line(s, String.format(Locale.ROOT, "%s: %d jobs (%s) in %.2f s", run.experiment(), run.jobs().size(),
                String.join(", ", counts), run.elapsed().toMillis() / 1000.0));
        int labelWidth = 7;
        for (JobResult j : run.jobs()) {
            labelWidth = Math.max(labelWidth, label(j).length());
        }
        labelWidth = Math.min(labelWidth, 26);
        for (RunSummary.CircuitInfo c : run.circuits()) {
            List<JobResult> jobs = run.jobs().stream().filter(j -> j.circuitIndex() == c.index()).toList();
            if (jobs.isEmpty()) {
                continue;
            }
            s.append(System.lineSeparator());
            line(s, "circuit " + c.index() + ": " + c.name() + " (" + c.qubits() + (c.qubits() == 1 ? " qubit" : " qubits")
                    + (c.origin().isEmpty() || c.origin().equals(c.name()) ? "" : ", " + c.origin()) + ")");
            String head = String.format(Locale.ROOT, "  %-" + labelWidth + "s  %-9s  %6s  %s", "backend", "state", "shots",
                    "outcomes (probability)");
            line(s, head);
            for (JobResult j : jobs) {
                String prefix = String.format(Locale.ROOT, "  %-" + labelWidth + "s  %-9s  %6d  ", cut(label(j), labelWidth),
                        j.state().name(), j.shots());
                line(s, prefix + outcomes(j, WIDTH - prefix.length()));
            }
        }
        run.merged().ifPresent(m -> {
            s.append(System.lineSeparator());
            if (!m.isSuccess()) {
                line(s, "merged (" + m.policy() + "): FAILED: " + m.failure().map(Object::toString).orElse(""));
                return;
            }
            line(s, "merged (" + m.policy() + "):");
            List<MergedValues.Row> rows = MergedValues.flatten(m.value(), run);
            int depth = rows.stream().mapToInt(r -> r.path().size()).max().orElse(0);
            int[] widths = new int[depth];
            for (MergedValues.Row r : rows) {
                for (int d = 0; d < r.path().size(); d++) {
                    widths[d] = Math.min(30, Math.max(widths[d], r.path().get(d).length()));
                }
            }
            List<String> previous = List.of();
            int shown = 0;
            for (MergedValues.Row r : rows) {
                if (shown++ == MERGED_ROWS) {
                    line(s, "  ... " + (rows.size() - MERGED_ROWS) + " more (see --format json)");
                    break;
                }
                StringBuilder l = new StringBuilder(" ");
                boolean same = true;
                for (int d = 0; d < depth; d++) {
                    String part = d < r.path().size() ? r.path().get(d) : "";
                    same = same && d < previous.size() && previous.get(d).equals(part);
                    l.append(' ').append(String.format(Locale.ROOT, "%-" + widths[d] + "s", same ? "" : cut(part, widths[d])))
                            .append(' ');
                }
                line(s, l + " " + r.value());
                previous = r.path();
            }
        });
        return s.toString();
    }

    private static String label(JobResult j) {
        return j.provider() + "/" + j.backend();
    }

    private static String outcomes(JobResult j, int room) {
        if (j.state() == JobState.FAILED || j.state() == JobState.CANCELLED) {
            return cut(j.failure().map(e -> e.message()).orElse(""), room);
        }
        if (j.counts().isEmpty()) {
            return "";
        }
        List<Map.Entry<String, Long>> rows = new ArrayList<>(j.counts().entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        double total = j.totalCounts();
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Long> e : rows) {
            String item = (s.isEmpty() ? "" : "  ") + e.getKey() + " " + String.format(Locale.ROOT, "%.3f", e.getValue() / total);
            int rest = rows.size() - shown - 1;
            String more = rest > 0 ? "  +" + rest : "";
            if (s.length() + item.length() + more.length() > room) {
                if (shown == 0) {
                    return cut(e.getKey(), room);
                }
                s.append("  +").append(rows.size() - shown);
                return s.toString();
            }
            s.append(item);
            shown++;
        }
        return s.toString();
    }

    private static String cut(String text, int width) {
        if (width <= 0) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "~";
    }

    private static void line(StringBuilder s, String text) {
        s.append(cut(text, WIDTH)).append(System.lineSeparator());
    }
}
