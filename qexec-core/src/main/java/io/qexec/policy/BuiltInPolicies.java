package io.qexec.policy;

import io.qexec.dispatch.Dispatch;
import io.qexec.result.Metrics;
import java.util.List;
import java.util.Map;

/** Registers the built-in policies and holds what they share. */
final class BuiltInPolicies {
    private BuiltInPolicies() {
    }

    static void registerAll(PolicyRegistry r) {
        r.registerSplit("uniform", new UniformSplit());
        r.registerSplit("multiplier", new MultiplierSplit());
        r.registerSplit("weighted", new WeightedSplit());
        r.registerSplit("random", new RandomSplit());
        r.registerSplit("round_robin", new RoundRobinSplit());
        r.registerMerge("aggregate", new AggregateMerge());
        r.registerMerge("simple_aggregate", new SimpleAggregateMerge());
        r.registerMerge("probabilities", new ProbabilitiesMerge());
        r.registerMerge("tvd", new DistanceMerge("tvd", Metrics::totalVariationDistance));
        r.registerMerge("hellinger", new DistanceMerge("hellinger", Metrics::hellingerDistance));
        r.registerMerge("majority", new MajorityMerge());
    }

    /** The targets of a request, checked to be non-empty. */
    static List<SplitRequest.Target> targets(SplitRequest request, String policy) {
        List<SplitRequest.Target> targets = request.targets();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(policy + " split: no backends were given");
        }
        if (request.shots() < 1) {
            throw new IllegalArgumentException(policy + " split: shots must be at least 1, got " + request.shots());
        }
        return targets;
    }

    /** Per-job options given to split policies as policy data {@code options} (applied to every job). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> jobOptions(SplitRequest request) {
        Object o = request.data().get("options");
        if (o == null) {
            return Map.of();
        }
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("policy data 'options' must be a map of job options");
        }
        return (Map<String, Object>) o;
    }

    /** A dispatch giving {@code shots[i]} to target {@code i}, skipping zero allocations. */
    static Dispatch dispatch(SplitRequest request, List<SplitRequest.Target> targets, int[] shots) {
        Dispatch.Builder b = Dispatch.builder();
        Map<String, Object> options = jobOptions(request);
        for (int i = 0; i < targets.size(); i++) {
            if (shots[i] > 0) {
                b.add(targets.get(i).provider(), targets.get(i).backend(),
                        new io.qexec.dispatch.Job(null, request.circuitIndex(), request.circuit(), shots[i], options));
            }
        }
        return b.build();
    }
}
