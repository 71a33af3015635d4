package io.qexec.policy;

import java.util.List;

/** {@code round_robin}: circuit {@code i} runs all its shots on target {@code i mod n}, targets in order. */
final class RoundRobinSplit implements SplitPolicy {
    @Override
    public SplitOutcome split(SplitRequest request) {
        List<SplitRequest.Target> targets = BuiltInPolicies.targets(request, "round_robin");
        int[] shots = new int[targets.size()];
        shots[request.circuitIndex() % targets.size()] = request.shots();
        return new SplitOutcome(BuiltInPolicies.dispatch(request, targets, shots), request.data());
    }
}
