package io.qexec.executor;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;

/**
 * A step every job passes through just before its provider sees it, in registration order: a transpiler
 * that rewrites the circuit for the backend's native gates and coupling map, a pricing check, a tag. A step
 * that throws fails that job (as {@code INVALID_INPUT}), not the run.
 */
@FunctionalInterface
public interface SubmissionStep {

    /** The job to submit instead of {@code job} (return it unchanged to pass it on). */
    Job apply(Backend backend, Job job);
}
