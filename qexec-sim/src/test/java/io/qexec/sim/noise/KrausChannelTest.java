package io.qexec.sim.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Matrix;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KrausChannelTest {

    /** Applies a channel to a density matrix given as [re, im] row-major by the Kraus sum, the plain way. */
    static Matrix apply(KrausChannel channel, Matrix rho) {
        Matrix out = null;
        for (Matrix k : channel.operators()) {
            Matrix term = k.multiply(rho).multiply(k.adjoint());
            out = out == null ? term : KrausChannel.add(out, term);
        }
        return out;
    }

    static Matrix pure(double[] re, double[] im) {
        int d = re.length;
        double[] r = new double[d * d];
        double[] i = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                r[a * d + b] = re[a] * re[b] + im[a] * im[b];
                i[a * d + b] = im[a] * re[b] - re[a] * im[b];
            }
        }
        return Matrix.of(r, i);
    }

    static boolean tracePreserving(KrausChannel c) {
        int d = 1 << c.numQubits();
        Matrix sum = Matrix.identity(d).scale(0, 0);
        for (Matrix k : c.operators()) {
            sum = KrausChannel.add(sum, k.adjoint().multiply(k));
        }
        return sum.approximatelyEquals(Matrix.identity(d), 1e-12);
    }

    @Property(seed = "11", tries = 200)
    void everyFactoryIsTracePreserving(@ForAll @DoubleRange(min = 0, max = 1) double p,
                                       @ForAll @DoubleRange(min = 1, max = 1000) double microseconds) {
        assertThat(tracePreserving(KrausChannel.depolarizing(p))).isTrue();
        assertThat(tracePreserving(KrausChannel.depolarizing(2, p))).isTrue();
        assertThat(tracePreserving(KrausChannel.bitFlip(p))).isTrue();
        assertThat(tracePreserving(KrausChannel.phaseFlip(p))).isTrue();
        assertThat(tracePreserving(KrausChannel.amplitudeDamping(p))).isTrue();
        assertThat(tracePreserving(KrausChannel.phaseDamping(p))).isTrue();
        assertThat(tracePreserving(KrausChannel.pauli(p / 3, p / 3, p / 3))).isTrue();
        assertThat(tracePreserving(KrausChannel.thermalRelaxation(1e-4, 1.5e-4, microseconds * 1e-6))).isTrue();
    }

    @Property(seed = "12", tries = 100)
    void depolarizingFollowsTheStatedConvention(@ForAll @DoubleRange(min = 0, max = 1) double p,
                                               @ForAll @IntRange(min = 1, max = 2) int qubits,
                                               @ForAll @DoubleRange(min = -1, max = 1) double a,
                                               @ForAll @DoubleRange(min = -1, max = 1) double b) {
        int d = 1 << qubits;
        double[] re = new double[d];
        double[] im = new double[d];
        re[0] = a;
        im[d - 1] = b;
        re[d / 2] = 0.5;
        double norm = Math.sqrt(a * a + b * b + 0.25);
        for (int i = 0; i < d; i++) {
            re[i] /= norm;
            im[i] /= norm;
        }
        Matrix rho = pure(re, im);
        // (1-p) rho + p I/d
        Matrix expected = KrausChannel.add(rho.scale(1 - p, 0), Matrix.identity(d).scale(p / d, 0));
        assertThat(apply(KrausChannel.depolarizing(qubits, p), rho).approximatelyEquals(expected, 1e-12)).isTrue();
        assertThat(KrausChannel.depolarizing(qubits, p).averageGateFidelity()).isCloseTo(1 - p * (d - 1) / d, within(1e-12));
    }

    @Test
    void thermalRelaxationDecaysPopulationsAndCoherencesExactly() {
        double t1 = 100e-6;
        double t2 = 80e-6;
        double t = 30e-6;
        KrausChannel c = KrausChannel.thermalRelaxation(t1, t2, t);
        Matrix plus1 = pure(new double[] {0.6, 0.8}, new double[2]); // 0.36 |0><0| + 0.64 |1><1| + coherence 0.48
        Matrix out = apply(c, plus1);
        assertThat(out.re(1, 1)).isCloseTo(0.64 * Math.exp(-t / t1), within(1e-14));
        assertThat(out.re(0, 0)).isCloseTo(1 - 0.64 * Math.exp(-t / t1), within(1e-14));
        assertThat(out.re(0, 1)).isCloseTo(0.48 * Math.exp(-t / t2), within(1e-14));
    }

    @Test
    void thermalRelaxationRefusesUnphysicalT2() {
        assertThatThrownBy(() -> KrausChannel.thermalRelaxation(1e-4, 3e-4, 1e-6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T2 must be at most 2 T1");
    }

    @Test
    void amplitudeAndPhaseDampingActAsDefined() {
        Matrix one = pure(new double[] {0, 1}, new double[2]);
        assertThat(apply(KrausChannel.amplitudeDamping(0.3), one).re(0, 0)).isCloseTo(0.3, within(1e-15));
        Matrix plus = pure(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, new double[2]);
        Matrix damped = apply(KrausChannel.phaseDamping(0.36), plus);
        assertThat(damped.re(0, 1)).isCloseTo(0.5 * 0.8, within(1e-15));
        assertThat(damped.re(1, 1)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void generalKrausIsValidated() {
        Matrix half = Matrix.identity(2).scale(Math.sqrt(0.5), 0);
        assertThat(KrausChannel.of("halves", List.of(half, half)).numQubits()).isEqualTo(1);
        assertThatThrownBy(() -> KrausChannel.of("too weak", List.of(half)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not trace preserving")
                .hasMessageContaining("too weak");
        assertThatThrownBy(() -> KrausChannel.of("mixed", List.of(half, Matrix.identity(4))))
                .hasMessageContaining("different dimensions");
        assertThatThrownBy(() -> KrausChannel.of("empty", List.of())).hasMessageContaining("at least one");
    }

    @Test
    void pauliChannelsAreUnitaryMixturesAndDampingIsNot() {
        KrausChannel dep = KrausChannel.depolarizing(0.3);
        assertThat(dep.isUnitaryMixture()).isTrue();
        double[] p = dep.mixtureProbabilities();
        assertThat(p[0]).isCloseTo(1 - 0.3 * 3 / 4, within(1e-15));
        assertThat(p[1]).isCloseTo(0.3 / 4, within(1e-15));
        assertThat(KrausChannel.depolarizing(2, 0.2).mixtureProbabilities()).hasSize(16);
        assertThat(KrausChannel.amplitudeDamping(0.1).isUnitaryMixture()).isFalse();
        assertThatThrownBy(() -> KrausChannel.amplitudeDamping(0.1).mixtureProbabilities())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void superoperatorMatchesTheKrausSum() {
        KrausChannel c = KrausChannel.thermalRelaxation(1, 0.7, 0.4).andThen(KrausChannel.depolarizing(0.1));
        Matrix rho = pure(new double[] {0.6, 0}, new double[] {0, 0.8});
        Matrix direct = apply(c, rho);
        Matrix s = c.superoperator();
        // vec(rho)[(r << 1) | c]
        for (int r = 0; r < 2; r++) {
            for (int col = 0; col < 2; col++) {
                double re = 0;
                double im = 0;
                for (int r2 = 0; r2 < 2; r2++) {
                    for (int c2 = 0; c2 < 2; c2++) {
                        int j = (r2 << 1) | c2;
                        int i = (r << 1) | col;
                        re += s.re(i, j) * rho.re(r2, c2) - s.im(i, j) * rho.im(r2, c2);
                        im += s.re(i, j) * rho.im(r2, c2) + s.im(i, j) * rho.re(r2, c2);
                    }
                }
                assertThat(re).isCloseTo(direct.re(r, col), within(1e-14));
                assertThat(im).isCloseTo(direct.im(r, col), within(1e-14));
            }
        }
    }

    @Test
    void outOfRangeParametersAreRefused() {
        assertThatThrownBy(() -> KrausChannel.depolarizing(1.5)).hasMessageContaining("depolarizing parameter");
        assertThatThrownBy(() -> KrausChannel.bitFlip(-0.1)).hasMessageContaining("bit flip probability");
        assertThatThrownBy(() -> KrausChannel.pauli(0.5, 0.5, 0.5)).hasMessageContaining("sum to at most 1");
    }
}
