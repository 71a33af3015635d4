package io.qexec.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Property(seed = "42")
    void jitteredDelaysStayWithinTheExponentialCeiling(@ForAll @IntRange(min = 1, max = 40) int attempt) {
        Duration d = policy.delayAfter(attempt, Optional.empty());
        assertThat(d).isBetween(Duration.ZERO, policy.ceiling(attempt));
        assertThat(policy.ceiling(attempt)).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theCeilingDoublesUpToTheCap() {
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.ceiling(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.ceiling(6)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aServersRetryAfterTakesPrecedence() {
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void pollingBacksOffByDoublingUpToItsCap() {
        PollPolicy p = new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1), true);
        assertThat(p.interval(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.interval(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.interval(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.interval(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.interval(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.interval(1000)).isEqualTo(Duration.ofSeconds(10));
    }
}
