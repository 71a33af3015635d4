package io.qexec.sim;

import io.qexec.sim.noise.NoiseModel;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to run a simulation.
 *
 * @param shots the number of shots (at least 1)
 * @param seed the random seed; empty for a fresh random seed per run
 * @param memory whether to return every shot's bitstring in order
 * @param statevector whether to return the final state (small circuits without mid-circuit measurement only)
 * @param threads the number of threads to use; 0 for all available processors
 * @param noise the noise model to simulate under; empty for an ideal simulation. Simulators that cannot
 *     simulate noise refuse a non-ideal model.
 */
public record SimulationOptions(int shots, OptionalLong seed, boolean memory, boolean statevector, int threads,
                                Optional<NoiseModel> noise) {

    public SimulationOptions {
        if (shots < 1) {
            throw new IllegalArgumentException("shots must be at least 1, got " + shots);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all) or positive, got " + threads);
        }
        seed = seed == null ? OptionalLong.empty() : seed;
        noise = noise == null ? Optional.empty() : noise;
    }

    /** Options without noise (the form before noise models existed). */
    public SimulationOptions(int shots, OptionalLong seed, boolean memory, boolean statevector, int threads) {
        this(shots, seed, memory, statevector, threads, Optional.empty());
    }

    /** Options for {@code shots} shots with a fresh seed, no memory, all threads. */
    public static SimulationOptions shots(int shots) {
        return new SimulationOptions(shots, OptionalLong.empty(), false, false, 0);
    }

    /** These options with a fixed seed. */
    public SimulationOptions withSeed(long newSeed) {
        return new SimulationOptions(shots, OptionalLong.of(newSeed), memory, statevector, threads, noise);
    }

    /** These options with per-shot memory on or off. */
    public SimulationOptions withMemory(boolean on) {
        return new SimulationOptions(shots, seed, on, statevector, threads, noise);
    }

    /** These options asking for the final state. */
    public SimulationOptions withStatevector(boolean on) {
        return new SimulationOptions(shots, seed, memory, on, threads, noise);
    }

    /** These options with a thread count (0 = all). */
    public SimulationOptions withThreads(int count) {
        return new SimulationOptions(shots, seed, memory, statevector, count, noise);
    }

    /** These options with a noise model ({@code null} or an ideal model for none). */
    public SimulationOptions withNoise(NoiseModel model) {
        return new SimulationOptions(shots, seed, memory, statevector, threads,
                model == null || model.isIdeal() ? Optional.empty() : Optional.of(model));
    }

    /** The noise model, ideal when none was given. */
    public NoiseModel noiseModel() {
        return noise.orElse(NoiseModel.ideal());
    }

    /**
     * Refuses a noise model that is not ideal, for a method that simulates ideal circuits only.
     *
     * @throws SimulationException naming the method and the ones that apply noise
     */
    public void requireNoiseFree(String method) {
        if (noise().isPresent() && !noise().get().isIdeal()) {
            throw new SimulationException("the " + method + " method simulates ideal circuits and cannot apply a noise "
                    + "model; use method density_matrix or trajectories (or a device backend) for noisy simulation");
        }
    }
}
