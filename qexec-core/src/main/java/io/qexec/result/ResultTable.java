package io.qexec.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Results as a table: one row per (circuit, provider, backend, job, bitstring) with the count and its
 * probability within the job. A job without counts (pending, failed, cancelled) has one row with an empty
 * bitstring, zero count and its state and error.
 *
 * @param rows the rows, in dispatch order and then bitstring order
 */
public record ResultTable(List<Row> rows) {

    /** The column names, in order, as used by every export. */
    public static final List<String> COLUMNS = List.of("circuit_index", "circuit_name", "provider", "backend", "job_id",
            "state", "bitstring", "count", "probability", "shots", "error");

    /**
     * One row.
     *
     * @param circuitIndex the circuit's index
     * @param circuitName the circuit's name
     * @param provider the provider
     * @param backend the backend
     * @param jobId the job's id
     * @param state the job's state
     * @param bitstring the outcome (empty for a job without counts)
     * @param count how often the outcome occurred
     * @param probability the count divided by the job's total (0 without counts)
     * @param shots the shots the job asked for
     * @param error the job's error text, empty when none
     */
    public record Row(int circuitIndex, String circuitName, String provider, String backend, String jobId,
                      JobState state, String bitstring, long count, double probability, int shots, String error) {

        List<String> cells() {
            return List.of(Integer.toString(circuitIndex), circuitName, provider, backend, jobId, state.name(), bitstring,
                    Long.toString(count), Double.toString(probability), Integer.toString(shots), error);
        }
    }

    public ResultTable {
        rows = List.copyOf(rows);
    }

    /** The table of the given results. */
    public static ResultTable of(List<JobResult> results) {
        List<Row> rows = new ArrayList<>();
        for (JobResult r : results) {
            String error = r.failure().map(JobError::toString).orElse("");
            if (r.counts().isEmpty()) {
                rows.add(new Row(r.circuitIndex(), r.circuitName(), r.provider(), r.backend(), r.jobId(), r.state(), "", 0,
                        0, r.shots(), error));
                continue;
            }
            double total = r.totalCounts();
            for (Map.Entry<String, Long> e : r.counts().entrySet()) {
                rows.add(new Row(r.circuitIndex(), r.circuitName(), r.provider(), r.backend(), r.jobId(), r.state(),
                        e.getKey(), e.getValue(), e.getValue() / total, r.shots(), error));
            }
        }
        return new ResultTable(rows);
    }

    /** The table as CSV (RFC 4180: a header line, comma-separated, fields quoted when needed, CRLF line ends). */
    public String toCsv() {
        StringBuilder s = new StringBuilder();
        appendCsvLine(s, COLUMNS);
        for (Row row : rows) {
            appendCsvLine(s, row.cells());
        }
        return s.toString();
    }

    /** Writes the CSV form to a writer. */
    public void writeCsv(Writer out) {
        try {
            out.write(toCsv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as a JSON array of objects, one per row, with the {@link #COLUMNS} as keys. */
    public String toJson() {
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("circuit_index", r.circuitIndex());
            m.put("circuit_name", r.circuitName());
            m.put("provider", r.provider());
            m.put("backend", r.backend());
            m.put("job_id", r.jobId());
            m.put("state", r.state().name());
            m.put("bitstring", r.bitstring());
            m.put("count", r.count());
            m.put("probability", r.probability());
            m.put("shots", r.shots());
            m.put("error", r.error());
            objects.add(m);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(objects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the table as JSON", e);
        }
    }

    /** The table as aligned plain text for a console, with a header line and a rule. */
    public String toConsole() {
        List<String> header = List.of("circuit", "provider", "backend", "job", "state", "bitstring", "count", "prob");
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (Row r : rows) {
            String circuit = r.circuitName().isEmpty() ? Integer.toString(r.circuitIndex())
                    : r.circuitIndex() + ":" + r.circuitName();
            String job = r.jobId().length() > 8 ? r.jobId().substring(0, 8) : r.jobId();
            lines.add(List.of(circuit, r.provider(), r.backend(), job, r.state().name(), r.bitstring(),
                    Long.toString(r.count()), String.format(java.util.Locale.ROOT, "%.4f", r.probability())));
        }
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            List<String> line = lines.get(l);
            for (int i = 0; i < widths.length; i++) {
                boolean numeric = i >= 6;
                String cell = line.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                s.append(numeric ? pad + cell : cell + pad);
                s.append(i + 1 < widths.length ? "  " : "");
            }
            s.append(System.lineSeparator());
            if (l == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w;
                }
                s.append("-".repeat(total + 2 * (widths.length - 1))).append(System.lineSeparator());
            }
        }
        return s.toString();
    }

    private static void appendCsvLine(StringBuilder s, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                s.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                s.append(c);
            }
        }
        s.append("\r\n");
    }
}
