package io.qexec.policy;

/** {@code aggregate}: completed jobs' counts summed per circuit; circuits are never mixed. */
final class AggregateMerge implements MergePolicy {
    @Override
    public MergeOutcome merge(MergeRequest request) {
        Aggregation a = new Aggregation();
        return new MergeOutcome(a.perCircuit(request.jobs()), a.data(request.data()));
    }
}
