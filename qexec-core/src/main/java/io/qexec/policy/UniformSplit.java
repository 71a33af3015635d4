package io.qexec.policy;

import java.util.List;

/**
 * {@code uniform}: the shots spread evenly over every target backend, across all providers, with one global
 * allocation: the totals equal the requested shots, and a backend that would get zero shots gets no job.
 */
final class UniformSplit implements SplitPolicy {
    @Override
    public SplitOutcome split(SplitRequest request) {
        List<SplitRequest.Target> targets = BuiltInPolicies.targets(request, "uniform");
        int[] shots = ShotAllocation.even(request.shots(), targets.size());
        return new SplitOutcome(BuiltInPolicies.dispatch(request, targets, shots), request.data());
    }
}
