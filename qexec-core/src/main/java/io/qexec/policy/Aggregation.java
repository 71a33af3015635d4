package io.qexec.policy;

import io.qexec.result.JobResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Summing counts, keeping circuits (and, when asked, backends) apart, and noting the jobs skipped. */
final class Aggregation {
    private final List<String> skipped = new ArrayList<>();

    /** Completed jobs' counts summed per circuit index. */
    SortedMap<Integer, SortedMap<String, Long>> perCircuit(List<JobResult> jobs) {
        SortedMap<Integer, SortedMap<String, Long>> out = new TreeMap<>();
        for (JobResult r : jobs) {
            if (!r.isSuccess()) {
                skipped.add(r.jobId());
                continue;
            }
            SortedMap<String, Long> sum = out.computeIfAbsent(r.circuitIndex(), k -> new TreeMap<>());
            r.counts().forEach((k, v) -> sum.merge(k, v, Long::sum));
        }
        return out;
    }

    /** Completed jobs' counts summed per circuit index, then per {@code provider/backend}. */
    SortedMap<Integer, Map<String, SortedMap<String, Long>>> perCircuitAndBackend(List<JobResult> jobs) {
        SortedMap<Integer, Map<String, SortedMap<String, Long>>> out = new TreeMap<>();
        for (JobResult r : jobs) {
            if (!r.isSuccess()) {
                skipped.add(r.jobId());
                continue;
            }
            SortedMap<String, Long> sum = out.computeIfAbsent(r.circuitIndex(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.provider() + "/" + r.backend(), k -> new TreeMap<>());
            r.counts().forEach((k, v) -> sum.merge(k, v, Long::sum));
        }
        return out;
    }

    /** The input data plus {@code skipped_jobs}. */
    Map<String, Object> data(Map<String, Object> input) {
        Map<String, Object> out = new LinkedHashMap<>(input);
        out.put("skipped_jobs", List.copyOf(skipped));
        return out;
    }
}
