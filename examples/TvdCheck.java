import io.qexec.policy.MergeOutcome;
import io.qexec.policy.MergePolicy;
import io.qexec.policy.MergeRequest;
import io.qexec.policy.PolicyPlugin;
import io.qexec.result.JobResult;
import io.qexec.result.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Hybrid validation: for every circuit, compares each backend's distribution with a trusted classical
 * simulation (policy data "reference", a provider/backend) by total variation distance, and gives a verdict
 * against a tolerance (policy data "threshold", default 0.1).
 *
 * The merged value is circuit index -> provider/backend -> {tvd, verdict}; the reference itself is left out.
 */
public class TvdCheck implements PolicyPlugin, MergePolicy {

    @Override
    public String name() {
        return "tvd_check";
    }

    @Override
    public MergePolicy merge() {
        return this;
    }

    @Override
    public MergeOutcome merge(MergeRequest request) {
        String reference = (String) request.data().get("reference");
        if (reference == null) {
            throw new IllegalArgumentException("tvd_check needs policy data 'reference': the provider/backend to trust");
        }
        double threshold = ((Number) request.data().getOrDefault("threshold", 0.1)).doubleValue();
        Map<Integer, Map<String, Object>> verdicts = new TreeMap<>();
        for (Map.Entry<Integer, List<JobResult>> circuit : request.byCircuit().entrySet()) {
            Map<String, SortedMap<String, Long>> counts = new LinkedHashMap<>();
            for (JobResult r : circuit.getValue()) {
                if (r.isSuccess()) {
                    SortedMap<String, Long> c = counts.computeIfAbsent(r.provider() + "/" + r.backend(), k -> new TreeMap<>());
                    r.counts().forEach((k, v) -> c.merge(k, v, Long::sum));
                }
            }
            SortedMap<String, Long> trusted = counts.get(reference);
            if (trusted == null) {
                throw new IllegalArgumentException("circuit " + circuit.getKey() + " has no result from " + reference);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            counts.forEach((backend, c) -> {
                if (!backend.equals(reference)) {
                    double tvd = Metrics.totalVariationDistance(c, trusted);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("tvd", tvd);
                    v.put("verdict", tvd <= threshold ? "pass" : "fail");
                    row.put(backend, v);
                }
            });
            verdicts.put(circuit.getKey(), row);
        }
        return new MergeOutcome(verdicts, request.data());
    }
}
