package io.qexec.remote;

import java.time.Duration;

/**
 * How a remote job's status is polled: the first wait, then each wait doubled up to a cap (1, 2, 4 ... s by
 * default), and the longest a job may take before it is given up (and cancelled, when asked).
 *
 * @param initialInterval the wait before the first poll
 * @param maxInterval the largest wait between polls
 * @param jobTimeout the longest a job may take from submission to a final state
 * @param cancelOnTimeout whether a job that times out is cancelled at the provider
 */
public record PollPolicy(Duration initialInterval, Duration maxInterval, Duration jobTimeout, boolean cancelOnTimeout) {

    /** 1 s doubling to 30 s, a 24 h job timeout, cancel on timeout. */
    public static final PollPolicy DEFAULT = new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofHours(24), true);

    public PollPolicy {
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("the initial poll interval must be positive");
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("the largest poll interval must be at least the initial one");
        }
        if (jobTimeout.isNegative() || jobTimeout.isZero()) {
            throw new IllegalArgumentException("the job timeout must be positive");
        }
    }

    /** The wait after {@code polls} polls (0 for the first wait). */
    public Duration interval(int polls) {
        Duration d = initialInterval;
        for (int i = 0; i < polls && d.compareTo(maxInterval) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxInterval) > 0 ? maxInterval : d;
    }

    /** This policy with another job timeout. */
    public PollPolicy withJobTimeout(Duration timeout) {
        return new PollPolicy(initialInterval, maxInterval, timeout, cancelOnTimeout);
    }
}
