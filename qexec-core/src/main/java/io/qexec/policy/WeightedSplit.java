package io.qexec.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code weighted}: shots in proportion to the weights in policy data {@code weights} (a map of
 * {@code provider/backend} to a non-negative number), rounded by largest remainder so the totals are exact.
 * Every target needs a weight; a weight of zero gives no job.
 */
final class WeightedSplit implements SplitPolicy {
    @Override
    public SplitOutcome split(SplitRequest request) {
        List<SplitRequest.Target> targets = BuiltInPolicies.targets(request, "weighted");
        if (!(request.data().get("weights") instanceof Map<?, ?> weights)) {
            throw new IllegalArgumentException("weighted split needs policy data 'weights': a map of provider/backend to weight");
        }
        Set<String> known = new HashSet<>();
        double[] w = new double[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            String id = targets.get(i).id();
            known.add(id);
            Object value = weights.get(id);
            if (!(value instanceof Number n)) {
                throw new IllegalArgumentException("weighted split: no numeric weight for " + id + " in 'weights'");
            }
            w[i] = n.doubleValue();
        }
        for (Object k : weights.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                throw new IllegalArgumentException("weighted split: 'weights' names " + k + ", which is not a target backend");
            }
        }
        int[] shots = ShotAllocation.proportional(request.shots(), w);
        return new SplitOutcome(BuiltInPolicies.dispatch(request, targets, shots), request.data());
    }
}
