package io.qexec.experiment;

import io.qexec.circuit.Circuit;
import java.util.Objects;

/**
 * One circuit of an experiment, with where it came from.
 *
 * @param name the name shown in results and reports (the file name, the generator, or the name given)
 * @param circuit the circuit, parameters bound
 * @param origin where it came from, for a person: {@code bell.qasm}, {@code ghz: 5}, {@code inline}, ...
 * @param entry the index of the {@code circuits} entry that produced it (a parameter sweep produces several)
 */
public record ExperimentCircuit(String name, Circuit circuit, String origin, int entry) {
    public ExperimentCircuit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(circuit, "circuit");
        origin = origin == null ? "" : origin;
    }
}
