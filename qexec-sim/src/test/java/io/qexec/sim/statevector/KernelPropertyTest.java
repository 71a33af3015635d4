package io.qexec.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KernelPropertyTest {
    private static final double TOL = 1e-10;

    @Property(tries = 400, seed = "20261123")
    void everyKernelMatchesTheDenseMatrixProduct(@ForAll @IntRange(min = 1, max = 9) int n, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        Gate g = Reference.randomGate(n, rnd);
        double[][] expected = Reference.apply(g, psi[0], psi[1]);

        Kernel k = KernelSelector.select(g);
        for (Engine engine : List.of(new Engine(1, 0), new Engine(2, 0))) {
            State s = State.of(psi[0], psi[1]);
            if (k != null) {
                engine.run(s, k);
            }
            assertClose(s.re, s.im, expected, g + " via " + (k == null ? "identity" : k.getClass().getSimpleName()));
        }
    }

    @Property(tries = 200, seed = "8")
    void vectorKernelsMatchTheDenseMatrixProduct(@ForAll @IntRange(min = 4, max = 9) int n, @ForAll long seed) {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorSupport.AVAILABLE,
                "run with --add-modules jdk.incubator.vector to test the Vector API kernels");
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        // targets mostly at or above qubit 3 so that whole vectors run; controls anywhere
        int targets = 1;
        int[] q = Reference.distinct(targets + rnd.nextInt(2), n, rnd);
        int[] t = java.util.Arrays.copyOfRange(q, 0, targets);
        for (int i = 0; i < t.length && rnd.nextInt(4) > 0; i++) {
            if (t[i] < 3 && n > 3 + targets) {
                int candidate = 3 + rnd.nextInt(n - 3);
                boolean used = false;
                for (int x : q) {
                    used |= x == candidate;
                }
                if (!used) {
                    t[i] = candidate;
                    q[i] = candidate;
                }
            }
        }
        int[] c = java.util.Arrays.copyOfRange(q, targets, q.length);
        Gate g = new Gate(c, t, Reference.randomUnitary(targets, rnd));
        Kernel scalar = KernelSelector.select(g);
        Kernel vector = VectorSupport.upgrade(scalar);
        assertThat(vector.getClass().getSimpleName()).startsWith("Vector");
        double[][] expected = Reference.apply(g, psi[0], psi[1]);
        for (Engine engine : List.of(new Engine(1, 0), new Engine(2, 0))) {
            State s = State.of(psi[0], psi[1]);
            engine.run(s, vector);
            assertClose(s.re, s.im, expected, g + " via " + vector.getClass().getSimpleName());
        }
    }

    @Property(tries = 200, seed = "9")
    void denseBlocksInsideOneVectorMatchTheMatrixProduct(@ForAll @IntRange(min = 3, max = 8) int n,
            @ForAll long seed) {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorSupport.AVAILABLE && VectorSupport.LOW_QUBITS >= 2,
                "run with --add-modules jdk.incubator.vector on a machine with 256-bit vectors or wider");
        int low = Math.min(VectorSupport.LOW_QUBITS, n);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        int targets = 1 + rnd.nextInt(low);
        int[] t = Reference.distinct(targets, low, rnd);
        List<Integer> others = new java.util.ArrayList<>();
        for (int q = 0; q < n; q++) {
            final int qq = q;
            if (java.util.Arrays.stream(t).noneMatch(x -> x == qq)) {
                others.add(q);
            }
        }
        java.util.Collections.shuffle(others, new java.util.Random(seed));
        int[] c = others.stream().limit(rnd.nextInt(Math.min(3, others.size()) + 1)).mapToInt(Integer::intValue).toArray();
        Gate g = new Gate(c, t, Reference.randomUnitary(targets, rnd));
        int controls = g.controlMask();
        Kernel k = new VectorDenseLowKernel(controls, t, g.matrix());
        double[][] expected = Reference.apply(g, psi[0], psi[1]);
        for (Engine engine : List.of(new Engine(1, 0), new Engine(2, 0))) {
            State s = State.of(psi[0], psi[1]);
            engine.run(s, k);
            assertClose(s.re, s.im, expected, g + " via VectorDenseLowKernel");
        }
    }

    @Property(tries = 150, seed = "11")
    void threeQubitVectorBlocksMatchTheMatrixProduct(@ForAll @IntRange(min = 6, max = 10) int n, @ForAll long seed) {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorSupport.AVAILABLE,
                "run with --add-modules jdk.incubator.vector to test the Vector API kernels");
        int low = VectorSupport.LOW_QUBITS;
        org.junit.jupiter.api.Assumptions.assumeTrue(n >= low + 3);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        int[] q = Reference.distinct(3 + rnd.nextInt(Math.min(2, n - low - 3) + 1), n - low, rnd);
        for (int i = 0; i < q.length; i++) {
            q[i] += low; // every qubit above the vector, so runs hold whole vectors
        }
        int[] t = java.util.Arrays.copyOfRange(q, 0, 3);
        int[] c = java.util.Arrays.copyOfRange(q, 3, q.length);
        Gate g = new Gate(c, t, Reference.randomUnitary(3, rnd));
        Kernel vector = VectorSupport.upgrade(KernelSelector.select(g));
        assertThat(vector).isInstanceOf(VectorDense3Kernel.class);
        double[][] expected = Reference.apply(g, psi[0], psi[1]);
        for (Engine engine : List.of(new Engine(1, 0), new Engine(2, 0))) {
            State s = State.of(psi[0], psi[1]);
            engine.run(s, vector);
            assertClose(s.re, s.im, expected, g + " via VectorDense3Kernel");
        }
    }

    @Property(tries = 200, seed = "10")
    void mergedDiagonalsEqualBothApplied(@ForAll @IntRange(min = 2, max = 13) int n, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        int control = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(n);
        List<Gate> gates = new java.util.ArrayList<>();
        List<Kernel> kernels = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // a controlled phase run onto `control` (a QFT layer's diagonal) or a one-qubit diagonal
            List<Gate> part = new java.util.ArrayList<>();
            int count = 1 + rnd.nextInt(Math.max(1, n - 1));
            for (int j = 0; j < count; j++) {
                int q = rnd.nextInt(n);
                if (q == control) {
                    continue;
                }
                part.add(control < 0 ? Gate.of(Reference.randomDiagonal(1, rnd), q)
                        : new Gate(new int[] {control}, new int[] {q}, Matrices.phase(rnd.nextDouble() * 6)));
            }
            if (part.isEmpty()) {
                return;
            }
            DiagonalTable table = null;
            int mask = 0;
            for (Gate g : part) {
                mask |= g.qubitMask();
            }
            int[] space = DiagonalTable.maskToQubits(mask);
            for (Gate g : part) {
                DiagonalTable d = DiagonalTable.expand(g, space);
                table = table == null ? d : table.times(d);
            }
            gates.addAll(part);
            kernels.add(table.toKernel());
        }
        Kernel merged = DiagonalMerge.merge(kernels.get(0), kernels.get(1));
        org.junit.jupiter.api.Assumptions.assumeTrue(merged != null, "not two mergeable diagonals");
        double[][] expected = Reference.run(gates, psi[0], psi[1]);
        State s = State.of(psi[0], psi[1]);
        new Engine(1, 0).run(s, merged);
        assertClose(s.re, s.im, expected, "merged " + kernels);
    }

    @Property(tries = 200, seed = "7")
    void kernelsPreserveTheNorm(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        State s = State.of(psi[0], psi[1]);
        Engine engine = new Engine(2, 0);
        for (int i = 0; i < 10; i++) {
            Kernel k = KernelSelector.select(Reference.randomGate(n, rnd));
            if (k != null) {
                engine.run(s, k);
            }
        }
        assertThat(Measurements.norm(s, engine)).isCloseTo(1.0, within(TOL));
    }

    @Property(tries = 300, seed = "99")
    void fusedDiagonalsMatchWhereverTheTableIsSplit(
            @ForAll @IntRange(min = 2, max = 9) int n, @ForAll @IntRange(min = 1, max = 8) int lowBits,
            @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        List<Gate> gates = new java.util.ArrayList<>();
        int count = 1 + rnd.nextInt(5);
        for (int i = 0; i < count; i++) {
            int width = 1 + rnd.nextInt(Math.min(3, n));
            int[] q = Reference.distinct(width, n, rnd);
            ComplexMatrix m = rnd.nextBoolean() ? Reference.randomDiagonal(width, rnd)
                    : Matrices.phase(rnd.nextDouble(-3, 3)).withControls(width - 1);
            gates.add(Gate.of(m, q));
        }
        DiagonalTable table = null;
        for (Gate g : gates) {
            int[] space = table == null ? DiagonalTable.of(g).qubits : DiagonalTable.union(table.qubits, g.qubits());
            DiagonalTable t = DiagonalTable.expand(g, space);
            table = table == null ? t : table.expandTo(space).times(t);
        }
        double[][] expected = Reference.run(gates, psi[0], psi[1]);
        Kernel k = table.toKernel(lowBits);
        List<Kernel> forms = VectorSupport.AVAILABLE && k != null ? List.of(k, VectorSupport.upgrade(k)) : java.util.Arrays.asList(k);
        for (Kernel form : forms) {
            State s = State.of(psi[0], psi[1]);
            if (form != null) {
                new Engine(2, 0).run(s, form);
            }
            assertClose(s.re, s.im, expected, "diagonal split at " + lowBits + " via " + form);
        }
    }

    @Property(tries = 200, seed = "77")
    void aTwoByTwoAndItsControlledDiagonalFuseIntoOnePass(
            @ForAll @IntRange(min = 2, max = 9) int n, @ForAll @IntRange(min = 1, max = 8) int lowBits,
            @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        int t = rnd.nextInt(n);
        // a complex 2x2, or a real one (h, ry: the kernel's real-matrix path)
        double angle = rnd.nextDouble(-3, 3);
        ComplexMatrix ry = Matrices.of(new double[] {Math.cos(angle / 2), -Math.sin(angle / 2), Math.sin(angle / 2),
            Math.cos(angle / 2)}, new double[4]);
        Gate dense = Gate.of(switch (rnd.nextInt(3)) {
            case 0 -> Matrices.h();
            case 1 -> ry;
            default -> Reference.randomUnitary(1, rnd);
        }, t);
        // cp from random other qubits onto t (t becomes the common control), or an uncontrolled diagonal
        List<Gate> diagonals = new java.util.ArrayList<>();
        boolean controlled = rnd.nextBoolean();
        for (int i = 0, count = 1 + rnd.nextInt(4); i < count; i++) {
            int[] q = Reference.distinct(2, n, rnd);
            if (controlled) {
                int other = q[0] == t ? q[1] : q[0];
                diagonals.add(new Gate(new int[] {other}, new int[] {t}, Matrices.phase(rnd.nextDouble(-3, 3))));
            } else {
                diagonals.add(Gate.of(Reference.randomDiagonal(1, rnd), q[0]));
            }
        }
        DiagonalTable table = null;
        for (Gate g : diagonals) {
            int[] space = table == null ? DiagonalTable.of(g).qubits : DiagonalTable.union(table.qubits, g.qubits());
            DiagonalTable d = DiagonalTable.expand(g, space);
            table = table == null ? d : table.expandTo(space).times(d);
        }
        Kernel first = KernelSelector.select(dense);
        Kernel second = table.toKernel(lowBits);
        org.junit.jupiter.api.Assumptions.assumeTrue(Dense1DiagonalKernel.fits(first, second));
        Kernel fused = new Dense1DiagonalKernel((Dense1Kernel) first, (SplitDiagonalKernel) second);
        List<Gate> all = new java.util.ArrayList<>(List.of(dense));
        all.addAll(diagonals);
        double[][] expected = Reference.run(all, psi[0], psi[1]);
        List<Kernel> forms = VectorSupport.AVAILABLE ? List.of(fused, VectorSupport.upgrade(fused)) : List.of(fused);
        for (Kernel form : forms) {
            for (Engine engine : List.of(new Engine(1, 0), new Engine(2, 0))) {
                State s = State.of(psi[0], psi[1]);
                engine.run(s, form);
                assertClose(s.re, s.im, expected, "fused 2x2 and diagonal via " + form.getClass().getSimpleName());
            }
        }
    }

    @Test
    void controlledPhaseRunsSplitAndEntanglingDiagonalsDoNot() {
        // cp(k, 5) for k < 5: control 5, a product of one-qubit factors: splits anywhere
        DiagonalTable t = DiagonalTable.of(new Gate(new int[] {0}, new int[] {5}, Matrices.phase(0.1)));
        for (int k = 1; k < 5; k++) {
            Gate g = new Gate(new int[] {k}, new int[] {5}, Matrices.phase(0.1 * k));
            int[] space = DiagonalTable.union(t.qubits, g.qubits());
            t = t.expandTo(space).times(DiagonalTable.expand(g, space));
        }
        assertThat(t.toKernel(2)).isInstanceOf(SplitDiagonalKernel.class);
        // rzz across the split point does not factor
        assertThat(DiagonalTable.of(Gate.of(Matrices.rzz(0.4), 1, 3)).toKernel(2)).isInstanceOf(DiagonalKernel.class);
        assertThat(DiagonalTable.of(Gate.of(Matrices.rzz(0.4), 1, 3)).toKernel(4)).isInstanceOf(SplitDiagonalKernel.class);
    }

    @Test
    void selectsTheSpecialisedKernelForEachGateClass() {
        assertThat(KernelSelector.select(Gate.of(Matrices.x(), 3))).isInstanceOf(PermuteXKernel.class);
        assertThat(KernelSelector.select(new Gate(new int[] {0}, new int[] {1}, Matrices.x())))
                .isInstanceOf(PermuteXKernel.class);
        assertThat(KernelSelector.select(Gate.of(Matrices.cxMatrix(), 0, 1))).isInstanceOf(PermuteXKernel.class);
        assertThat(KernelSelector.select(Gate.of(Matrices.swap(), 0, 2))).isInstanceOf(SwapKernel.class);
        assertThat(KernelSelector.select(new Gate(new int[] {1}, new int[] {0, 2}, Matrices.swap())))
                .isInstanceOf(SwapKernel.class);
        assertThat(KernelSelector.select(Gate.of(Matrices.phase(0.3), 2))).isInstanceOf(PhaseKernel.class);
        assertThat(KernelSelector.select(new Gate(new int[] {4}, new int[] {2}, Matrices.phase(0.3))))
                .isInstanceOf(PhaseKernel.class);
        assertThat(KernelSelector.select(Gate.of(Matrices.rz(0.3), 2))).isInstanceOf(Diagonal1Kernel.class);
        assertThat(KernelSelector.select(Gate.of(Matrices.rzz(0.3), 2, 5))).isInstanceOf(SplitDiagonalKernel.class);
        assertThat(KernelSelector.select(Gate.of(Matrices.h(), 1))).isInstanceOf(Dense1Kernel.class);
        assertThat(KernelSelector.select(Gate.of(Matrices.phase(0), 1))).isNull();
        // controlled-H given as a plain 4x4 matrix: the control is detected and only half the state is touched
        ComplexMatrix ch = Matrices.h().withControls(1);
        Kernel k = KernelSelector.select(Gate.of(ch, 0, 1));
        assertThat(k).isInstanceOf(Dense1Kernel.class);
        assertThat(k.touchedFraction()).isEqualTo(0.5);
    }

    @Test
    void theTopQubitSplitsAcrossThreads() {
        // a gate on the top qubit is one block; the engine must still split it and stay exact
        int n = 10;
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] psi = Reference.randomState(n, rnd);
        Gate g = Gate.of(Reference.randomUnitary(1, rnd), n - 1);
        double[][] expected = Reference.apply(g, psi[0], psi[1]);
        State s = State.of(psi[0], psi[1]);
        new Engine(2, 0).run(s, KernelSelector.select(g));
        assertClose(s.re, s.im, expected, "top qubit");
    }

    static void assertClose(double[] re, double[] im, double[][] expected, String what) {
        for (int i = 0; i < re.length; i++) {
            assertThat(re[i]).as("%s re[%d]", what, i).isCloseTo(expected[0][i], within(TOL));
            assertThat(im[i]).as("%s im[%d]", what, i).isCloseTo(expected[1][i], within(TOL));
        }
    }
}
