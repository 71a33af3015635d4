package io.qexec.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: left-aligned columns two spaces apart, a header and a rule. When the table is
 * wider than the limit, the last column is wrapped at word boundaries onto continuation lines aligned with it.
 */
public final class TextTable {
    private TextTable() {
    }

    /**
     * The table as text.
     *
     * @param header the column names
     * @param rows the cells, one list per row, each as long as the header
     * @param maxWidth the widest line wanted (the last column wraps to fit when the others leave room)
     * @throws IllegalArgumentException if a row has another number of cells than the header
     */
    public static String render(List<String> header, List<List<String>> rows, int maxWidth) {
        int n = header.size();
        int[] widths = new int[n];
        for (List<String> row : concat(header, rows)) {
            if (row.size() != n) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + n);
            }
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        int lead = 0;
        for (int i = 0; i < n - 1; i++) {
            lead += widths[i] + 2;
        }
        int last = Math.max(Math.min(widths[n - 1], maxWidth - lead), 12);
        StringBuilder s = new StringBuilder();
        appendRow(s, header, widths, lead, last);
        s.append("-".repeat(Math.min(maxWidth, lead + Math.max(last, header.get(n - 1).length())))).append(System.lineSeparator());
        for (List<String> row : rows) {
            appendRow(s, row, widths, lead, last);
        }
        return s.toString();
    }

    private static void appendRow(StringBuilder s, List<String> row, int[] widths, int lead, int last) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size() - 1; i++) {
            line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
        List<String> pieces = wrap(row.get(row.size() - 1), last);
        for (int p = 0; p < pieces.size(); p++) {
            if (p > 0) {
                line = new StringBuilder(" ".repeat(lead));
            }
            s.append((line + pieces.get(p)).stripTrailing()).append(System.lineSeparator());
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!cur.isEmpty() && cur.length() + 1 + word.length() > width) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            while (word.length() > width) {
                out.add(word.substring(0, width));
                word = word.substring(width);
            }
            cur.append(cur.isEmpty() ? "" : " ").append(word);
        }
        out.add(cur.toString());
        return out;
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
