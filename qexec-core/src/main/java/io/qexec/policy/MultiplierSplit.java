package io.qexec.policy;

import java.util.Arrays;
import java.util.List;

/** {@code multiplier}: every target backend runs the circuit for all the requested shots. */
final class MultiplierSplit implements SplitPolicy {
    @Override
    public SplitOutcome split(SplitRequest request) {
        List<SplitRequest.Target> targets = BuiltInPolicies.targets(request, "multiplier");
        int[] shots = new int[targets.size()];
        Arrays.fill(shots, request.shots());
        return new SplitOutcome(BuiltInPolicies.dispatch(request, targets, shots), request.data());
    }
}
