package io.qexec.provider.local;

import io.qexec.sim.density.DensityMatrixSimulator;
import io.qexec.sim.device.DeviceSimulator;
import io.qexec.sim.noise.DeviceProfile;
import io.qexec.sim.noise.DeviceProfiles;
import io.qexec.sim.noise.TrajectorySimulator;
import io.qexec.sim.stabilizer.StabilizerSimulator;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The embedded simulators and device models the {@code local} provider offers by default. Each engine is one
 * line: {@code engines.add(new LocalEngine(new SomeSimulator(), maxQubits))}, and each device model one
 * {@code devices.add(...)}.
 */
final class LocalEngines {
    /** The widest stabilizer circuit offered (the tableau grows as n^2 bits). */
    static final int STABILIZER_MAX_QUBITS = 10_000;

    private LocalEngines() {
    }

    static List<LocalEngine> engines() {
        List<LocalEngine> engines = new ArrayList<>();
        engines.add(new LocalEngine(new StabilizerSimulator(), STABILIZER_MAX_QUBITS));
        engines.add(new LocalEngine(new StatevectorSimulator(), StatevectorSimulator.MAX_QUBITS));
        engines.add(new LocalEngine(new DensityMatrixSimulator(), DensityMatrixSimulator.MAX_QUBITS));
        engines.add(new LocalEngine(new TrajectorySimulator(), TrajectorySimulator.MAX_QUBITS));
        return engines;
    }

    static List<LocalDevice> devices() {
        List<LocalDevice> devices = new ArrayList<>();
        for (DeviceProfile p : DeviceProfiles.all()) {
            devices.add(new LocalDevice(p.name(), p.numQubits(), new LinkedHashSet<>(p.nativeGates()), p.couplingMap(),
                    p.name(), new DeviceSimulator(p)));
        }
        return devices;
    }
}
