package io.qexec.sim.noise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which channels follow which gates, and how measurements are misread.
 *
 * <p>After a gate named {@code g} on qubits {@code qs}, the channels applied are the first of:
 * <ol>
 *   <li>none, if {@code g} is {@linkplain Builder#noiseless(String...) noiseless} (e.g. virtual Z rotations);</li>
 *   <li>the errors added for {@code g} on exactly {@code qs} ({@link Builder#addLocalGateError});</li>
 *   <li>the errors added for {@code g} on any qubits ({@link Builder#addGateError});</li>
 *   <li>the default errors for gates on {@code qs.size()} qubits ({@link Builder#addDefaultError}).</li>
 * </ol>
 * Channels run in the order they were added. A channel on as many qubits as the gate acts on the gate's
 * qubits in order; a one-qubit channel after a wider gate acts on each of the gate's qubits in turn (as
 * thermal relaxation does after a two-qubit gate). Gates are matched by their OpenQASM name
 * ({@code cx}, {@code rz}, ...). Simulators expand gates on more than two qubits into their definitions
 * before applying a noise model, so errors are looked up for the one- and two-qubit gates that result.
 *
 * <p>Readout errors are per qubit, with a default for qubits not listed.
 *
 * <p>Instances are immutable; build one with {@link #builder()} or from a device with
 * {@link DeviceProfile#toNoiseModel()}.
 */
public final class NoiseModel {
    private static final NoiseModel IDEAL = builder().build();

    private final Set<String> noiseless;
    private final Map<String, List<KrausChannel>> gateErrors;
    private final Map<String, Map<List<Integer>, List<KrausChannel>>> localGateErrors;
    private final Map<Integer, List<KrausChannel>> defaultErrors;
    private final Map<Integer, ReadoutError> readoutErrors;
    private final ReadoutError defaultReadoutError;

    private NoiseModel(Builder b) {
        this.noiseless = Collections.unmodifiableSet(new LinkedHashSet<>(b.noiseless));
        this.gateErrors = copy(b.gateErrors);
        Map<String, Map<List<Integer>, List<KrausChannel>>> local = new LinkedHashMap<>();
        b.localGateErrors.forEach((k, v) -> local.put(k, copy(v)));
        this.localGateErrors = Collections.unmodifiableMap(local);
        this.defaultErrors = copy(b.defaultErrors);
        this.readoutErrors = Collections.unmodifiableMap(new TreeMap<>(b.readoutErrors));
        this.defaultReadoutError = b.defaultReadoutError;
    }

    private static <K> Map<K, List<KrausChannel>> copy(Map<K, List<KrausChannel>> m) {
        Map<K, List<KrausChannel>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** A model with no noise at all. */
    public static NoiseModel ideal() {
        return IDEAL;
    }

    /** A builder for a new model. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether this model adds no channel and no readout error anywhere. */
    public boolean isIdeal() {
        return gateErrors.isEmpty() && localGateErrors.isEmpty() && defaultErrors.isEmpty() && defaultReadoutError.isNone()
                && readoutErrors.values().stream().allMatch(ReadoutError::isNone);
    }

    /**
     * The channels that follow gate {@code gateName} on {@code qubits}, each with the qubits it acts on.
     *
     * @throws IllegalArgumentException if a registered channel fits neither the gate's qubit count nor one qubit
     */
    public List<NoisyCircuit.Channel> errorsAfter(String gateName, List<Integer> qubits) {
        if (noiseless.contains(gateName) || qubits.isEmpty()) {
            return List.of();
        }
        List<KrausChannel> channels = null;
        Map<List<Integer>, List<KrausChannel>> local = localGateErrors.get(gateName);
        if (local != null) {
            channels = local.get(List.copyOf(qubits));
        }
        if (channels == null) {
            channels = gateErrors.get(gateName);
        }
        if (channels == null) {
            channels = defaultErrors.getOrDefault(qubits.size(), List.of());
        }
        List<NoisyCircuit.Channel> out = new ArrayList<>(channels.size() * qubits.size());
        for (KrausChannel c : channels) {
            if (c.numQubits() == qubits.size()) {
                out.add(new NoisyCircuit.Channel(c, qubits));
            } else if (c.numQubits() == 1) {
                for (int q : qubits) {
                    out.add(new NoisyCircuit.Channel(c, List.of(q)));
                }
            } else {
                throw new IllegalArgumentException("the " + c.numQubits() + "-qubit channel " + c.name() + " cannot follow gate "
                        + gateName + " on " + qubits.size() + " qubit" + (qubits.size() == 1 ? "" : "s"));
            }
        }
        return out;
    }

    /** The readout error of measurements of {@code qubit}. */
    public ReadoutError readoutError(int qubit) {
        return readoutErrors.getOrDefault(qubit, defaultReadoutError);
    }

    /** The gate names that never receive noise. */
    public Set<String> noiselessGates() {
        return noiseless;
    }

    @Override
    public String toString() {
        return "NoiseModel[gates=" + gateErrors.keySet() + ", local=" + localGateErrors.keySet() + ", defaults="
                + defaultErrors.keySet() + "-qubit, noiseless=" + noiseless + ", readout default=" + defaultReadoutError
                + ", per qubit=" + readoutErrors.size() + "]";
    }

    /** Collects gate errors and readout errors; each call adds to what is there. */
    public static final class Builder {
        private final Set<String> noiseless = new LinkedHashSet<>();
        private final Map<String, List<KrausChannel>> gateErrors = new LinkedHashMap<>();
        private final Map<String, Map<List<Integer>, List<KrausChannel>>> localGateErrors = new LinkedHashMap<>();
        private final Map<Integer, List<KrausChannel>> defaultErrors = new LinkedHashMap<>();
        private final Map<Integer, ReadoutError> readoutErrors = new HashMap<>();
        private ReadoutError defaultReadoutError = ReadoutError.NONE;

        private Builder() {
        }

        /** Adds {@code channel} after every gate with one of these names, on any qubits. */
        public Builder addGateError(KrausChannel channel, String... gateNames) {
            for (String g : gateNames) {
                gateErrors.computeIfAbsent(g, k -> new ArrayList<>()).add(channel);
            }
            return this;
        }

        /** Adds {@code channel} after gate {@code gateName} on exactly these qubits (in this order). */
        public Builder addLocalGateError(KrausChannel channel, String gateName, int... qubits) {
            List<Integer> qs = new ArrayList<>(qubits.length);
            for (int q : qubits) {
                qs.add(q);
            }
            requireFits(channel, qs.size());
            localGateErrors.computeIfAbsent(gateName, k -> new LinkedHashMap<>())
                    .computeIfAbsent(List.copyOf(qs), k -> new ArrayList<>()).add(channel);
            return this;
        }

        /** Adds {@code channel} after every gate on {@code gateQubits} qubits that has no error of its own. */
        public Builder addDefaultError(int gateQubits, KrausChannel channel) {
            if (gateQubits < 1) {
                throw new IllegalArgumentException("gates act on at least one qubit, got " + gateQubits);
            }
            requireFits(channel, gateQubits);
            defaultErrors.computeIfAbsent(gateQubits, k -> new ArrayList<>()).add(channel);
            return this;
        }

        /** Marks gates that never receive noise (e.g. {@code rz} where Z rotations are virtual). */
        public Builder noiseless(String... gateNames) {
            noiseless.addAll(List.of(gateNames));
            return this;
        }

        /** Sets the readout error of one qubit. */
        public Builder readoutError(int qubit, ReadoutError error) {
            if (qubit < 0) {
                throw new IllegalArgumentException("negative qubit " + qubit);
            }
            readoutErrors.put(qubit, java.util.Objects.requireNonNull(error));
            return this;
        }

        /** Sets the readout error of every qubit without its own. */
        public Builder defaultReadoutError(ReadoutError error) {
            defaultReadoutError = java.util.Objects.requireNonNull(error);
            return this;
        }

        /** The model. */
        public NoiseModel build() {
            return new NoiseModel(this);
        }

        private static void requireFits(KrausChannel channel, int gateQubits) {
            if (channel.numQubits() != gateQubits && channel.numQubits() != 1) {
                throw new IllegalArgumentException("the " + channel.numQubits() + "-qubit channel " + channel.name()
                        + " cannot follow a gate on " + gateQubits + " qubit" + (gateQubits == 1 ? "" : "s"));
            }
        }
    }
}
