package io.qexec.sim.device;

import io.qexec.circuit.Circuit;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import io.qexec.sim.density.DensityMatrixSimulator;
import io.qexec.sim.noise.DeviceProfile;
import io.qexec.sim.noise.NoiseModel;
import io.qexec.sim.noise.NoisyCircuit;
import io.qexec.sim.noise.TrajectorySimulator;
import java.util.Objects;

/**
 * A noisy device model as a simulator: runs circuits under a {@link DeviceProfile}'s noise model, exactly on
 * the density matrix when the circuit uses at most {@value #DENSITY_MATRIX_QUBITS} qubits, otherwise by
 * trajectories. Only the qubits a circuit uses are simulated, so any circuit that fits the device and uses
 * few of its qubits runs, even on the 36-qubit model.
 *
 * <p>The noise model is the one in the options when they carry one, otherwise the device's. The result's
 * {@link SimulationResult#method()} names the engine that ran.
 */
public final class DeviceSimulator implements Simulator {
    /** Circuits using up to this many qubits run on the density matrix; wider ones by trajectories. */
    public static final int DENSITY_MATRIX_QUBITS = 10;

    private final DeviceProfile profile;
    private final NoiseModel noise;
    private final DensityMatrixSimulator density = new DensityMatrixSimulator();
    private final TrajectorySimulator trajectories = new TrajectorySimulator();

    /** A simulator of {@code profile}. */
    public DeviceSimulator(DeviceProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.noise = profile.toNoiseModel();
    }

    /** The device modelled. */
    public DeviceProfile profile() {
        return profile;
    }

    /** {@code noisy:} and the device's name, e.g. {@code noisy:fake_aria}. */
    @Override
    public String method() {
        return "noisy:" + profile.name();
    }

    /**
     * Runs the circuit under the device's noise.
     *
     * @throws SimulationException if the circuit has more qubits than the device, or the chosen engine refuses it
     */
    @Override
    public SimulationResult run(Circuit circuit, SimulationOptions options) {
        if (circuit.numQubits() > profile.numQubits()) {
            throw new SimulationException("the circuit has " + circuit.numQubits() + " qubits, " + profile.name()
                    + " has " + profile.numQubits());
        }
        SimulationOptions noisy = options.noise().isPresent() ? options : options.withNoise(noise);
        int used = NoisyCircuit.of(circuit, noisy.noiseModel()).numQubits();
        return used <= DENSITY_MATRIX_QUBITS ? density.run(circuit, noisy) : trajectories.run(circuit, noisy);
    }

    @Override
    public String toString() {
        return "DeviceSimulator[" + profile.name() + "]";
    }
}
