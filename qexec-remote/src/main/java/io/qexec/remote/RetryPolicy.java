package io.qexec.remote;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a remote call is retried: exponential backoff with full jitter, capped, and a
 * server's {@code Retry-After} taking precedence (up to {@code maxRetryAfter}).
 *
 * @param maxAttempts the number of attempts including the first (at least 1)
 * @param initialBackoff the backoff before the second attempt (before jitter)
 * @param maxBackoff the largest backoff between attempts
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the retries
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Five attempts, 0.5 s doubling up to 8 s, {@code Retry-After} honoured up to 60 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /**
     * The wait before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed: the
     * server's {@code Retry-After} when given, otherwise a random duration in
     * {@code [0, min(maxBackoff, initialBackoff * 2^(attempt-1))]}.
     */
    public Duration delayAfter(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        long cap = ceiling(attempt).toNanos();
        return Duration.ofNanos(cap == 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }

    /** The backoff ceiling after attempt {@code attempt}: {@code min(maxBackoff, initialBackoff * 2^(attempt-1))}. */
    public Duration ceiling(int attempt) {
        long base = initialBackoff.toNanos();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long grown = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        return Duration.ofNanos(Math.min(grown, maxBackoff.toNanos()));
    }
}
