package io.qexec.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a simulation produced.
 *
 * @param method the method that ran ({@code statevector}, {@code stabilizer}, ...)
 * @param shots the number of shots
 * @param counts outcome counts keyed in the shared bit order (see {@link io.qexec.circuit.Bitstrings}), sorted
 * @param memory every shot's outcome in order, when asked for; otherwise empty
 * @param probabilities exact outcome probabilities over the classical bits, when the method computed them
 *     (circuits whose measurements are all terminal); otherwise empty
 * @param statevector the final state, when asked for and available
 * @param seed the seed used (so a run can be repeated)
 * @param elapsed the simulation's wall time
 */
public record SimulationResult(String method, int shots, SortedMap<String, Long> counts, List<String> memory,
                               Map<String, Double> probabilities, Optional<Statevector> statevector, long seed,
                               Duration elapsed) {

    public SimulationResult {
        counts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(counts));
        memory = List.copyOf(memory);
        probabilities = Map.copyOf(probabilities);
    }
}
