package io.qexec.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.sim.SimulationOptions;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The named circuit families. */
class CircuitGeneratorsTest {

    @Property(tries = 20)
    void ghzGivesOnlyAllZerosAndAllOnes(@ForAll @IntRange(min = 1, max = 10) int n) {
        Map<String, Long> counts = new StatevectorSimulator().run(CircuitGenerators.ghz(n), SimulationOptions.shots(200).withSeed(n))
                .counts();
        assertThat(counts.keySet()).isSubsetOf("0".repeat(n), "1".repeat(n));
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
    }

    @Test
    void qftOfABasisStateIsUniform() {
        Map<String, Long> counts = new StatevectorSimulator().run(CircuitGenerators.qft(3), SimulationOptions.shots(8000).withSeed(1))
                .counts();
        assertThat(counts).hasSize(8);
        assertThat(counts.values()).allMatch(c -> c > 850 && c < 1150);
    }

    @Property(tries = 20)
    void theSameSeedGivesTheSameRandomCircuit(@ForAll @IntRange(min = 1, max = 6) int qubits,
                                             @ForAll @IntRange(min = 1, max = 8) int depth, @ForAll long seed) {
        long s = Math.abs(seed % 1000);
        assertThat(CircuitGenerators.random(qubits, depth, s)).isEqualTo(CircuitGenerators.random(qubits, depth, s));
        assertThat(CircuitGenerators.random(qubits, depth, s).numQubits()).isEqualTo(qubits);
    }

    @Test
    void refusesZeroQubits() {
        assertThatThrownBy(() -> CircuitGenerators.ghz(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CircuitGenerators.random(2, 0, 1)).hasMessageContaining("depth");
    }
}
