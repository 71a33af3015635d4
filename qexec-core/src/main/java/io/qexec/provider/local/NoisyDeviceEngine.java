package io.qexec.provider.local;

import io.qexec.circuit.Circuit;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import io.qexec.sim.density.DensityMatrixSimulator;
import io.qexec.sim.noise.DeviceProfile;
import io.qexec.sim.noise.NoiseModel;
import io.qexec.sim.noise.TrajectorySimulator;

/**
 * Runs circuits under a device model's noise: exactly with the density matrix while the circuit is small,
 * with Monte-Carlo trajectories above that.
 */
final class NoisyDeviceEngine implements Simulator {
    /** The widest circuit run on the density matrix (4^10 entries, 16 MiB); wider ones use trajectories. */
    static final int DENSITY_MATRIX_LIMIT = 10;

    private final NoiseModel noise;
    private final DensityMatrixSimulator densityMatrix = new DensityMatrixSimulator();
    private final TrajectorySimulator trajectories = new TrajectorySimulator();

    NoisyDeviceEngine(DeviceProfile profile) {
        this.noise = profile.toNoiseModel();
    }

    @Override
    public String method() {
        return "noisy";
    }

    @Override
    public SimulationResult run(Circuit circuit, SimulationOptions options) {
        Simulator engine = circuit.numQubits() <= DENSITY_MATRIX_LIMIT ? densityMatrix : trajectories;
        return engine.run(circuit, options.withNoise(noise));
    }
}
