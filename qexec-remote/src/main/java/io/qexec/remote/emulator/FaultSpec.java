package io.qexec.remote.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The faults an emulator injects, parsed from the {@code --faults} SPEC:
 *
 * <pre>
 * SPEC    = FAULT *("," FAULT)
 * FAULT   = KIND ["=" ARG] ["/" SCOPE] ["@" TRIGGER]
 * KIND    = latency | 429 | 500 | 502 | 503 | drop | stuck | fail | ratelimit
 * SCOPE   = any | submit | status | result | cancel | list          (default any)
 * TRIGGER = always | PROBABILITY | "first" N | "every" N            (default always)
 * </pre>
 *
 * Examples: {@code 429=1@0.1} (10% of requests get 429 with {@code Retry-After: 1});
 * {@code 503/submit@first1} (the first submission gets 503); {@code drop/submit@first1} (the first
 * submission is processed but its connection dropped); {@code stuck@every10} (every tenth job never leaves the
 * queue); {@code fail=SimulationError@0.05}; {@code latency=200}; {@code ratelimit=20}. Counting triggers count
 * only the events the fault applies to; probabilities draw from the emulator's seeded random source.
 *
 * @param faults the faults, in SPEC order (the first HTTP fault that fires wins)
 */
public record FaultSpec(List<Fault> faults) {

    public FaultSpec {
        faults = List.copyOf(faults);
    }

    /** No faults. */
    public static FaultSpec none() {
        return new FaultSpec(List.of());
    }

    /**
     * Parses a SPEC; blank means none.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return none();
        }
        List<Fault> faults = new ArrayList<>();
        for (String part : spec.split(",")) {
            if (!part.isBlank()) {
                faults.add(parseFault(part.strip()));
            }
        }
        return new FaultSpec(faults);
    }

    private static Fault parseFault(String text) {
        String rest = text;
        Fault.Trigger trigger = Fault.Trigger.ALWAYS;
        int at = rest.indexOf('@');
        if (at >= 0) {
            trigger = parseTrigger(rest.substring(at + 1), text);
            rest = rest.substring(0, at);
        }
        RequestScope scope = RequestScope.ANY;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            scope = RequestScope.bySpecName(rest.substring(slash + 1));
            rest = rest.substring(0, slash);
        }
        Optional<String> arg = Optional.empty();
        int eq = rest.indexOf('=');
        if (eq >= 0) {
            arg = Optional.of(rest.substring(eq + 1).strip());
            rest = rest.substring(0, eq);
        }
        FaultKind kind = FaultKind.bySpecName(rest);
        checkArgument(kind, arg, text);
        return new Fault(kind, arg, scope, trigger);
    }

    private static void checkArgument(FaultKind kind, Optional<String> arg, String text) {
        switch (kind) {
            case LATENCY, TOO_MANY_REQUESTS, RATE_LIMIT -> {
                if (kind != FaultKind.TOO_MANY_REQUESTS && arg.isEmpty()) {
                    throw new IllegalArgumentException("fault '" + text + "' needs a value, e.g. " + kind.specName() + "=20");
                }
                if (arg.isPresent()) {
                    try {
                        if (Double.parseDouble(arg.get()) < 0) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("fault '" + text + "': '" + arg.get() + "' is not a non-negative number", e);
                    }
                }
            }
            case DROP -> {
                if (arg.isPresent() && !arg.get().equals("before") && !arg.get().equals("after")) {
                    throw new IllegalArgumentException("fault '" + text + "': drop takes 'before' or 'after'");
                }
            }
            case INTERNAL_ERROR, BAD_GATEWAY, UNAVAILABLE, STUCK -> {
                if (arg.isPresent()) {
                    throw new IllegalArgumentException("fault '" + text + "' takes no value");
                }
            }
            case FAIL -> {
            }
        }
    }

    private static Fault.Trigger parseTrigger(String t, String text) {
        String s = t.strip();
        try {
            if (s.equals("always")) {
                return Fault.Trigger.ALWAYS;
            }
            if (s.startsWith("first")) {
                return new Fault.Trigger(0, Integer.parseInt(s.substring(5)), 0);
            }
            if (s.startsWith("every")) {
                return new Fault.Trigger(0, 0, Integer.parseInt(s.substring(5)));
            }
            return new Fault.Trigger(Double.parseDouble(s), 0, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault '" + text + "': trigger '" + s
                    + "' is not always, a probability, firstN or everyN", e);
        }
    }

    /** Whether no fault is specified. */
    public boolean isEmpty() {
        return faults.isEmpty();
    }

    @Override
    public String toString() {
        return faults.stream().map(Fault::toString).collect(Collectors.joining(","));
    }
}
