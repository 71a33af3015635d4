package io.qexec.sim;

import java.util.OptionalLong;

/**
 * How to run a simulation.
 *
 * @param shots the number of shots (at least 1)
 * @param seed the random seed; empty for a fresh random seed per run
 * @param memory whether to return every shot's bitstring in order
 * @param statevector whether to return the final state (small circuits without mid-circuit measurement only)
 * @param threads the number of threads to use; 0 for all available processors
 */
public record SimulationOptions(int shots, OptionalLong seed, boolean memory, boolean statevector, int threads) {

    public SimulationOptions {
        if (shots < 1) {
            throw new IllegalArgumentException("shots must be at least 1, got " + shots);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all) or positive, got " + threads);
        }
        seed = seed == null ? OptionalLong.empty() : seed;
    }

    /** Options for {@code shots} shots with a fresh seed, no memory, all threads. */
    public static SimulationOptions shots(int shots) {
        return new SimulationOptions(shots, OptionalLong.empty(), false, false, 0);
    }

    /** These options with a fixed seed. */
    public SimulationOptions withSeed(long newSeed) {
        return new SimulationOptions(shots, OptionalLong.of(newSeed), memory, statevector, threads);
    }

    /** These options with per-shot memory on or off. */
    public SimulationOptions withMemory(boolean on) {
        return new SimulationOptions(shots, seed, on, statevector, threads);
    }

    /** These options asking for the final state. */
    public SimulationOptions withStatevector(boolean on) {
        return new SimulationOptions(shots, seed, memory, on, threads);
    }

    /** These options with a thread count (0 = all). */
    public SimulationOptions withThreads(int count) {
        return new SimulationOptions(shots, seed, memory, statevector, count);
    }
}
