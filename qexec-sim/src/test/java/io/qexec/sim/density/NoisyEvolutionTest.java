package io.qexec.sim.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.circuit.Matrix;
import io.qexec.sim.noise.DeviceProfiles;
import io.qexec.sim.noise.KrausChannel;
import io.qexec.sim.noise.NoiseModel;
import io.qexec.sim.noise.NoisyCircuit;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The fused superoperator kernels against a plain full-matrix Kraus evolution. */
class NoisyEvolutionTest {

    /** rho as a full matrix, evolved operation by operation with embedded gate and Kraus matrices. */
    static Matrix reference(NoisyCircuit program) {
        int n = program.numQubits();
        Matrix rho = Matrix.of(new double[1 << (2 * n)], new double[1 << (2 * n)]);
        double[] re = rho.realParts();
        re[0] = 1;
        rho = Matrix.of(re, new double[re.length]);
        for (NoisyCircuit.Operation op : program.operations()) {
            switch (op) {
                case NoisyCircuit.Gate g -> {
                    Matrix u = ExactStatevector.embed(g.matrix(), g.qubits(), n);
                    rho = u.multiply(rho).multiply(u.adjoint());
                }
                case NoisyCircuit.Channel c -> {
                    Matrix sum = null;
                    for (Matrix k : c.channel().operators()) {
                        Matrix kf = ExactStatevector.embed(k, c.qubits(), n);
                        Matrix term = kf.multiply(rho).multiply(kf.adjoint());
                        sum = sum == null ? term : add(sum, term);
                    }
                    rho = sum;
                }
                default -> throw new IllegalArgumentException("unexpected " + op);
            }
        }
        return rho;
    }

    private static Matrix add(Matrix a, Matrix b) {
        double[] re = a.realParts();
        double[] im = a.imaginaryParts();
        double[] br = b.realParts();
        double[] bi = b.imaginaryParts();
        for (int i = 0; i < re.length; i++) {
            re[i] += br[i];
            im[i] += bi[i];
        }
        return Matrix.of(re, im);
    }

    @Property(seed = "77", tries = 40)
    void fusedNoisyEvolutionEqualsThePlainKrausSum(@ForAll @IntRange(min = 1, max = 4) int n,
                                                   @ForAll @IntRange(min = 0, max = 25) int gates,
                                                   @ForAll long seed) {
        CircuitBuilder b = Circuit.builder(n);
        DensityMatrixSimulatorTest.randomCircuit(n, gates, seed).instructions().forEach(b::append);
        for (int q = 0; q < n; q++) {
            b.sx(q);
        }
        Random r = new Random(seed);
        NoiseModel noise = NoiseModel.builder()
                .addDefaultError(1, KrausChannel.depolarizing(r.nextDouble() * 0.2))
                .addDefaultError(1, KrausChannel.thermalRelaxation(1, 0.5 + r.nextDouble(), r.nextDouble()))
                .addDefaultError(2, KrausChannel.depolarizing(2, r.nextDouble() * 0.2))
                .addDefaultError(2, KrausChannel.amplitudeDamping(r.nextDouble() * 0.3))
                .addGateError(KrausChannel.phaseDamping(0.3).andThen(KrausChannel.bitFlip(0.05)), "h")
                .build();
        NoisyCircuit program = NoisyCircuit.of(b.build(), noise);
        Matrix expected = reference(program);
        DensityMatrix rho = DensityMatrixSimulator.evolve(program, r.nextBoolean());
        int dim = 1 << n;
        for (int row = 0; row < dim; row++) {
            for (int col = 0; col < dim; col++) {
                assertThat(rho.re(row, col)).isCloseTo(expected.re(row, col), within(1e-10));
                assertThat(rho.im(row, col)).isCloseTo(expected.im(row, col), within(1e-10));
            }
        }
        assertThat(rho.trace()).isCloseTo(1, within(1e-10));
    }

    @Property(seed = "78", tries = 30)
    void kernelsMatchTheEmbeddedMatrixOnRandomVectors(@ForAll @IntRange(min = 2, max = 8) int bitsTotal,
                                                      @ForAll @IntRange(min = 1, max = 3) int width,
                                                      @ForAll long seed) {
        if (width > bitsTotal) {
            return;
        }
        Random r = new Random(seed);
        int m = width;
        int[] bits = r.ints(0, bitsTotal).distinct().limit(m).toArray();
        int size = 1 << m;
        double[] sr = new double[size * size];
        double[] si = new double[size * size];
        for (int i = 0; i < sr.length; i++) {
            if (r.nextInt(3) > 0) {
                sr[i] = r.nextGaussian();
                si[i] = r.nextGaussian();
            }
        }
        Matrix s = Matrix.of(sr, si);
        int len = 1 << bitsTotal;
        double[] vr = r.doubles(len, -1, 1).toArray();
        double[] vi = r.doubles(len, -1, 1).toArray();
        List<Integer> bitList = java.util.Arrays.stream(bits).boxed().toList();
        Matrix full = ExactStatevector.embed(s, bitList, bitsTotal);
        double[] er = new double[len];
        double[] ei = new double[len];
        for (int a = 0; a < len; a++) {
            for (int c = 0; c < len; c++) {
                er[a] += full.re(a, c) * vr[c] - full.im(a, c) * vi[c];
                ei[a] += full.re(a, c) * vi[c] + full.im(a, c) * vr[c];
            }
        }
        new SuperoperatorKernel(s, bits).apply(vr, vi, r.nextBoolean());
        for (int a = 0; a < len; a++) {
            assertThat(vr[a]).isCloseTo(er[a], within(1e-12));
            assertThat(vi[a]).isCloseTo(ei[a], within(1e-12));
        }
    }

    @Property(seed = "79", tries = 3)
    void threadsDoNotChangeTheResult(@ForAll long seed) {
        CircuitBuilder b = Circuit.builder(7);
        DensityMatrixSimulatorTest.randomCircuit(7, 30, seed).instructions().forEach(b::append);
        for (int q = 0; q < 7; q++) {
            b.h(q);
        }
        NoisyCircuit program = NoisyCircuit.of(b.build(), DeviceProfiles.FAKE_ARIA.toNoiseModel());
        DensityMatrix one = DensityMatrixSimulator.evolve(program, false);
        DensityMatrix many = DensityMatrixSimulator.evolve(program, true);
        assertThat(many.re).isEqualTo(one.re);
        assertThat(many.im).isEqualTo(one.im);
    }
}
