package io.qexec.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.StandardGate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TableauTest {

    @Test
    void startsInAllZerosWithDeterministicOutcomes() {
        Tableau t = new Tableau(130);
        SplittableRandom rng = new SplittableRandom(1);
        for (int q = 0; q < 130; q++) {
            assertThat(t.isRandom(q)).isFalse();
            assertThat(t.measure(q, rng)).isFalse();
        }
        assertThat(t.row(130)).isEqualTo("+Z" + "I".repeat(129));
    }

    @Test
    void xThenMeasureReadsOne() {
        Tableau t = new Tableau(70);
        t.x(69);
        assertThat(t.isRandom(69)).isFalse();
        assertThat(t.measure(69, new SplittableRandom(2))).isTrue();
        assertThat(t.measure(68, new SplittableRandom(2))).isFalse();
    }

    @Test
    void hadamardMakesARandomOutcomeThatThenRepeats() {
        Tableau t = new Tableau(1);
        t.h(0);
        assertThat(t.row(1)).isEqualTo("+X");
        assertThat(t.isRandom(0)).isTrue();
        boolean first = t.measure(0, new SplittableRandom(3));
        assertThat(t.isRandom(0)).isFalse();
        for (int i = 0; i < 5; i++) {
            assertThat(t.measure(0, new SplittableRandom(i))).isEqualTo(first);
        }
    }

    @Test
    void bellPairsAlwaysAgree() {
        for (long seed = 0; seed < 200; seed++) {
            Tableau t = new Tableau(2);
            t.h(0);
            t.cx(0, 1);
            SplittableRandom rng = new SplittableRandom(seed);
            boolean a = t.measure(0, rng);
            assertThat(t.isRandom(1)).isFalse();
            assertThat(t.measure(1, rng)).isEqualTo(a);
        }
    }

    @Test
    void ghzOfThreeHundredQubitsReadsAllEqualAndBothValuesOccur() {
        int n = 300;
        int ones = 0;
        for (long seed = 0; seed < 40; seed++) {
            Tableau t = new Tableau(n);
            t.h(0);
            for (int q = 0; q + 1 < n; q++) {
                t.cx(q, q + 1);
            }
            SplittableRandom rng = new SplittableRandom(seed);
            boolean first = t.measure(n - 1, rng);
            int parity = 0;
            for (int q = 0; q < n; q++) {
                boolean b = t.measure(q, rng);
                assertThat(b).isEqualTo(first);
                parity ^= b ? 1 : 0;
            }
            assertThat(parity).isZero(); // 300 equal bits have even parity
            ones += first ? 1 : 0;
        }
        assertThat(ones).isBetween(1, 39);
    }

    @Test
    void xParityOfGhzIsPlusOne() {
        // GHZ is stabilized by X...X: after H on every qubit the Z parity is even, always
        int n = 65;
        for (long seed = 0; seed < 20; seed++) {
            Tableau t = new Tableau(n);
            t.h(0);
            for (int q = 0; q + 1 < n; q++) {
                t.cx(q, q + 1);
            }
            for (int q = 0; q < n; q++) {
                t.h(q);
            }
            SplittableRandom rng = new SplittableRandom(seed);
            int parity = 0;
            for (int q = 0; q < n; q++) {
                parity ^= t.measure(q, rng) ? 1 : 0;
            }
            assertThat(parity).isZero();
        }
    }

    @Test
    void randomOutcomesAreFair() {
        int shots = 4000;
        int ones = 0;
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < shots; i++) {
            Tableau t = new Tableau(1);
            t.h(0);
            ones += t.measure(0, rng) ? 1 : 0;
        }
        // 5 standard deviations of a binomial(shots, 1/2)
        double bound = 5 * Math.sqrt(shots * 0.25);
        assertThat((double) ones).isBetween(shots / 2.0 - bound, shots / 2.0 + bound);
    }

    @Test
    void resetReturnsToZero() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 50; i++) {
            Tableau t = new Tableau(3);
            t.h(1);
            t.cx(1, 2);
            t.reset(1, rng);
            assertThat(t.isRandom(1)).isFalse();
            assertThat(t.measure(1, rng)).isFalse();
        }
    }

    @Test
    void measureChoosingForcesOnlyRandomOutcomes() {
        Tableau t = new Tableau(2);
        t.h(0);
        t.x(1);
        assertThat(t.measureChoosing(0, true)).isTrue();
        assertThat(t.measureChoosing(0, false)).isTrue();
        assertThat(t.measureChoosing(1, false)).isTrue();
    }

    @Test
    void aCopyIsIndependentInEitherLayout() {
        for (boolean measuredLast : new boolean[] {false, true}) {
            Tableau t = randomTableau(70, 12);
            t.measureChoosing(3, true);
            if (!measuredLast) {
                t.h(5);
            }
            Tableau c = t.copy();
            t.measureChoosing(5, false);
            t.cx(5, 6);
            c.measureChoosing(5, false);
            c.cx(5, 6);
            for (int row = 0; row < 140; row++) {
                assertThat(c.row(row)).isEqualTo(t.row(row));
            }
            t.x(7);
            assertThat(c.row(77)).isNotEqualTo(t.row(77)).isEqualTo(c.copy().row(77));
        }
    }

    /** Dedicated rules must agree bit for bit, signs included, with the table derived from the unitary. */
    @ParameterizedTest
    @EnumSource(GateKind.class)
    void dedicatedRuleEqualsTheGateUnitary(GateKind kind) {
        StandardGate gate = StandardGate.valueOf(kind.name());
        CliffordTable table = CliffordTable.of(gate.matrix());
        int n = 67; // qubits in two words
        for (long seed = 0; seed < 30; seed++) {
            Tableau dedicated = randomTableau(n, seed);
            Tableau generic = dedicated.copy();
            SplittableRandom rng = new SplittableRandom(seed);
            int a = rng.nextInt(n);
            int b = (a + 1 + rng.nextInt(n - 1)) % n;
            TableauRunner.apply(dedicated, new Op.Gate(kind, a, b));
            generic.apply(table, kind.arity() == 1 ? new int[] {a} : new int[] {a, b});
            for (int row = 0; row < 2 * n; row++) {
                assertThat(dedicated.row(row)).as("%s row %d", kind, row).isEqualTo(generic.row(row));
            }
        }
    }

    /** A random stabilizer state built only from tables derived from unitaries (independent of the dedicated rules). */
    static Tableau randomTableau(int n, long seed) {
        CliffordTable h = CliffordTable.of(StandardGate.H.matrix());
        CliffordTable s = CliffordTable.of(StandardGate.S.matrix());
        CliffordTable cx = CliffordTable.of(StandardGate.CX.matrix());
        CliffordTable x = CliffordTable.of(StandardGate.X.matrix());
        SplittableRandom rng = new SplittableRandom(seed);
        Tableau t = new Tableau(n);
        for (int i = 0; i < 6 * n; i++) {
            int a = rng.nextInt(n);
            switch (rng.nextInt(4)) {
                case 0 -> t.apply(h, new int[] {a});
                case 1 -> t.apply(s, new int[] {a});
                case 2 -> t.apply(x, new int[] {a});
                default -> t.apply(cx, new int[] {a, (a + 1 + rng.nextInt(n - 1)) % n});
            }
        }
        return t;
    }
}
