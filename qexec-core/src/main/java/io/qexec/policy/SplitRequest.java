package io.qexec.policy;

import io.qexec.circuit.Circuit;
import io.qexec.provider.VirtualProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a split policy receives for one circuit.
 *
 * @param circuit the circuit
 * @param circuitIndex its position in the experiment
 * @param shots the shots asked for this circuit
 * @param backends the target backends, provider → backend names
 * @param virtualProvider the providers, to look up backend descriptors (qubits, status, queue depth)
 * @param data the policy data: the caller's for the first circuit, then what the previous call returned
 */
public record SplitRequest(Circuit circuit, int circuitIndex, int shots, Map<String, List<String>> backends,
                           VirtualProvider virtualProvider, Map<String, Object> data) {

    public SplitRequest {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        backends.forEach((p, names) -> copy.put(p, List.copyOf(names)));
        backends = Collections.unmodifiableMap(copy);
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The targets flattened to (provider, backend) pairs, in order. */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        backends.forEach((p, names) -> names.forEach(n -> out.add(new Target(p, n))));
        return out;
    }

    /**
     * One target backend.
     *
     * @param provider the provider's name
     * @param backend the backend's name
     */
    public record Target(String provider, String backend) {
        /** {@code provider/backend}. */
        public String id() {
            return provider + "/" + backend;
        }
    }
}
