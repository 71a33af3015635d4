package io.qexec.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A grouped bar chart as inline SVG: one group per outcome, one bar per series (backend), probability on the
 * y axis. With more than {@code topK} outcomes, only those reaching {@link #MIN_SHOWN} in some series are drawn
 * (at most {@code topK}, the most probable first, at least two), in bitstring order, and the rest are summed into
 * a final {@code other} group.
 */
final class Histogram {
    static final String OTHER = "other";
    static final String[] COLORS = {"#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2",
        "#97bbf5", "#9c6b4e", "#9498a0"};
    private static final int PLOT_HEIGHT = 240;
    private static final int LEFT = 58;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int MAX_WIDTH = 1040;
    /** With more outcomes than fit, outcomes below this probability in every series go to "other". */
    static final double MIN_SHOWN = 0.01;

    private Histogram() {
    }

    /** Each series' counts turned into probabilities over the shown groups (top-k outcomes plus {@code other}). */
    static Map<String, Map<String, Double>> groups(Map<String, ? extends Map<String, ? extends Number>> series, int topK) {
        Map<String, Map<String, Double>> probs = new LinkedHashMap<>();
        Map<String, Double> best = new TreeMap<>();
        series.forEach((name, counts) -> {
            double total = 0;
            for (Number n : counts.values()) {
                total += n.doubleValue();
            }
            Map<String, Double> p = new TreeMap<>();
            for (Map.Entry<String, ? extends Number> e : counts.entrySet()) {
                double v = total == 0 ? 0 : e.getValue().doubleValue() / total;
                p.put(e.getKey(), v);
                best.merge(e.getKey(), v, Math::max);
            }
            probs.put(name, p);
        });
        List<String> ranked = new ArrayList<>(best.keySet());
        ranked.sort(Comparator.comparing((String k) -> -best.get(k)).thenComparing(k -> k));
        TreeSet<String> shown = new TreeSet<>();
        for (String k : ranked) {
            boolean visible = ranked.size() <= topK || best.get(k) >= MIN_SHOWN;
            if (shown.size() < topK && (visible || shown.size() < 2)) {
                shown.add(k);
            }
        }
        boolean other = ranked.size() > shown.size();
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        probs.forEach((name, p) -> {
            Map<String, Double> g = new LinkedHashMap<>();
            for (String k : shown) {
                g.put(k, p.getOrDefault(k, 0.0));
            }
            if (other) {
                double rest = 0;
                for (Map.Entry<String, Double> e : p.entrySet()) {
                    if (!shown.contains(e.getKey())) {
                        rest += e.getValue();
                    }
                }
                g.put(OTHER, rest);
            }
            out.put(name, g);
        });
        return out;
    }

    /** The chart as an {@code <svg>} element with a title for each bar; the legend is drawn by the caller. */
    static String svg(String title, Map<String, Map<String, Double>> groups, int hiddenOutcomes) {
        List<String> series = new ArrayList<>(groups.keySet());
        List<String> outcomes = series.isEmpty() ? List.of() : new ArrayList<>(groups.get(series.get(0)).keySet());
        int n = Math.max(1, series.size());
        int groupsCount = Math.max(1, outcomes.size());
        int bar = Math.max(4, Math.min(26, ((MAX_WIDTH - LEFT - RIGHT) / groupsCount - 12) / n));
        int groupWidth = n * bar + 12;
        int longest = outcomes.stream().mapToInt(String::length).max().orElse(1);
        boolean rotate = longest * 7 > groupWidth - 4;
        int bottom = rotate ? 40 + (int) (longest * 5.2) : 44;
        int width = Math.max(520, LEFT + RIGHT + outcomes.size() * groupWidth);
        int plotWidth = width - LEFT - RIGHT;
        groupWidth = outcomes.isEmpty() ? groupWidth : plotWidth / outcomes.size();
        double max = 0;
        for (Map<String, Double> g : groups.values()) {
            for (double v : g.values()) {
                max = Math.max(max, v);
            }
        }
        double step = max <= 0.1 ? 0.02 : max <= 0.25 ? 0.05 : max <= 0.5 ? 0.1 : 0.2;
        double top = Math.min(1.0, Math.max(step, Math.ceil(max / step - 1e-9) * step));
        int height = TOP + PLOT_HEIGHT + bottom;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"histogram\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" aria-label=\"%s\">", width, height, width, height,
                Html.escape(title)));
        s.append("<title>").append(Html.escape(title)).append("</title>");
        for (int t = 0; t * step <= top + 1e-9; t++) {
            double v = t * step;
            double y = TOP + PLOT_HEIGHT - v / top * PLOT_HEIGHT;
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", LEFT,
                    width - RIGHT, y, y));
            s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y + 4, trim(v)));
        }
        s.append(String.format(Locale.ROOT, "<text class=\"axis-label\" transform=\"translate(14 %d) rotate(-90)\" "
                + "text-anchor=\"middle\">probability</text>", TOP + PLOT_HEIGHT / 2));
        for (int o = 0; o < outcomes.size(); o++) {
            String outcome = outcomes.get(o);
            double x0 = LEFT + o * groupWidth + (groupWidth - n * bar) / 2.0;
            for (int i = 0; i < series.size(); i++) {
                double v = groups.get(series.get(i)).getOrDefault(outcome, 0.0);
                double h = v / top * PLOT_HEIGHT;
                s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
                        + "fill=\"%s\" data-series=\"%s\" data-outcome=\"%s\"><title>%s · %s: %.4f</title></rect>",
                        x0 + i * bar, TOP + PLOT_HEIGHT - h, bar - 1, h, COLORS[i % COLORS.length], Html.escape(series.get(i)),
                        Html.escape(outcome), Html.escape(series.get(i)), Html.escape(label(outcome, hiddenOutcomes)), v));
            }
            double cx = LEFT + o * groupWidth + groupWidth / 2.0;
            double ly = TOP + PLOT_HEIGHT + 14;
            if (rotate) {
                s.append(String.format(Locale.ROOT, "<text class=\"outcome\" transform=\"translate(%.1f %.1f) rotate(-45)\" "
                        + "text-anchor=\"end\">%s</text>", cx + 3, ly - 4, Html.escape(outcome)));
            } else {
                s.append(String.format(Locale.ROOT, "<text class=\"outcome\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                        cx, ly, Html.escape(outcome)));
            }
        }
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>", LEFT, width - RIGHT,
                TOP + PLOT_HEIGHT, TOP + PLOT_HEIGHT));
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>", LEFT, LEFT, TOP,
                TOP + PLOT_HEIGHT));
        s.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "outcome (classical bit 0 rightmost)</text>", LEFT + plotWidth / 2, height - 6));
        s.append("</svg>");
        return s.toString();
    }

    private static String label(String outcome, int hidden) {
        return outcome.equals(OTHER) ? "other (" + hidden + " outcomes)" : outcome;
    }

    private static String trim(double v) {
        String t = String.format(Locale.ROOT, "%.2f", v);
        return t.endsWith("0") ? t.substring(0, t.length() - 1) : t;
    }
}
