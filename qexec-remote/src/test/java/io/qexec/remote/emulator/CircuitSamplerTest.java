package io.qexec.remote.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import java.util.Map;
import java.util.SortedMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CircuitSamplerTest {

    @Test
    void xOnQubitZeroMeasuredIntoBitZeroReads01() {
        Circuit c = Circuit.builder(2, 2).x(0).measure(0, 0).measure(1, 1).build();
        assertThat(CircuitSampler.probabilities(c)).containsOnlyKeys("01");
    }

    @Test
    void aBellPairSplitsEvenly() {
        Map<String, Double> p = CircuitSampler.probabilities(Circuit.builder(2, 2).h(0).cx(0, 1).measure(0, 0)
                .measure(1, 1).build());
        assertThat(p).containsOnlyKeys("00", "11");
        assertThat(p.get("00")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void severalRegistersAreSpaceSeparatedLastDeclaredLeftmost() {
        Circuit c = Circuit.builder(2).classicalRegister("a", 1).classicalRegister("b", 1).x(1)
                .measure(0, 0).measure(1, 1).build();
        assertThat(CircuitSampler.probabilities(c)).containsOnlyKeys("1 0");
    }

    @Test
    void anUnmeasuredCircuitReadsEveryQubit() {
        assertThat(CircuitSampler.probabilities(Circuit.builder(3).x(1).build())).containsOnlyKeys("010");
    }

    @Property(tries = 20, seed = "7")
    void samplingConservesShots(@ForAll @IntRange(min = 1, max = 5000) int shots) {
        SortedMap<String, Long> counts = CircuitSampler.sample(Map.of("00", 0.5, "11", 0.5), shots, shots);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(shots);
        assertThat(counts.keySet()).isSubsetOf("00", "11");
    }
}
