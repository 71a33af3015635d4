package io.qexec.dispatch;

import io.qexec.circuit.Circuit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One unit of work: a circuit run for a number of shots with per-job options, on the backend its
 * {@link Dispatch} assigns it to.
 *
 * <p>Options are JSON-like values (strings, numbers, booleans, lists, string-keyed maps); they are copied
 * deeply and cannot be changed afterwards. Which options a backend accepts, and their types, is part of its
 * {@link io.qexec.provider.Backend} descriptor.
 *
 * @param id the job's id, unique within its dispatch (a random UUID unless given)
 * @param circuitIndex the position of the job's circuit in its experiment (0 for a single circuit)
 * @param circuit the circuit
 * @param shots the number of shots; checked against the backend before submission
 * @param options per-job options such as {@code seed} or {@code memory}
 */
public record Job(String id, int circuitIndex, Circuit circuit, int shots, Map<String, Object> options) {

    public Job {
        id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        Objects.requireNonNull(circuit, "circuit");
        if (circuitIndex < 0) {
            throw new IllegalArgumentException("job " + id + ": circuit index must not be negative, got " + circuitIndex);
        }
        options = options == null || options.isEmpty() ? Map.of() : freezeMap(options);
    }

    /** A job with a random id for circuit 0 with no options. */
    public static Job of(Circuit circuit, int shots) {
        return new Job(null, 0, circuit, shots, Map.of());
    }

    /** A job with a random id for circuit 0. */
    public static Job of(Circuit circuit, int shots, Map<String, Object> options) {
        return new Job(null, 0, circuit, shots, options);
    }

    /** This job with another circuit index. */
    public Job withCircuitIndex(int index) {
        return new Job(id, index, circuit, shots, options);
    }

    /** This job with another circuit (used by submission steps that rewrite circuits). */
    public Job withCircuit(Circuit newCircuit) {
        return new Job(id, circuitIndex, newCircuit, shots, options);
    }

    /** This job with another id. */
    public Job withId(String newId) {
        return new Job(newId, circuitIndex, circuit, shots, options);
    }

    @Override
    public String toString() {
        return "Job[id=" + id + ", circuit=" + circuitIndex + (circuit.name().isEmpty() ? "" : ":" + circuit.name())
                + ", qubits=" + circuit.numQubits() + ", shots=" + shots + ", options=" + options + "]";
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("option keys must be strings, got " + e.getKey());
            }
            copy.put(key, freeze(e.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> m) {
            return freezeMap(m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object o : l) {
                copy.add(freeze(o));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("option values must be strings, numbers, booleans, lists or maps, got "
                + value.getClass().getSimpleName());
    }
}
