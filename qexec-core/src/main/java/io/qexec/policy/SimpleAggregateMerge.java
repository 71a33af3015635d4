package io.qexec.policy;

import io.qexec.result.JobResult;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code simple_aggregate}: the original project's merge: completed jobs' counts summed over every job,
 * <em>mixing different circuits</em>. Use {@code aggregate} to keep circuits apart.
 */
final class SimpleAggregateMerge implements MergePolicy {
    @Override
    public MergeOutcome merge(MergeRequest request) {
        Aggregation a = new Aggregation();
        SortedMap<String, Long> sum = new TreeMap<>();
        for (SortedMap<String, Long> counts : a.perCircuit(request.jobs()).values()) {
            counts.forEach((k, v) -> sum.merge(k, v, Long::sum));
        }
        return new MergeOutcome(sum, a.data(request.data()));
    }
}
