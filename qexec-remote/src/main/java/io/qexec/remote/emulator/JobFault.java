package io.qexec.remote.emulator;

import java.util.Optional;

/**
 * The fault an emulated job was given at submission.
 *
 * @param stuck whether the job never leaves the queue
 * @param failureCode the failure code when the job is to fail (the fault's argument, if any)
 * @param fails whether the job fails
 */
public record JobFault(boolean stuck, boolean fails, Optional<String> failureCode) {

    /** No fault. */
    public static final JobFault NONE = new JobFault(false, false, Optional.empty());
}
