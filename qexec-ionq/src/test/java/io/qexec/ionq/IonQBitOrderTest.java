package io.qexec.ionq;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.Circuit;
import java.util.Map;
import java.util.SortedMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IonQBitOrderTest {

    @Test
    void xOnQubitZeroOfTwoMeasuredIntoBitZeroReads01() {
        Circuit c = Circuit.builder(2, 2).x(0).measure(0, 0).measure(1, 1).build();
        IonQGateSet.Translation t = IonQGateSet.translate(c);
        // IonQ reports outcome 1: qubit 0 is the least significant bit
        assertThat(IonQBitOrder.probabilities(Map.of("1", 1.0), t, c.classicalRegisters())).containsOnlyKeys("01");
    }

    @Test
    void measurementsRouteQubitsToTheirClassicalBits() {
        Circuit c = Circuit.builder(3, 2).x(2).measure(2, 0).measure(0, 1).build();
        IonQGateSet.Translation t = IonQGateSet.translate(c);
        // outcome 4 = qubit 2 set, which lands in clbit 0; qubit 1 is unmeasured
        assertThat(IonQBitOrder.probabilities(Map.of("4", 0.5, "6", 0.5), t, c.classicalRegisters()))
                .containsOnly(Map.entry("01", 1.0));
    }

    @Test
    void anUnmeasuredCircuitIsReportedOverEveryQubit() {
        Circuit c = Circuit.builder(3).x(1).build();
        assertThat(IonQBitOrder.probabilities(Map.of("2", 1.0), IonQGateSet.translate(c), c.classicalRegisters()))
                .containsOnlyKeys("010");
    }

    @Test
    void countsGiveBackAQpuHistogramExactly() {
        assertThat(IonQBitOrder.counts(Map.of("00", 0.333, "11", 0.667), 1000)).containsExactly(
                Map.entry("00", 333L), Map.entry("11", 667L));
    }

    @Property(tries = 50, seed = "11")
    void countsConserveShots(@ForAll @IntRange(min = 1, max = 100000) int shots,
                             @ForAll @DoubleRange(min = 0.01, max = 0.99) double p) {
        SortedMap<String, Long> counts = IonQBitOrder.counts(Map.of("0", p, "1", (1 - p) / 2, "10", (1 - p) / 2), shots);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(shots);
    }

    @Test
    void statusStringsMapToTheEngineStates() {
        assertThat(IonQJobStatus.toState("submitted")).hasToString("SUBMITTED");
        assertThat(IonQJobStatus.toState("ready")).hasToString("QUEUED");
        assertThat(IonQJobStatus.toState("started")).hasToString("RUNNING");
        assertThat(IonQJobStatus.toState("running")).hasToString("RUNNING");
        assertThat(IonQJobStatus.toState("completed")).hasToString("COMPLETED");
        assertThat(IonQJobStatus.toState("failed")).hasToString("FAILED");
        assertThat(IonQJobStatus.toState("canceled")).hasToString("CANCELLED");
        assertThat(IonQJobStatus.toState("paused")).hasToString("UNKNOWN");
    }
}
