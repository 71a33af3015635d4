package io.qexec.remote.emulator;

import java.util.Objects;
import java.util.Optional;

/**
 * One fault of a {@link FaultSpec}: {@code KIND[=ARG][/SCOPE][@TRIGGER]}.
 *
 * @param kind what to inject
 * @param argument the kind's argument, if given (Retry-After seconds, latency ms, failure code, rate ...)
 * @param scope which requests it applies to (jobs, for job faults)
 * @param trigger when it fires among the requests (or jobs) it applies to
 */
public record Fault(FaultKind kind, Optional<String> argument, RequestScope scope, Trigger trigger) {

    public Fault {
        Objects.requireNonNull(kind, "kind");
        argument = argument == null ? Optional.empty() : argument;
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(trigger, "trigger");
    }

    /**
     * When a fault fires, counting only the requests (or jobs) it applies to: {@code always}, a probability
     * {@code 0.1}, the {@code firstN}, or {@code everyN} (the N-th, 2N-th ...).
     *
     * @param probability the chance per event, for probabilistic triggers
     * @param first fire on the first {@code first} events (0 = not this mode)
     * @param every fire on every {@code every}-th event (0 = not this mode)
     */
    public record Trigger(double probability, int first, int every) {
        /** Every time. */
        public static final Trigger ALWAYS = new Trigger(1.0, 0, 0);

        public Trigger {
            if (probability < 0 || probability > 1 || first < 0 || every < 0) {
                throw new IllegalArgumentException("a fault trigger needs a probability in [0,1] or a positive count");
            }
        }

        /** Whether the {@code n}-th event (1-based) fires, drawing {@code random} for probabilities. */
        boolean fires(long n, double random) {
            if (first > 0) {
                return n <= first;
            }
            if (every > 0) {
                return n % every == 0;
            }
            return random < probability;
        }

        @Override
        public String toString() {
            return first > 0 ? "first" + first : every > 0 ? "every" + every : probability == 1.0 ? "always" : Double.toString(probability);
        }
    }

    @Override
    public String toString() {
        return kind.specName() + argument.map(a -> "=" + a).orElse("")
                + (scope == RequestScope.ANY ? "" : "/" + scope.name().toLowerCase(java.util.Locale.ROOT))
                + (trigger.equals(Trigger.ALWAYS) ? "" : "@" + trigger);
    }
}
