package io.qexec.testkit;

import io.qexec.circuit.Circuit;
import io.qexec.provider.local.LocalDevice;
import io.qexec.provider.local.LocalEngine;
import io.qexec.provider.local.LocalProvider;
import io.qexec.sim.noise.NoiseModel;
import io.qexec.sim.noise.ReadoutError;
import java.util.List;
import java.util.Set;

/** Providers and circuits for tests: a local provider over the classical test simulator. */
public final class TestProviders {
    private TestProviders() {
    }

    /** {@code local} with statevector, stabilizer and density_matrix engines and two noisy device models. */
    public static LocalProvider local() {
        return LocalProvider.builder()
                .engine(new LocalEngine(new ClassicalSimulator("statevector"), 20))
                .engine(new LocalEngine(new ClassicalSimulator("stabilizer"), 100))
                .engine(new LocalEngine(new ClassicalSimulator("density_matrix"), 10))
                .device(new LocalDevice("fake_line5", 5, Set.of("x", "sx", "rz", "cx"),
                        List.of(List.of(0, 1), List.of(1, 2), List.of(2, 3), List.of(3, 4)), "line5",
                        new ClassicalSimulator("noisy:line5", readout(0.05))))
                .device(new LocalDevice("fake_ring7", 7, Set.of("x", "sx", "rz", "ecr"), List.of(), "ring7",
                        new ClassicalSimulator("noisy:ring7", readout(0.10))))
                .build();
    }

    private static NoiseModel readout(double p) {
        return NoiseModel.builder().defaultReadoutError(ReadoutError.symmetric(p)).build();
    }

    /** X on qubit 0 of two qubits, both measured: always {@code "01"}. */
    public static Circuit xOnFirst() {
        return Circuit.builder(2, 2).name("x0").x(0).measure(0, 0).measure(1, 1).build();
    }

    /** X, CX: always {@code "11"}. */
    public static Circuit xcx() {
        return Circuit.builder(2, 2).name("xcx").x(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
    }

    /** One qubit measured after X: always {@code "1"}. */
    public static Circuit single() {
        return Circuit.builder(1, 1).name("one").x(0).measure(0, 0).build();
    }
}
