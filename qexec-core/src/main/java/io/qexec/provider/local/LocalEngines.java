package io.qexec.provider.local;

import io.qexec.sim.density.DensityMatrixSimulator;
import io.qexec.sim.noise.DeviceProfiles;
import io.qexec.sim.noise.TrajectorySimulator;
import io.qexec.sim.stabilizer.StabilizerSimulator;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded simulators and device models the {@code local} provider offers by default. Each engine is one
 * line: {@code engines.add(new LocalEngine(new SomeSimulator(), maxQubits))}; the device models come from the
 * {@link DeviceProfiles} catalogue.
 */
final class LocalEngines {
    /** The widest circuit the stabilizer engine is offered for. */
    static final int STABILIZER_QUBITS = 5000;

    private LocalEngines() {
    }

    static List<LocalEngine> engines() {
        List<LocalEngine> engines = new ArrayList<>();
        engines.add(new LocalEngine(new StatevectorSimulator(), 30));
        engines.add(new LocalEngine(new DensityMatrixSimulator(), DensityMatrixSimulator.MAX_QUBITS));
        engines.add(new LocalEngine(new StabilizerSimulator(), STABILIZER_QUBITS));
        engines.add(new LocalEngine(new TrajectorySimulator(), TrajectorySimulator.MAX_QUBITS));
        return engines;
    }

    static List<LocalDevice> devices() {
        return DeviceProfiles.all().stream().map(LocalDevice::of).toList();
    }
}
