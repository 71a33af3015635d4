package io.qexec.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FusionPropertyTest {

    private static final List<FusionOptions> OPTIONS = List.of(
            FusionOptions.DEFAULT,
            FusionOptions.NONE,
            new FusionOptions(2, 4, false),
            new FusionOptions(4, 0, true),
            new FusionOptions(0, 16, true),
            new FusionOptions(5, 2, true));

    @Property(tries = 300, seed = "11")
    void fusedProgramsMatchGateByGateProducts(
            @ForAll @IntRange(min = 1, max = 7) int n, @ForAll @IntRange(min = 1, max = 40) int length,
            @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        List<Gate> gates = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            gates.add(Reference.randomGate(n, rnd));
        }
        double[][] expected = Reference.run(gates, psi[0], psi[1]);
        for (FusionOptions o : OPTIONS) {
            for (boolean vector : VectorSupport.AVAILABLE ? new boolean[] {false, true} : new boolean[] {false}) {
                State s = State.of(psi[0], psi[1]);
                List<Kernel> kernels = new Fuser(o, vector).compile(gates, s.layout);
                new Engine(2, 0).run(s, kernels);
                double[][] got = s.logicalAmplitudes();
                KernelPropertyTest.assertClose(got[0], got[1], expected, o + (vector ? " vector" : ""));
            }
        }
    }

    @Property(tries = 100, seed = "12")
    void programsOfCommonGatesFuseCorrectly(@ForAll @IntRange(min = 2, max = 7) int n, @ForAll long seed) {
        // QFT-like and swap-heavy programs: the cases where diagonal tables and renaming kick in
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] psi = Reference.randomState(n, rnd);
        List<Gate> gates = new ArrayList<>();
        for (int q = 0; q < n; q += 1 + rnd.nextInt(2)) {
            gates.add(Gate.of(Matrices.x(), q));
        }
        for (int j = n - 1; j >= 0; j--) {
            gates.add(Gate.of(Matrices.h(), j));
            for (int k = 0; k < j; k++) {
                gates.add(new Gate(new int[] {k}, new int[] {j}, Matrices.phase(Math.PI / (1 << (j - k)))));
            }
        }
        for (int i = 0; i < n / 2; i++) {
            if (rnd.nextBoolean()) {
                gates.add(Gate.of(Matrices.swap(), i, n - 1 - i));
            } else { // a swap spelled as three cx, as 2017 qelib1 circuits write it
                gates.add(new Gate(new int[] {i}, new int[] {n - 1 - i}, Matrices.x()));
                gates.add(new Gate(new int[] {n - 1 - i}, new int[] {i}, Matrices.x()));
                gates.add(new Gate(new int[] {i}, new int[] {n - 1 - i}, Matrices.x()));
            }
        }
        gates.add(Gate.of(Matrices.rzz(rnd.nextDouble()), 0, n - 1));
        gates.add(new Gate(new int[] {n - 1}, new int[] {0}, Matrices.x()));
        double[][] expected = Reference.run(gates, psi[0], psi[1]);
        for (FusionOptions o : OPTIONS) {
            for (boolean vector : VectorSupport.AVAILABLE ? new boolean[] {false, true} : new boolean[] {false}) {
                State s = State.of(psi[0], psi[1]);
                new Engine(1, 0).run(s, new Fuser(o, vector).compile(gates, s.layout));
                double[][] got = s.logicalAmplitudes();
                KernelPropertyTest.assertClose(got[0], got[1], expected, o + (vector ? " vector" : ""));
            }
        }
    }

    @Test
    void threeCxSpellingASwapBecomeOneSwap() {
        Gate ab = new Gate(new int[] {0}, new int[] {2}, Matrices.x());
        Gate ba = new Gate(new int[] {2}, new int[] {0}, Matrices.x());
        Gate h = Gate.of(Matrices.h(), 1);
        List<Gate> out = Fuser.swapsSpelledAsCx(List.of(h, ab, ba, ab, ab, ba));
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isSameAs(h);
        assertThat(KernelSelector.isSwap(out.get(1))).isTrue();
        assertThat(out.get(1).targets()).containsExactly(0, 2);
        assertThat(out.subList(2, 4)).containsExactly(ab, ba);
    }

    @Test
    void fusionShrinksTheQftToAboutTwoPassesPerQubit() {
        int n = 16;
        List<Gate> gates = new ArrayList<>();
        for (int q = 0; q < n; q += 2) {
            gates.add(Gate.of(Matrices.x(), q));
        }
        for (int j = n - 1; j >= 0; j--) {
            gates.add(Gate.of(Matrices.h(), j));
            for (int k = 0; k < j; k++) {
                gates.add(new Gate(new int[] {k}, new int[] {j}, Matrices.phase(Math.PI / (1 << (j - k)))));
            }
        }
        for (int i = 0; i < n / 2; i++) {
            gates.add(Gate.of(Matrices.swap(), i, n - 1 - i));
        }
        int[] layout = State.identity(n);
        List<Kernel> kernels = new Fuser(FusionOptions.DEFAULT).compile(gates, layout);
        assertThat(gates).hasSize(n / 2 + n + n * (n - 1) / 2 + n / 2);
        assertThat(kernels.size()).isLessThanOrEqualTo(3 * n);
        // the x layer takes at most two flip passes (split where the first diagonal table ends), swaps are renamed away
        assertThat(kernels).filteredOn(k -> k instanceof FlipKernel).hasSizeBetween(1, 2);
        assertThat(kernels).noneMatch(k -> k instanceof SwapKernel || k instanceof PermuteXKernel);
        assertThat(layout).isNotEqualTo(State.identity(n));
    }

    @Test
    void oneQubitRunsBecomeOneKernel() {
        List<Gate> gates = List.of(Gate.of(Matrices.h(), 0), Gate.of(Matrices.rz(0.2), 0), Gate.of(Matrices.h(), 0),
                Gate.of(Matrices.x(), 0));
        assertThat(new Fuser(FusionOptions.DEFAULT).compile(gates, State.identity(3))).hasSize(1);
        // H·H is the identity: nothing left to run
        assertThat(new Fuser(FusionOptions.DEFAULT).compile(
                List.of(Gate.of(Matrices.h(), 1), Gate.of(Matrices.h(), 1)), State.identity(3))).isEmpty();
    }
}
