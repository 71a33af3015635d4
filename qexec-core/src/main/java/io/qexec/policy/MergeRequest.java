package io.qexec.policy;

import io.qexec.result.JobResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a merge policy receives.
 *
 * @param results every job's final result, provider → backend → list in dispatch order
 * @param data the policy data: the caller's merge data, or else what the split policy returned
 */
public record MergeRequest(Map<String, Map<String, List<JobResult>>> results, Map<String, Object> data) {

    public MergeRequest {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** Every result in dispatch order. */
    public List<JobResult> jobs() {
        List<JobResult> out = new ArrayList<>();
        results.values().forEach(backends -> backends.values().forEach(out::addAll));
        return out;
    }

    /** The results grouped by circuit index, in increasing order. */
    public Map<Integer, List<JobResult>> byCircuit() {
        Map<Integer, List<JobResult>> out = new TreeMap<>();
        for (JobResult r : jobs()) {
            out.computeIfAbsent(r.circuitIndex(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
