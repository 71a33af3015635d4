package io.qexec.remote.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How an emulator runs.
 *
 * @param port the port on 127.0.0.1 (0 picks a free one)
 * @param latency the delay before every answer
 * @param faults the faults to inject
 * @param jobDuration how long a job takes from submission to completion (it passes through the provider's
 *     intermediate states on the way)
 * @param seed the seed for sampling shots and for probabilistic faults
 */
public record EmulatorOptions(int port, Duration latency, FaultSpec faults, Duration jobDuration, long seed) {

    public EmulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(jobDuration, "jobDuration");
        if (latency.isNegative() || jobDuration.isNegative()) {
            throw new IllegalArgumentException("latency and job duration cannot be negative");
        }
    }

    /** A free port, no latency, no faults, jobs taking 1 s, seed 1. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions(0, Duration.ZERO, FaultSpec.none(), Duration.ofSeconds(1), 1);
    }

    /** These options on another port. */
    public EmulatorOptions withPort(int p) {
        return new EmulatorOptions(p, latency, faults, jobDuration, seed);
    }

    /** These options with another latency. */
    public EmulatorOptions withLatency(Duration d) {
        return new EmulatorOptions(port, d, faults, jobDuration, seed);
    }

    /** These options with other faults. */
    public EmulatorOptions withFaults(FaultSpec f) {
        return new EmulatorOptions(port, latency, f, jobDuration, seed);
    }

    /** These options with another job duration. */
    public EmulatorOptions withJobDuration(Duration d) {
        return new EmulatorOptions(port, latency, faults, d, seed);
    }
}
