package io.qexec.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.StandardGate;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The column-major tableau against the row-major oracle on random circuits of many qubits (several words
 * of rows and of qubits), with random and deterministic measurements and resets: identical rows, signs
 * and outcomes after every step.
 */
class TableauLayoutTest {
    private static final CliffordTable ECR = CliffordTable.of(StandardGate.ECR.matrix());

    @Property(tries = 40, seed = "77")
    void columnMajorAgreesWithRowMajor(@ForAll long seed, @ForAll @IntRange(min = 2, max = 140) int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tableau t = new Tableau(n);
        RowMajorTableau oracle = new RowMajorTableau(n);
        GateKind[] kinds = GateKind.values();
        for (int step = 0; step < 6 * n; step++) {
            int a = rng.nextInt(n);
            int b = (a + 1 + rng.nextInt(n - 1)) % n;
            int roll = rng.nextInt(20);
            if (roll < 2) {
                boolean choice = rng.nextBoolean();
                assertThat(t.isRandom(a)).isEqualTo(oracle.isRandom(a));
                assertThat(t.measureChoosing(a, choice)).as("measure %d at step %d", a, step)
                        .isEqualTo(oracle.measureChoosing(a, choice));
            } else if (roll == 2) {
                long resetSeed = rng.nextLong();
                t.reset(a, new SplittableRandom(resetSeed));
                oracle.reset(a, new SplittableRandom(resetSeed));
            } else if (roll == 3) {
                t.apply(ECR, new int[] {a, b});
                oracle.apply(ECR, new int[] {a, b});
            } else {
                GateKind k = kinds[rng.nextInt(kinds.length)];
                t.apply(k, a, b);
                oracle.apply(k, a, b);
            }
        }
        for (int q = 0; q < n; q++) {
            boolean choice = rng.nextBoolean();
            assertThat(t.measureChoosing(q, choice)).isEqualTo(oracle.measureChoosing(q, choice));
        }
        for (int row = n; row < 2 * n; row++) {
            assertThat(t.row(row)).as("stabilizer %d", row).isEqualTo(oracle.row(row));
        }
    }
}
