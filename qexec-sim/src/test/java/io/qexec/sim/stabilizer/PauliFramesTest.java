package io.qexec.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.StandardGate;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PauliFramesTest {

    /** Each dedicated frame rule must equal the linear part of the table derived from the gate's unitary. */
    @ParameterizedTest
    @EnumSource(GateKind.class)
    void dedicatedRuleEqualsTheGateUnitary(GateKind kind) {
        CliffordTable table = CliffordTable.of(StandardGate.valueOf(kind.name()).matrix());
        int n = 5;
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            PauliFrames dedicated = new PauliFrames(n, 3);
            PauliFrames generic = new PauliFrames(n, 3);
            long[] mask = new long[3];
            for (int q = 0; q < n; q++) {
                for (int w = 0; w < 3; w++) {
                    mask[w] = rng.nextLong();
                }
                dedicated.xorX(q, mask);
                generic.xorX(q, mask);
                for (int w = 0; w < 3; w++) {
                    mask[w] = rng.nextLong();
                }
                dedicated.xorZ(q, mask);
                generic.xorZ(q, mask);
            }
            int a = rng.nextInt(n);
            int b = (a + 1 + rng.nextInt(n - 1)) % n;
            switch (kind) {
                case X, Y, Z -> {
                }
                case H -> dedicated.h(a);
                case S, SDG -> dedicated.s(a);
                case SX, SXDG -> dedicated.sx(a);
                case CX -> dedicated.cx(a, b);
                case CY -> dedicated.cy(a, b);
                case CZ -> dedicated.cz(a, b);
                case SWAP -> dedicated.swap(a, b);
                case ISWAP -> dedicated.iswap(a, b);
            }
            generic.apply(table, kind.arity() == 1 ? new int[] {a} : new int[] {a, b});
            for (int q = 0; q < n; q++) {
                for (int w = 0; w < 3; w++) {
                    assertThat(dedicated.xWord(q, w)).as("%s x q%d", kind, q).isEqualTo(generic.xWord(q, w));
                    assertThat(dedicated.zWord(q, w)).as("%s z q%d", kind, q).isEqualTo(generic.zWord(q, w));
                }
            }
        }
    }
}
