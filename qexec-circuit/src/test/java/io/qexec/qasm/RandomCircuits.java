package io.qexec.qasm;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.Condition;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.Gate;
import io.qexec.circuit.GateModifier;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.ModifiedGate;
import io.qexec.circuit.Reset;
import io.qexec.circuit.StandardGate;
import io.qexec.circuit.WhileLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Test helper: random circuits for round-trip properties, reproducible from a seed. */
final class RandomCircuits {
    private final Random random;
    private final boolean v3;
    private final boolean unitaryOnly;
    private int numQubits;
    private final List<ClassicalRegister> cregs = new ArrayList<>();
    private final List<int[]> cregBits = new ArrayList<>();

    private RandomCircuits(long seed, boolean v3, boolean unitaryOnly) {
        this.random = new Random(seed);
        this.v3 = v3;
        this.unitaryOnly = unitaryOnly;
    }

    /** A random circuit that the given OpenQASM version can express. */
    static Circuit circuit(long seed, boolean v3, boolean unitaryOnly) {
        return new RandomCircuits(seed, v3, unitaryOnly).build();
    }

    private Circuit build() {
        CircuitBuilder b = Circuit.builder();
        int qregs = 1 + random.nextInt(3);
        for (int r = 0; r < qregs && numQubits < 5; r++) {
            int size = 1 + random.nextInt(Math.min(3, 5 - numQubits));
            b.quantumRegister("q" + r, size);
            numQubits += size;
        }
        int cregCount = unitaryOnly ? 0 : random.nextInt(3);
        int clbits = 0;
        for (int r = 0; r < cregCount; r++) {
            int size = 1 + random.nextInt(3);
            b.classicalRegister("c" + r, size);
            cregs.add(new ClassicalRegister("c" + r, size));
            int[] bits = new int[size];
            for (int i = 0; i < size; i++) {
                bits[i] = clbits + i;
            }
            cregBits.add(bits);
            clbits += size;
        }
        DefinedGate userGate = userGate();
        int n = random.nextInt(25);
        for (int i = 0; i < n; i++) {
            b.append(instruction(userGate, 0));
        }
        return b.build();
    }

    /** A user gate on two qubits with one parameter (needs two qubits in the circuit to be used). */
    private DefinedGate userGate() {
        Expr a = Expr.symbol("a");
        List<Instruction> body = List.of(
                new GateOp(StandardGate.RZ, List.of(a.dividedBy(2)), List.of(0)),
                new GateOp(StandardGate.CX, List.of(), List.of(0, 1)),
                new GateOp(StandardGate.RY, List.of(a.negate()), List.of(1)));
        return DefinedGate.of("mix", List.of("a"), 2, body);
    }

    private Instruction instruction(DefinedGate userGate, int depth) {
        int kind = random.nextInt(20);
        if (unitaryOnly) {
            kind = kind < 18 ? 0 : 3;
        }
        boolean hasBits = !cregs.isEmpty();
        if (kind >= 16 && hasBits && depth == 0) {
            return control();
        }
        if (kind == 15 && hasBits) {
            int[] bits = cregBits.get(random.nextInt(cregBits.size()));
            return new Measure(random.nextInt(numQubits), bits[random.nextInt(bits.length)]);
        }
        if (kind == 14 && !unitaryOnly) {
            return new Reset(random.nextInt(numQubits));
        }
        if (kind == 3 || kind == 13) {
            List<Integer> qs = distinctQubits(1 + random.nextInt(numQubits));
            return new Barrier(qs);
        }
        if (kind == 12 && numQubits >= 2) {
            return new GateOp(userGate, List.of(angle()), distinctQubits(2));
        }
        if (kind == 11 && v3) {
            Gate g = ModifiedGate.of(libraryGate(numQubits - 1), modifier());
            if (g.numQubits() <= numQubits) {
                return op(g);
            }
        }
        return op(libraryGate(numQubits));
    }

    private GateModifier modifier() {
        return switch (random.nextInt(4)) {
            case 0 -> new GateModifier.Control(1, false);
            case 1 -> new GateModifier.Control(1, true);
            case 2 -> new GateModifier.Inverse();
            default -> new GateModifier.Power(2 + random.nextInt(2));
        };
    }

    private Instruction control() {
        int r = random.nextInt(cregs.size());
        int[] bits = cregBits.get(r);
        if (!v3) {
            long value = random.nextInt(1 << bits.length);
            return IfElse.guard(Condition.equal(toList(bits), value), op(libraryGate(numQubits)));
        }
        Condition condition;
        if (random.nextBoolean()) {
            Condition.Comparison[] all = Condition.Comparison.values();
            condition = new Condition(toList(bits), all[random.nextInt(all.length)], random.nextInt(1 << bits.length));
        } else {
            condition = Condition.bit(bits[random.nextInt(bits.length)], random.nextBoolean());
        }
        List<Instruction> body = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            body.add(op(libraryGate(numQubits)));
        }
        if (random.nextInt(4) == 0) {
            return new WhileLoop(condition, body);
        }
        List<Instruction> otherwise = random.nextBoolean() ? List.of() : List.of(op(libraryGate(numQubits)));
        return new IfElse(condition, body, otherwise);
    }

    private StandardGate libraryGate(int maxQubits) {
        for (;;) {
            StandardGate g = StandardGate.values()[random.nextInt(StandardGate.values().length)];
            if (g.numQubits() <= maxQubits && g.numQubits() >= 1) {
                return g;
            }
            if (g == StandardGate.GPHASE && v3 && random.nextBoolean()) {
                return g;
            }
        }
    }

    private GateOp op(Gate g) {
        List<Expr> params = new ArrayList<>();
        for (int i = 0; i < g.numParams(); i++) {
            params.add(angle());
        }
        return new GateOp(g, params, distinctQubits(g.numQubits()));
    }

    private Expr angle() {
        return switch (random.nextInt(4)) {
            case 0 -> Expr.constant(Math.PI * (random.nextInt(17) - 8) / (1 + random.nextInt(8)));
            case 1 -> Expr.constant(random.nextInt(7) - 3);
            default -> Expr.constant((random.nextDouble() * 2 - 1) * 10);
        };
    }

    private List<Integer> distinctQubits(int count) {
        List<Integer> all = new ArrayList<>();
        for (int q = 0; q < numQubits; q++) {
            all.add(q);
        }
        Collections.shuffle(all, random);
        return new ArrayList<>(all.subList(0, count));
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int x : a) {
            l.add(x);
        }
        return l;
    }
}
