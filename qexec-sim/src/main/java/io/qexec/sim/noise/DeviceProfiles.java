package io.qexec.sim.noise;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of noisy device models, named after publicly reported characteristics of real machines.
 * They are models, not the machines: one average figure per kind of operation, all-to-all connectivity.
 * {@code docs/noise.md} lists each figure with its source.
 *
 * <ul>
 *   <li>{@code fake_aria}: 25 qubits, after IonQ Aria.</li>
 *   <li>{@code fake_forte}: 36 qubits, after IonQ Forte. A noisy simulation of all 36 qubits is out of reach;
 *       trajectories simulate only the qubits a circuit uses.</li>
 *   <li>{@code fake_h1}: 20 qubits, after Quantinuum H1-1.</li>
 * </ul>
 */
public final class DeviceProfiles {
    private DeviceProfiles() {
    }

    private static final List<String> ION_VIRTUAL = List.of("id", "rz", "p", "u1", "z", "s", "sdg", "t", "tdg");

    /** The IonQ Aria-like model. */
    public static final DeviceProfile FAKE_ARIA = new DeviceProfile("fake_aria",
            "25-qubit trapped-ion model after IonQ Aria", 25, List.of("gpi", "gpi2", "ms"), List.of(),
            5e-4, 4e-3, 10, 1, 135e-6, 600e-6, ReadoutError.symmetric(3.9e-3), ION_VIRTUAL,
            "Azure Quantum IonQ provider page, IonQ Aria system timing and fidelity: 1q 99.95%, 2q 99.6%, SPAM 99.61%, "
                    + "T1 10-100 s (lower bound used), T2 1 s, 1q gate 135 us, 2q gate 600 us");

    /** The IonQ Forte-like model. */
    public static final DeviceProfile FAKE_FORTE = new DeviceProfile("fake_forte",
            "36-qubit trapped-ion model after IonQ Forte", 36, List.of("gpi", "gpi2", "zz"), List.of(),
            2.0e-4, 4.64e-3, 10, 1, 135e-6, 600e-6, ReadoutError.symmetric(3.9e-3), ION_VIRTUAL,
            "Chen et al., Benchmarking a trapped-ion quantum computer with 30 qubits (IonQ Forte), arXiv:2308.05071: "
                    + "DRB 1q error 2.0e-4, median 2q error 46.4e-4; 36 qubits per the Azure Quantum IonQ provider page; "
                    + "SPAM, T1/T2 and gate times assumed equal to fake_aria (same 171Yb+ qubit)");

    /** The Quantinuum H1-like model. */
    public static final DeviceProfile FAKE_H1 = new DeviceProfile("fake_h1",
            "20-qubit trapped-ion QCCD model after Quantinuum H1-1", 20, List.of("u1q", "rz", "zz", "rzz"), List.of(),
            2.1e-5, 8.8e-4, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0, new ReadoutError(1.0e-3, 4.0e-3),
            ION_VIRTUAL,
            "CQCL/quantinuum-hardware-specifications, H1-1 2024-04-10 (spec sheet and emulator parameters): "
                    + "1q error 2.1e-5, 2q error 8.8e-4, measurement error 1e-3 (|0>) and 4e-3 (|1>); "
                    + "memory (idle) error 2.1e-4 per depth-1 time not modelled");

    private static final List<DeviceProfile> ALL = List.of(FAKE_ARIA, FAKE_FORTE, FAKE_H1);

    /** Every model in the catalogue. */
    public static List<DeviceProfile> all() {
        return ALL;
    }

    /** The model with this name (case-insensitive), if any. */
    public static Optional<DeviceProfile> byName(String name) {
        return ALL.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The names of the models, in catalogue order. */
    public static List<String> names() {
        return ALL.stream().map(DeviceProfile::name).toList();
    }
}
