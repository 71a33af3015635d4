package io.qexec.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code random}: shots spread over the targets in random proportions, totals exact. With at least as many
 * shots as targets every target gets at least one shot. Reproducible: the seed comes from policy data
 * {@code seed} (a fresh one is drawn and returned in the data when absent), mixed with the circuit index.
 */
final class RandomSplit implements SplitPolicy {
    @Override
    public SplitOutcome split(SplitRequest request) {
        List<SplitRequest.Target> targets = BuiltInPolicies.targets(request, "random");
        Map<String, Object> data = new LinkedHashMap<>(request.data());
        Object s = data.get("seed");
        long seed;
        if (s == null) {
            seed = new SplittableRandom().nextLong();
            data.put("seed", seed);
        } else if (s instanceof Number n) {
            seed = n.longValue();
        } else {
            throw new IllegalArgumentException("random split: policy data 'seed' must be a number, got " + s);
        }
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (request.circuitIndex() + 1)));
        int n = targets.size();
        int guaranteed = request.shots() >= n ? 1 : 0;
        int rest = request.shots() - guaranteed * n;
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = random.nextDouble() + 1e-9;
        }
        int[] shots = rest == 0 ? new int[n] : ShotAllocation.proportional(rest, weights);
        for (int i = 0; i < n; i++) {
            shots[i] += guaranteed;
        }
        return new SplitOutcome(BuiltInPolicies.dispatch(request, targets, shots), data);
    }
}
