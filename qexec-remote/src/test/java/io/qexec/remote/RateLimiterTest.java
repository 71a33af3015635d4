package io.qexec.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void permitsAreSpacedEvenlyAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(20, now::get);
        long[] waits = new long[5];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = limiter.reserve();
        }
        assertThat(waits).containsExactly(0L, 50_000_000L, 100_000_000L, 150_000_000L, 200_000_000L);
    }

    @Test
    void anIdleLimiterDoesNotSaveUpABurst() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(10, now::get);
        limiter.reserve();
        now.addAndGet(5_000_000_000L);
        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(100_000_000L);
    }

    @Test
    void anUnlimitedLimiterNeverWaits() {
        RateLimiter limiter = RateLimiter.unlimited();
        assertThat(limiter.isUnlimited()).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.reserve()).isZero();
        }
    }
}
