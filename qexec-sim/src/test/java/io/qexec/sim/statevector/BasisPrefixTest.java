package io.qexec.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BasisPrefixTest {

    /** Gates that keep basis states (x, cx, ccx, swap, y, diagonals) mixed with gates that do not. */
    private static Gate gate(int n, SplittableRandom rnd) {
        int[] q = Reference.distinct(Math.min(n, 3), n, rnd);
        ComplexMatrix y = Matrices.of(new double[] {0, 0, 0, 0}, new double[] {0, -1, 1, 0});
        return switch (rnd.nextInt(9)) {
            case 0 -> Gate.of(Matrices.x(), q[0]);
            case 1 -> n > 1 ? new Gate(new int[] {q[0]}, new int[] {q[1]}, Matrices.x()) : Gate.of(y, q[0]);
            case 2 -> n > 2 ? new Gate(new int[] {q[0], q[1]}, new int[] {q[2]}, Matrices.x()) : Gate.of(Matrices.x(), q[0]);
            case 3 -> n > 1 ? Gate.of(Matrices.swap(), q[0], q[1]) : Gate.of(Matrices.x(), q[0]);
            case 4 -> Gate.of(y, q[0]);
            case 5 -> n > 1 ? new Gate(new int[] {q[0]}, new int[] {q[1]}, Matrices.phase(rnd.nextDouble() * 6))
                    : Gate.of(Matrices.rz(rnd.nextDouble()), q[0]);
            case 6 -> Gate.of(Reference.randomDiagonal(1, rnd), q[0]);
            case 7 -> n > 1 ? new Gate(new int[] {q[0]}, new int[] {q[1]}, Matrices.h()) : Gate.of(Matrices.h(), q[0]);
            default -> rnd.nextInt(4) == 0 ? Gate.of(Matrices.h(), q[0]) : Gate.of(Matrices.x(), q[0]);
        };
    }

    @Property(tries = 400, seed = "21")
    void foldingThePrefixGivesTheSameStateAsApplyingEveryGate(
            @ForAll @IntRange(min = 1, max = 6) int n, @ForAll @IntRange(min = 0, max = 30) int length,
            @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Gate> gates = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            gates.add(gate(n, rnd));
        }
        double[] re = new double[1 << n];
        double[] im = new double[1 << n];
        re[0] = 1;
        double[][] expected = Reference.run(gates, re, im);

        BasisPrefix prefix = BasisPrefix.fold(gates);
        State s = State.zero(n);
        prefix.prepare(s);
        new Engine(1, 0).run(s, new Fuser(FusionOptions.DEFAULT).compile(prefix.rest(), s.layout));
        double[][] got = s.logicalAmplitudes();
        KernelPropertyTest.assertClose(got[0], got[1], expected, "folded prefix");
        assertThat(prefix.rest().size()).isLessThanOrEqualTo(gates.size());
    }

    @Test
    void permutationsAndPhasesOnABasisStateLeaveNoGate() {
        ComplexMatrix s = Matrices.phase(Math.PI / 2);
        List<Gate> gates = List.of(
                Gate.of(Matrices.x(), 0),                                         // |001>
                new Gate(new int[] {0}, new int[] {2}, Matrices.x()),              // |101>
                Gate.of(Matrices.swap(), 0, 1),                                   // |110>
                Gate.of(s, 2),                                                    // phase i
                new Gate(new int[] {0}, new int[] {1}, Matrices.h()));            // control 0: nothing
        BasisPrefix p = BasisPrefix.fold(gates);
        assertThat(p.rest()).isEmpty();
        assertThat(p.index()).isEqualTo(0b110);
        assertThat(p.phaseRe()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(p.phaseIm()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void aMixingGateEndsFoldingOnItsTargetsOnly() {
        List<Gate> gates = List.of(
                Gate.of(Matrices.h(), 0),
                Gate.of(Matrices.x(), 1),                                          // still folded
                new Gate(new int[] {0}, new int[] {2}, Matrices.x()),             // control unknown: kept
                Gate.of(Matrices.x(), 0));                                        // qubit 0 unknown: kept
        BasisPrefix p = BasisPrefix.fold(gates);
        assertThat(p.index()).isEqualTo(0b010);
        assertThat(p.rest()).containsExactly(gates.get(0), gates.get(2), gates.get(3));
    }
}
