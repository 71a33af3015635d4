package io.qexec.sim.stabilizer;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.circuit.Condition;
import io.qexec.circuit.StandardGate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random Clifford circuits for property tests. */
final class RandomCircuits {
    private RandomCircuits() {
    }

    /** What may appear besides gates. */
    enum Kind {
        /** Gates, then every qubit measured. */
        TERMINAL,
        /** Also mid-circuit measurements, resets and classically controlled Pauli gates. */
        PAULI_FEEDBACK,
        /** Also classically controlled Clifford gates, measurements and resets. */
        ANY_FEEDBACK
    }

    private static final StandardGate[] ONE = {StandardGate.H, StandardGate.S, StandardGate.SDG, StandardGate.X,
        StandardGate.Y, StandardGate.Z, StandardGate.SX, StandardGate.SXDG, StandardGate.ID};
    private static final StandardGate[] TWO = {StandardGate.CX, StandardGate.CY, StandardGate.CZ, StandardGate.SWAP,
        StandardGate.ISWAP, StandardGate.ECR};
    private static final StandardGate[] PAULIS = {StandardGate.X, StandardGate.Y, StandardGate.Z};

    static Circuit random(long seed, int n, int gates, Kind kind) {
        SplittableRandom rng = new SplittableRandom(seed);
        CircuitBuilder b = Circuit.builder(n, n);
        for (int i = 0; i < gates; i++) {
            int roll = rng.nextInt(20);
            if (kind != Kind.TERMINAL && roll == 0) {
                b.measure(rng.nextInt(n), rng.nextInt(n));
            } else if (kind != Kind.TERMINAL && roll == 1) {
                b.reset(rng.nextInt(n));
            } else if (kind != Kind.TERMINAL && roll == 2) {
                Condition c = randomCondition(rng, n);
                int q = rng.nextInt(n);
                if (kind == Kind.PAULI_FEEDBACK) {
                    StandardGate p = PAULIS[rng.nextInt(PAULIS.length)];
                    StandardGate p2 = PAULIS[rng.nextInt(PAULIS.length)];
                    int q2 = rng.nextInt(n);
                    if (rng.nextBoolean()) {
                        b.ifThen(c, t -> t.gate(p, new double[0], q));
                    } else {
                        b.ifElse(c, t -> t.gate(p, new double[0], q).gate(p2, new double[0], q2),
                                e -> e.gate(p2, new double[0], q));
                    }
                } else {
                    int r = rng.nextInt(3);
                    if (r == 0) {
                        b.ifThen(c, t -> t.h(q));
                    } else if (r == 1) {
                        b.ifElse(c, t -> t.reset(q), e -> e.s(q));
                    } else {
                        int clbit = rng.nextInt(n);
                        b.ifThen(c, t -> t.measure(q, clbit));
                    }
                }
            } else {
                randomGate(rng, n, b);
            }
        }
        b.barrier();
        for (int q = 0; q < n; q++) {
            b.measure(q, q);
        }
        return b.build();
    }

    private static Condition randomCondition(SplittableRandom rng, int n) {
        int width = 1 + rng.nextInt(Math.min(n, 3));
        List<Integer> bits = new ArrayList<>();
        int start = rng.nextInt(n - width + 1);
        for (int i = 0; i < width; i++) {
            bits.add(start + i);
        }
        Condition.Comparison cmp = Condition.Comparison.values()[rng.nextInt(Condition.Comparison.values().length)];
        return new Condition(bits, cmp, rng.nextInt(1 << width + 1));
    }

    static void randomGate(SplittableRandom rng, int n, CircuitBuilder b) {
        int pick = rng.nextInt(12);
        double quarter = Math.PI / 2 * (rng.nextInt(7) - 3);
        if (n >= 2 && pick < 4) {
            int a = rng.nextInt(n);
            int c = (a + 1 + rng.nextInt(n - 1)) % n;
            b.gate(TWO[rng.nextInt(TWO.length)], new double[0], a, c);
        } else if (n >= 2 && pick == 4) {
            int a = rng.nextInt(n);
            int c = (a + 1 + rng.nextInt(n - 1)) % n;
            switch (rng.nextInt(4)) {
                case 0 -> b.cp(Math.PI, a, c);
                case 1 -> b.rzz(Math.PI * (rng.nextInt(3) - 1), a, c);
                case 2 -> b.crz(Math.PI, a, c);
                default -> b.rxx(Math.PI, a, c);
            }
        } else if (pick == 5) {
            int q = rng.nextInt(n);
            switch (rng.nextInt(5)) {
                case 0 -> b.rz(quarter, q);
                case 1 -> b.rx(quarter, q);
                case 2 -> b.ry(quarter, q);
                case 3 -> b.p(quarter, q);
                default -> b.u(Math.PI / 2 * rng.nextInt(4), Math.PI / 2 * rng.nextInt(4), Math.PI / 2 * rng.nextInt(4), q);
            }
        } else {
            b.gate(ONE[rng.nextInt(ONE.length)], new double[0], rng.nextInt(n));
        }
    }
}
