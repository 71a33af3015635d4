package io.qexec.sim.noise;

import java.util.List;
import java.util.Objects;

/**
 * The characteristics of a (real or model) quantum device, as data: enough to build a noise model and,
 * later, to tell a transpiler what the device runs natively.
 *
 * <p>Errors are average gate infidelities ({@code 1 - F_avg}), as randomized benchmarking reports them.
 * Times are in seconds; an infinite T1 or T2 means that kind of relaxation is not modelled (a zero gate time
 * likewise). See {@code docs/noise.md} for the catalogue and the sources of its figures.
 *
 * @param name the model's name, e.g. {@code fake_aria}
 * @param description one line saying what the model imitates
 * @param numQubits the number of qubits
 * @param nativeGates the device's native gate names (descriptive; circuits need not be written in them)
 * @param couplingMap the pairs of qubits a two-qubit gate may join; empty for all-to-all
 * @param oneQubitGateError average infidelity of a one-qubit gate
 * @param twoQubitGateError average infidelity of a two-qubit gate
 * @param t1 energy relaxation time (seconds), positive, possibly infinite
 * @param t2 dephasing time (seconds), positive, at most {@code 2 t1}, possibly infinite
 * @param oneQubitGateTime duration of a one-qubit gate (seconds)
 * @param twoQubitGateTime duration of a two-qubit gate (seconds)
 * @param readoutError the readout (SPAM) error of every qubit
 * @param noiselessGates gate names that cost nothing on the device (virtual Z rotations), given no error
 * @param source where the figures come from
 */
public record DeviceProfile(String name, String description, int numQubits, List<String> nativeGates,
                            List<List<Integer>> couplingMap, double oneQubitGateError, double twoQubitGateError,
                            double t1, double t2, double oneQubitGateTime, double twoQubitGateTime,
                            ReadoutError readoutError, List<String> noiselessGates, String source) {

    public DeviceProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a device profile needs a name");
        }
        if (numQubits < 1) {
            throw new IllegalArgumentException("a device has at least one qubit, got " + numQubits);
        }
        nativeGates = List.copyOf(nativeGates);
        couplingMap = couplingMap.stream().map(List::copyOf).toList();
        noiselessGates = List.copyOf(noiselessGates);
        Objects.requireNonNull(readoutError, "readoutError");
        requireError("one-qubit gate error", oneQubitGateError);
        requireError("two-qubit gate error", twoQubitGateError);
        if (!(t1 > 0) || !(t2 > 0) || t2 > 2 * t1) {
            throw new IllegalArgumentException("need T1 > 0 and 0 < T2 <= 2 T1, got T1=" + t1 + ", T2=" + t2);
        }
        if (!(oneQubitGateTime >= 0) || !(twoQubitGateTime >= 0)) {
            throw new IllegalArgumentException("gate times must be non-negative");
        }
        for (List<Integer> pair : couplingMap) {
            if (pair.size() != 2 || pair.get(0).equals(pair.get(1)) || pair.stream().anyMatch(q -> q < 0 || q >= numQubits)) {
                throw new IllegalArgumentException("bad coupling " + pair + " on a " + numQubits + "-qubit device");
            }
        }
        source = source == null ? "" : source;
        description = description == null ? "" : description;
    }

    private static void requireError(String what, double e) {
        if (!(e >= 0 && e < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + e);
        }
    }

    /** Whether any two qubits can be joined by a two-qubit gate. */
    public boolean isAllToAll() {
        return couplingMap.isEmpty();
    }

    /**
     * The noise model of this device, following the usual recipe (as Qiskit Aer's
     * {@code NoiseModel.from_backend}): after a one-qubit gate, a depolarizing error then thermal relaxation
     * over the gate time; after a two-qubit gate, a two-qubit depolarizing error then thermal relaxation of
     * each qubit; readout error on every measurement; nothing after the noiseless gates. Each depolarizing
     * parameter is chosen so that, together with the relaxation, the gate's average infidelity equals the
     * reported error (zero when relaxation alone already exceeds it).
     */
    public NoiseModel toNoiseModel() {
        NoiseModel.Builder b = NoiseModel.builder().noiseless(noiselessGates.toArray(String[]::new));
        addGateErrors(b, 1, oneQubitGateError, oneQubitGateTime);
        addGateErrors(b, 2, twoQubitGateError, twoQubitGateTime);
        return b.defaultReadoutError(readoutError).build();
    }

    private void addGateErrors(NoiseModel.Builder b, int qubits, double error, double time) {
        double p = depolarizingParameter(qubits, error, t1, t2, time);
        if (p > 0) {
            b.addDefaultError(qubits, KrausChannel.depolarizing(qubits, p));
        }
        if (relaxes(time)) {
            b.addDefaultError(qubits, KrausChannel.thermalRelaxation(t1, t2, time));
        }
    }

    private boolean relaxes(double time) {
        return time > 0 && (Double.isFinite(t1) || Double.isFinite(t2));
    }

    /**
     * The parameter {@code p} of a {@code qubits}-qubit depolarizing channel which, followed by thermal
     * relaxation {@code (t1, t2, time)} on each qubit, has average gate infidelity {@code error}; zero if the
     * relaxation alone is already worse. Exact: the process fidelity of the composition is
     * {@code (1 + (1-p)(T^qubits - 1)) / d²} with {@code T = 1 + 2 exp(-time/T2) + exp(-time/T1)} the trace of
     * the one-qubit relaxation's Pauli transfer matrix.
     */
    public static double depolarizingParameter(int qubits, double error, double t1, double t2, double time) {
        double d = 1 << qubits;
        double targetProcess = ((d + 1) * (1 - error) - 1) / d;
        double tr = 1 + 2 * Math.exp(-time / t2) + Math.exp(-time / t1);
        double relaxTrace = Math.pow(tr, qubits);
        double p = 1 - (d * d * targetProcess - 1) / (relaxTrace - 1);
        return Math.max(0, Math.min(p, d * d / (d * d - 1)));
    }
}
