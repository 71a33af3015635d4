package io.qexec.remote;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Spaces requests to at most {@code permitsPerSecond}, evenly: each caller reserves the next free slot and
 * sleeps until it. Callers are expected to be virtual threads, so waiting costs no platform thread. One
 * limiter is shared by every call to one provider.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private long nextFree;

    RateLimiter(double permitsPerSecond, LongSupplier clock) {
        this.intervalNanos = permitsPerSecond <= 0 ? 0 : (long) (1e9 / permitsPerSecond);
        this.clock = clock;
        this.nextFree = clock.getAsLong();
    }

    /** A limiter for {@code permitsPerSecond} requests per second; 0 or less means unlimited. */
    public static RateLimiter perSecond(double permitsPerSecond) {
        return new RateLimiter(permitsPerSecond, System::nanoTime);
    }

    /** A limiter that never waits. */
    public static RateLimiter unlimited() {
        return new RateLimiter(0, System::nanoTime);
    }

    /** Whether this limiter never waits. */
    public boolean isUnlimited() {
        return intervalNanos == 0;
    }

    /** Waits for a permit; returns the time waited. */
    public Duration acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return Duration.ofNanos(wait);
    }

    /** Reserves the next free slot and returns how long the caller must wait for it, in nanoseconds. */
    long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        lock.lock();
        try {
            long now = clock.getAsLong();
            long slot = Math.max(nextFree, now);
            nextFree = slot + intervalNanos;
            return slot - now;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return intervalNanos == 0 ? "RateLimiter[unlimited]"
                : "RateLimiter[" + String.format(java.util.Locale.ROOT, "%.2f", 1e9 / intervalNanos) + "/s]";
    }
}
