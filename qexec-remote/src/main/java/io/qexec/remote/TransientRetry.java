package io.qexec.remote;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Repeats a whole remote operation (which already retries its own HTTP calls) a few more rounds while it fails
 * transiently, so that a finished job's result is not given up for a burst of 429s or 5xx. Waits double from
 * {@code pause}; virtual threads sleep, nothing spins.
 */
public final class TransientRetry {
    private TransientRetry() {
    }

    /**
     * Runs {@code operation}, repeating it up to {@code rounds} more times while it fails with a transient
     * {@link RemoteException}.
     *
     * @throws RemoteException the last failure, when every round failed or a failure was not transient
     */
    public static <T> T run(Supplier<T> operation, int rounds, Duration pause) {
        Duration wait = pause;
        for (int round = 0; ; round++) {
            try {
                return operation.get();
            } catch (RemoteException e) {
                if (!e.isTransient() || round >= rounds) {
                    throw e;
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(wait.toNanos());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2);
            }
        }
    }
}
