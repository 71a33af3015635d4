package io.qexec.provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a backend is and can do, as data: enough to validate a job before submission, to choose between
 * backends, and for a transpiler step to rewrite circuits for it.
 *
 * @param provider the provider's name
 * @param name the backend's name, unique within its provider
 * @param status whether it accepts jobs now
 * @param numQubits how many qubits it has
 * @param nativeGates the gate names it executes natively (OpenQASM names); empty when any gate is accepted
 * @param couplingMap directed qubit pairs a two-qubit gate may act on; empty for all-to-all connectivity
 * @param simulator whether it is a simulator (true) or hardware (false)
 * @param queueDepth jobs waiting ahead, where the provider reports it
 * @param deviceProfile the name of the noise/device profile it applies, if any
 * @param options the per-job options it accepts; any other option is rejected before submission
 * @param pricing the provider's price description, where known (free-form, for display and estimates)
 */
public record Backend(String provider, String name, BackendStatus status, int numQubits, Set<String> nativeGates,
                      List<List<Integer>> couplingMap, boolean simulator, OptionalInt queueDepth,
                      Optional<String> deviceProfile, List<OptionSpec> options, Map<String, String> pricing) {

    public Backend {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        if (numQubits < 0) {
            throw new IllegalArgumentException("backend " + provider + "/" + name + ": negative qubit count");
        }
        nativeGates = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(nativeGates));
        List<List<Integer>> edges = new ArrayList<>();
        for (List<Integer> edge : couplingMap) {
            if (edge.size() != 2) {
                throw new IllegalArgumentException("backend " + provider + "/" + name + ": a coupling edge has two qubits, got " + edge);
            }
            edges.add(List.copyOf(edge));
        }
        couplingMap = List.copyOf(edges);
        queueDepth = queueDepth == null ? OptionalInt.empty() : queueDepth;
        deviceProfile = deviceProfile == null ? Optional.empty() : deviceProfile;
        options = List.copyOf(options);
        pricing = Map.copyOf(pricing);
    }

    /** A builder for a backend of {@code provider} named {@code name}: online, 0 qubits, no options. */
    public static Builder builder(String provider, String name) {
        return new Builder(provider, name);
    }

    /** {@code provider/name}, the form used in messages. */
    public String id() {
        return provider + "/" + name;
    }

    /** Whether the backend accepts jobs now. */
    public boolean isOnline() {
        return status == BackendStatus.ONLINE;
    }

    /** The option with this name, if the backend accepts it. */
    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    /** A copy with another status. */
    public Backend withStatus(BackendStatus newStatus) {
        return new Backend(provider, name, newStatus, numQubits, nativeGates, couplingMap, simulator, queueDepth,
                deviceProfile, options, pricing);
    }

    /** Builds a {@link Backend}. */
    public static final class Builder {
        private final String provider;
        private final String name;
        private BackendStatus status = BackendStatus.ONLINE;
        private int numQubits;
        private Set<String> nativeGates = Set.of();
        private List<List<Integer>> couplingMap = List.of();
        private boolean simulator;
        private OptionalInt queueDepth = OptionalInt.empty();
        private Optional<String> deviceProfile = Optional.empty();
        private final List<OptionSpec> options = new ArrayList<>();
        private Map<String, String> pricing = Map.of();

        private Builder(String provider, String name) {
            this.provider = provider;
            this.name = name;
        }

        /** Sets the status. */
        public Builder status(BackendStatus value) {
            this.status = value;
            return this;
        }

        /** Sets the qubit count. */
        public Builder numQubits(int value) {
            this.numQubits = value;
            return this;
        }

        /** Sets the native gate names. */
        public Builder nativeGates(Set<String> value) {
            this.nativeGates = value;
            return this;
        }

        /** Sets the coupling map (directed pairs). */
        public Builder couplingMap(List<List<Integer>> value) {
            this.couplingMap = value;
            return this;
        }

        /** Marks the backend as a simulator or hardware. */
        public Builder simulator(boolean value) {
            this.simulator = value;
            return this;
        }

        /** Sets the queue depth. */
        public Builder queueDepth(int value) {
            this.queueDepth = OptionalInt.of(value);
            return this;
        }

        /** Sets the device profile's name. */
        public Builder deviceProfile(String value) {
            this.deviceProfile = Optional.ofNullable(value);
            return this;
        }

        /** Adds an accepted per-job option. */
        public Builder option(String optionName, OptionSpec.Type type, String description) {
            this.options.add(new OptionSpec(optionName, type, description));
            return this;
        }

        /** Adds accepted per-job options. */
        public Builder options(List<OptionSpec> value) {
            this.options.addAll(value);
            return this;
        }

        /** Sets the price description. */
        public Builder pricing(Map<String, String> value) {
            this.pricing = value;
            return this;
        }

        /** The backend. */
        public Backend build() {
            return new Backend(provider, name, status, numQubits, nativeGates, couplingMap, simulator, queueDepth,
                    deviceProfile, options, pricing);
        }
    }
}
