package io.qexec.policy;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code majority}: per circuit, each backend votes for its most frequent outcome; the outcome with the most
 * votes wins, ties broken by the larger total count, then by the smaller bitstring. The value is circuit index →
 * winning bitstring.
 */
final class MajorityMerge implements MergePolicy {
    @Override
    public MergeOutcome merge(MergeRequest request) {
        Aggregation a = new Aggregation();
        SortedMap<Integer, String> out = new TreeMap<>();
        a.perCircuitAndBackend(request.jobs()).forEach((circuit, byBackend) -> {
            Map<String, Integer> votes = new HashMap<>();
            Map<String, Long> totals = new HashMap<>();
            for (SortedMap<String, Long> counts : byBackend.values()) {
                counts.forEach((k, v) -> totals.merge(k, v, Long::sum));
                counts.entrySet().stream()
                        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .ifPresent(top -> votes.merge(top.getKey(), 1, Integer::sum));
            }
            votes.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparingLong(e -> totals.get(e.getKey()))
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .ifPresent(win -> out.put(circuit, win.getKey()));
        });
        return new MergeOutcome(out, a.data(request.data()));
    }
}
