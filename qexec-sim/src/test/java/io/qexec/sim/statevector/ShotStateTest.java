package io.qexec.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShotStateTest {
    private static final double TOLERANCE = 1e-12;

    /** A random (not unitary) matrix on k qubits, as a gate times a Kraus operator can be. */
    private static ComplexMatrix randomMatrix(int k, SplittableRandom rnd) {
        int d = 1 << k;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int i = 0; i < d * d; i++) {
            re[i] = rnd.nextDouble(-1, 1);
            im[i] = rnd.nextDouble(-1, 1);
        }
        return new ComplexMatrix(d, re, im);
    }

    /** A shot state holding {@code psi}, prepared by a full-width matrix whose first column is psi. */
    private static ShotState stateOf(double[][] psi, int n) {
        ShotState s = ShotState.zero(n);
        // the matrix whose first column is psi takes |0...0> to psi
        int d = 1 << n;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int r = 0; r < d; r++) {
            re[r * d] = psi[0][r];
            im[r * d] = psi[1][r];
        }
        int[] all = State.identity(n);
        s.apply(re, im, all);
        return s;
    }

    private static void assertState(ShotState s, double[][] expected, String what) {
        for (int i = 0; i < expected[0].length; i++) {
            double[] a = s.amplitude(i);
            assertThat(a[0]).as(what + " re[" + i + "]").isCloseTo(expected[0][i], org.assertj.core.data.Offset.offset(TOLERANCE));
            assertThat(a[1]).as(what + " im[" + i + "]").isCloseTo(expected[1][i], org.assertj.core.data.Offset.offset(TOLERANCE));
        }
    }

    @Property(tries = 200, seed = "31")
    void applyingAMatrixEqualsThePlainProduct(@ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @IntRange(min = 1, max = 4) int width, @ForAll long seed) {
        int k = Math.min(width, n);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        int[] q = Reference.distinct(k, n, rnd);
        ComplexMatrix m = rnd.nextInt(4) == 0 && k == 1 ? Reference.randomDiagonal(1, rnd) : randomMatrix(k, rnd);
        ShotState s = stateOf(psi, n);
        s.apply(m.re, m.im, q);
        assertState(s, Reference.apply(Gate.of(m, q), psi[0], psi[1]), k + "-qubit matrix on " + java.util.Arrays.toString(q));
    }

    @Property(tries = 200, seed = "32")
    void reducedDensityMatrixAndProbabilities(@ForAll @IntRange(min = 2, max = 7) int n, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        ShotState s = stateOf(psi, n);
        int[] q = Reference.distinct(1 + rnd.nextInt(2), n, rnd);
        double[][] rho = s.reducedDensityMatrix(q);
        int d = 1 << q.length;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double er = 0;
                double ei = 0;
                for (int i = 0; i < psi[0].length; i++) {
                    if (local(i, q) != a) {
                        continue;
                    }
                    int j = i;
                    for (int t = 0; t < q.length; t++) {
                        j = (j & ~(1 << q[t])) | ((b >> t) & 1) << q[t];
                    }
                    // psi_i * conj(psi_j)
                    er += psi[0][i] * psi[0][j] + psi[1][i] * psi[1][j];
                    ei += psi[1][i] * psi[0][j] - psi[0][i] * psi[1][j];
                }
                assertThat(rho[0][a * d + b]).isCloseTo(er, org.assertj.core.data.Offset.offset(TOLERANCE));
                assertThat(rho[1][a * d + b]).isCloseTo(ei, org.assertj.core.data.Offset.offset(TOLERANCE));
            }
        }
        double p1 = 0;
        double[] p = s.probabilities();
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isCloseTo(psi[0][i] * psi[0][i] + psi[1][i] * psi[1][i], org.assertj.core.data.Offset.offset(TOLERANCE));
            if ((i >> q[0] & 1) == 1) {
                p1 += p[i];
            }
        }
        assertThat(s.probabilityOfOne(q[0])).isCloseTo(p1, org.assertj.core.data.Offset.offset(TOLERANCE));
    }

    private static int local(int index, int[] q) {
        int x = 0;
        for (int t = 0; t < q.length; t++) {
            x |= ((index >> q[t]) & 1) << t;
        }
        return x;
    }

    @Test
    void projectScaleAndResetCollapseAndRestore() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] psi = Reference.randomState(4, rnd);
        ShotState s = stateOf(psi, 4);
        double p1 = s.probabilityOfOne(2);
        s.project(2, true);
        s.scale(1 / Math.sqrt(p1));
        double[] p = s.probabilities();
        double norm = 0;
        for (int i = 0; i < p.length; i++) {
            if ((i >> 2 & 1) == 0) {
                assertThat(p[i]).isZero();
            } else {
                assertThat(p[i]).isCloseTo((psi[0][i] * psi[0][i] + psi[1][i] * psi[1][i]) / p1,
                        org.assertj.core.data.Offset.offset(TOLERANCE));
            }
            norm += p[i];
        }
        assertThat(norm).isCloseTo(1, org.assertj.core.data.Offset.offset(TOLERANCE));
        s.reset();
        assertThat(s.amplitude(0)).containsExactly(1, 0);
        assertThat(s.probabilityOfOne(2)).isZero();
    }

    @Test
    void sampledIndicesFollowTheWeights() {
        ShotState s = ShotState.zero(2);
        double h = Math.sqrt(0.5);
        // (|00> + |11>) / sqrt 2; after projecting qubit 0 onto 0 only |00> is left
        s.apply(new double[] {h, h, h, -h}, new double[4], 0);
        s.apply(new double[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0}, new double[16], 0, 1); // cx, control 0
        SplittableRandom r = new SplittableRandom(7);
        int shots = 20_000;
        int threes = 0;
        for (int i = 0; i < shots; i++) {
            int x = s.sampleIndex(r);
            assertThat(x).isIn(0, 3);
            threes += x == 3 ? 1 : 0;
        }
        double bound = 5 * Math.sqrt(shots * 0.25);
        assertThat((double) threes).isBetween(shots / 2.0 - bound, shots / 2.0 + bound);
        s.project(0, false);
        assertThat(s.sampleIndex(r)).isZero();
    }

    @Test
    void badShapesAreRefused() {
        ShotState s = ShotState.zero(2);
        assertThatThrownBy(() -> s.apply(new double[4], new double[4], 0, 1)).hasMessageContaining("has 16 entries");
        assertThatThrownBy(() -> s.apply(new double[4], new double[4], 2)).hasMessageContaining("outside a state of 2 qubits");
    }
}
