package io.qexec.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One-line descriptions of the policies in a registry, for listings such as {@code qexec policies}. */
public final class PolicyDescriptions {
    private static final Map<String, String> SPLITS = Map.of(
            "uniform", "spread each circuit's shots evenly over all backends (totals exact, no zero-shot job)",
            "multiplier", "run every circuit with all its shots on every backend",
            "weighted", "spread shots by data 'weights' (provider/backend -> weight), largest remainder",
            "random", "spread shots at random (data 'seed'); every backend gets at least one when possible",
            "round_robin", "circuit i runs all its shots on backend i mod n");
    private static final Map<String, String> MERGES = Map.of(
            "aggregate", "per circuit, the counts of all its jobs summed",
            "simple_aggregate", "all counts summed, circuits mixed (as the original Quantum Executor did)",
            "probabilities", "per circuit, the summed counts normalised to probabilities",
            "tvd", "per circuit, each backend's total variation distance to data 'reference' (provider/backend)",
            "hellinger", "per circuit, each backend's Hellinger distance to data 'reference' (provider/backend)",
            "majority", "per circuit, the outcome most backends rank first");

    /**
     * One listed policy.
     *
     * @param name the registered name
     * @param kind {@code split} or {@code merge}
     * @param description what it does, in one line
     * @param builtIn whether it ships with qexec
     */
    public record Entry(String name, String kind, String description, boolean builtIn) {
    }

    private PolicyDescriptions() {
    }

    /** Every policy of the registry, one entry per (name, kind), splits first, each kind sorted by name. */
    public static List<Entry> of(PolicyRegistry registry) {
        List<Entry> splits = new ArrayList<>();
        List<Entry> merges = new ArrayList<>();
        registry.names().forEach((name, kinds) -> {
            if (kinds.contains("split")) {
                splits.add(entry(name, "split", SPLITS));
            }
            if (kinds.contains("merge")) {
                merges.add(entry(name, "merge", MERGES));
            }
        });
        List<Entry> out = new ArrayList<>(splits);
        out.addAll(merges);
        return out;
    }

    /** The description of a built-in policy of this kind. */
    public static Optional<String> builtIn(String name, String kind) {
        return Optional.ofNullable(("split".equals(kind) ? SPLITS : MERGES).get(name));
    }

    private static Entry entry(String name, String kind, Map<String, String> known) {
        String d = known.get(name);
        return new Entry(name, kind, d != null ? d : "plug-in policy", d != null);
    }
}
