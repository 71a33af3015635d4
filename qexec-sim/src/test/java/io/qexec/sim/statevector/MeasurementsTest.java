package io.qexec.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qexec.sim.InsufficientMemoryException;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    @Property(tries = 100, seed = "21")
    void marginalsSumTheSquaredAmplitudes(@ForAll @IntRange(min = 2, max = 8) int n, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        State s = State.of(psi[0], psi[1]);
        // scramble the layout with swaps so the logical/physical mapping is exercised
        Engine engine = new Engine(2, 0);
        engine.run(s, new Fuser(FusionOptions.DEFAULT).compile(
                List.of(Gate.of(Matrices.swap(), 0, n - 1)), s.layout));
        double[][] logical = Reference.apply(Gate.of(Matrices.swap(), 0, n - 1), psi[0], psi[1]);
        int m = 1 + rnd.nextInt(n);
        int[] qubits = Reference.distinct(m, n, rnd);
        double[] expected = new double[1 << m];
        for (int x = 0; x < 1 << n; x++) {
            int y = 0;
            for (int j = 0; j < m; j++) {
                y |= ((x >>> qubits[j]) & 1) << j;
            }
            expected[y] += logical[0][x] * logical[0][x] + logical[1][x] * logical[1][x];
        }
        double[] got = Measurements.marginal(s, qubits, engine);
        for (int y = 0; y < expected.length; y++) {
            assertThat(got[y]).isCloseTo(expected[y], within(1e-12));
        }
        double p1 = Measurements.probabilityOfOne(s, qubits[0], engine);
        double e1 = 0;
        for (int y = 1; y < expected.length; y += 2) {
            e1 += expected[y];
        }
        assertThat(p1).isCloseTo(e1, within(1e-12));
    }

    @Test
    void collapseKeepsTheOutcomeAndRenormalises() {
        Engine engine = new Engine(1, 0);
        State s = State.zero(2);
        engine.run(s, new Fuser(FusionOptions.NONE).compile(
                List.of(Gate.of(Matrices.h(), 0), new Gate(new int[] {0}, new int[] {1}, Matrices.x())), s.layout));
        double p = Measurements.probabilityOfOne(s, 1, engine);
        assertThat(p).isCloseTo(0.5, within(1e-12));
        Measurements.collapse(s, 1, 1, p, engine);
        assertThat(s.re[3]).isCloseTo(1.0, within(1e-12));
        assertThat(s.re[0]).isZero();
        assertThat(Measurements.norm(s, engine)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void refusesStatesThatDoNotFit() {
        assertThatThrownBy(() -> State.checkMemory(31, 1))
                .isInstanceOf(InsufficientMemoryException.class)
                .hasMessageContaining("statevector of 31 qubits needs 32 GiB")
                .hasMessageContaining("use the stabilizer method or fewer qubits");
        long max = Runtime.getRuntime().maxMemory();
        int tooBig = 63 - Long.numberOfLeadingZeros(max) - 3; // 16 B * 2^n > max once n > log2(max) - 4
        if (tooBig <= State.MAX_QUBITS) {
            assertThatThrownBy(() -> State.checkMemory(tooBig, 1))
                    .isInstanceOf(InsufficientMemoryException.class)
                    .hasMessageMatching("statevector of \\d+ qubits needs \\d+ [GM]iB, \\d+ [GM]iB available; .*");
        }
        State.checkMemory(10, 1);
    }
}
