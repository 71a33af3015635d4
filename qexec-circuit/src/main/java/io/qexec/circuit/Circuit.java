package io.qexec.circuit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An immutable quantum circuit: named quantum and classical registers, a list of instructions over their
 * flat indices, a name and string metadata.
 *
 * <p>Qubits are numbered across the quantum registers in declaration order (so with {@code qreg a[2];
 * qreg b[3];}, {@code b[0]} is qubit 2); classical bits likewise. Build one with {@link #builder(int, int)}
 * or read one from OpenQASM.
 *
 * <pre>{@code
 * Circuit bell = Circuit.builder(2).h(0).cx(0, 1).measureAll().build();
 * }</pre>
 *
 * @param name the circuit's name (may be empty)
 * @param quantumRegisters the quantum registers, in declaration order
 * @param classicalRegisters the classical registers, in declaration order
 * @param instructions the instructions, in program order
 * @param metadata free-form string metadata
 */
public record Circuit(String name, List<QuantumRegister> quantumRegisters, List<ClassicalRegister> classicalRegisters,
                      List<Instruction> instructions, Map<String, String> metadata) {

    public Circuit {
        name = name == null ? "" : name;
        quantumRegisters = List.copyOf(quantumRegisters);
        classicalRegisters = List.copyOf(classicalRegisters);
        instructions = List.copyOf(instructions);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Set<String> names = new java.util.HashSet<>();
        for (QuantumRegister r : quantumRegisters) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("register name '" + r.name() + "' is declared twice");
            }
        }
        for (ClassicalRegister r : classicalRegisters) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("register name '" + r.name() + "' is declared twice");
            }
        }
        int nq = quantumRegisters.stream().mapToInt(QuantumRegister::size).sum();
        int nc = classicalRegisters.stream().mapToInt(ClassicalRegister::size).sum();
        checkIndices(instructions, nq, nc);
    }

    private static void checkIndices(List<Instruction> instructions, int nq, int nc) {
        for (Instruction i : instructions) {
            for (int q : i.qubits()) {
                if (q < 0 || q >= nq) {
                    throw new IllegalArgumentException("qubit " + q + " is out of range: the circuit has " + nq + " qubit"
                            + (nq == 1 ? "" : "s"));
                }
            }
            for (int c : i.clbits()) {
                if (c < 0 || c >= nc) {
                    throw new IllegalArgumentException("classical bit " + c + " is out of range: the circuit has " + nc
                            + " classical bit" + (nc == 1 ? "" : "s"));
                }
            }
        }
    }

    /** A builder for a circuit with one quantum register {@code q} of {@code qubits} qubits. */
    public static CircuitBuilder builder(int qubits) {
        return new CircuitBuilder().quantumRegister("q", qubits);
    }

    /** A builder with registers {@code q[qubits]} and {@code c[clbits]}. */
    public static CircuitBuilder builder(int qubits, int clbits) {
        return builder(qubits).classicalRegister("c", clbits);
    }

    /** A builder with no registers yet. */
    public static CircuitBuilder builder() {
        return new CircuitBuilder();
    }

    /** The number of qubits. */
    public int numQubits() {
        return quantumRegisters.stream().mapToInt(QuantumRegister::size).sum();
    }

    /** The number of classical bits. */
    public int numClbits() {
        return classicalRegisters.stream().mapToInt(ClassicalRegister::size).sum();
    }

    /** The flat index of qubit {@code index} of the named register. */
    public int qubit(String register, int index) {
        int offset = 0;
        for (QuantumRegister r : quantumRegisters) {
            if (r.name().equals(register)) {
                return offset + Objects.checkIndex(index, r.size());
            }
            offset += r.size();
        }
        throw new IllegalArgumentException("no quantum register named '" + register + "'");
    }

    /** The flat index of bit {@code index} of the named classical register. */
    public int clbit(String register, int index) {
        int offset = 0;
        for (ClassicalRegister r : classicalRegisters) {
            if (r.name().equals(register)) {
                return offset + Objects.checkIndex(index, r.size());
            }
            offset += r.size();
        }
        throw new IllegalArgumentException("no classical register named '" + register + "'");
    }

    /** This circuit under another name. */
    public Circuit withName(String newName) {
        return new Circuit(newName, quantumRegisters, classicalRegisters, instructions, metadata);
    }

    /** This circuit with one more metadata entry. */
    public Circuit withMetadata(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new Circuit(name, quantumRegisters, classicalRegisters, instructions, m);
    }

    /** This circuit with other instructions, keeping registers, name and metadata. */
    public Circuit withInstructions(List<Instruction> newInstructions) {
        return new Circuit(name, quantumRegisters, classicalRegisters, newInstructions, metadata);
    }

    // ---------------------------------------------------------------- parameters

    /** The names of the symbolic parameters, in order of first appearance. */
    public Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        for (Instruction i : instructions) {
            i.collectParameters(names);
        }
        return Collections.unmodifiableSet(names);
    }

    /** Whether the circuit holds no symbolic parameter. */
    public boolean isBound() {
        return parameters().isEmpty();
    }

    /**
     * Binds parameters to values. Parameters not in the map stay symbolic.
     *
     * @throws IllegalArgumentException if the map names a parameter the circuit does not have
     */
    public Circuit bind(Map<String, ? extends Number> values) {
        Set<String> known = parameters();
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("the circuit has no parameter '" + key + "'"
                        + (known.isEmpty() ? "" : " (its parameters: " + String.join(", ", known) + ")"));
            }
        }
        Map<String, Expr> replacements = new HashMap<>();
        values.forEach((k, v) -> replacements.put(k, Expr.constant(v.doubleValue())));
        return withInstructions(IfElse.Blocks.substitute(instructions, replacements));
    }

    /**
     * Checks that every parameter is bound.
     *
     * @throws UnboundParameterException naming the unbound parameters
     */
    public Circuit requireBound() {
        Set<String> p = parameters();
        if (!p.isEmpty()) {
            throw new UnboundParameterException(p);
        }
        return this;
    }

    // ---------------------------------------------------------------- facts

    /** Operation counts by name (gates, {@code measure}, {@code reset}, {@code barrier}, {@code if_else}, {@code while_loop}), including those inside control flow. */
    public Map<String, Integer> gateCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        count(instructions, counts);
        return Collections.unmodifiableMap(counts);
    }

    private static void count(List<Instruction> block, Map<String, Integer> counts) {
        for (Instruction i : block) {
            String key = switch (i) {
                case GateOp op -> op.gate().qasmName();
                case Measure m -> "measure";
                case Reset r -> "reset";
                case Barrier b -> "barrier";
                case IfElse f -> "if_else";
                case WhileLoop w -> "while_loop";
            };
            counts.merge(key, 1, Integer::sum);
            if (i instanceof IfElse f) {
                count(f.thenBody(), counts);
                count(f.elseBody(), counts);
            } else if (i instanceof WhileLoop w) {
                count(w.body(), counts);
            }
        }
    }

    /** The number of gate operations (not measurements, resets or barriers), including those inside control flow. */
    public int gateCount() {
        return countGates(instructions);
    }

    private static int countGates(List<Instruction> block) {
        int n = 0;
        for (Instruction i : block) {
            switch (i) {
                case GateOp op -> n++;
                case IfElse f -> n += countGates(f.thenBody()) + countGates(f.elseBody());
                case WhileLoop w -> n += countGates(w.body());
                default -> {
                }
            }
        }
        return n;
    }

    /**
     * The depth: the length of the longest path of operations through qubits and classical bits.
     * Barriers do not count; a control-flow block counts as one operation on everything it touches.
     */
    public int depth() {
        int[] qubitLevel = new int[numQubits()];
        int[] clbitLevel = new int[numClbits()];
        int depth = 0;
        for (Instruction i : instructions) {
            if (i instanceof Barrier) {
                continue;
            }
            int level = 0;
            for (int q : i.qubits()) {
                level = Math.max(level, qubitLevel[q]);
            }
            for (int c : i.clbits()) {
                level = Math.max(level, clbitLevel[c]);
            }
            level++;
            for (int q : i.qubits()) {
                qubitLevel[q] = level;
            }
            for (int c : i.clbits()) {
                clbitLevel[c] = level;
            }
            depth = Math.max(depth, level);
        }
        return depth;
    }

    /** Whether every gate is a Clifford gate (so a stabilizer simulator can run the circuit). */
    public boolean isClifford() {
        return allGates(instructions, GateOp::isClifford);
    }

    private static boolean allGates(List<Instruction> block, Predicate<GateOp> test) {
        for (Instruction i : block) {
            boolean ok = switch (i) {
                case GateOp op -> test.test(op);
                case IfElse f -> allGates(f.thenBody(), test) && allGates(f.elseBody(), test);
                case WhileLoop w -> allGates(w.body(), test);
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the circuit is dynamic: it holds classical control flow, a reset of a qubit already acted
     * on, or an operation on a qubit after it was measured. A circuit that is not dynamic can be simulated
     * once and sampled for every shot.
     */
    public boolean isDynamic() {
        boolean[] touched = new boolean[numQubits()];
        boolean[] measured = new boolean[numQubits()];
        for (Instruction i : instructions) {
            switch (i) {
                case IfElse f -> {
                    return true;
                }
                case WhileLoop w -> {
                    return true;
                }
                case Barrier b -> {
                }
                case Reset r -> {
                    if (touched[r.qubit()]) {
                        return true;
                    }
                }
                case Measure m -> {
                    touched[m.qubit()] = true;
                    measured[m.qubit()] = true;
                }
                case GateOp op -> {
                    for (int q : op.qubits()) {
                        if (measured[q]) {
                            return true;
                        }
                        touched[q] = true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether every measurement is terminal: nothing but barriers and measurements follow it on its qubit, and there is no control flow or mid-circuit reset. */
    public boolean hasOnlyTerminalMeasurements() {
        return !isDynamic();
    }

    /** Whether the circuit measures anything. */
    public boolean hasMeasurements() {
        return gateCounts().containsKey("measure");
    }

    // ---------------------------------------------------------------- transformation

    /**
     * Replaces every user-defined gate (and modifiers of one) by its definition, recursively, so that only
     * library gates (possibly modified) remain. Opaque gates stay.
     */
    public Circuit expand() {
        return decompose(op -> op.gate() instanceof StandardGate || op.gate().definition().isEmpty()
                || op.gate() instanceof ModifiedGate m && innermost(m) instanceof StandardGate);
    }

    private static Gate innermost(ModifiedGate m) {
        Gate g = m;
        while (g instanceof ModifiedGate mg) {
            g = mg.base();
        }
        return g;
    }

    /**
     * Replaces gate operations by their definitions, recursively, until {@code keep} accepts them or they
     * have no definition. {@code decompose(op -> op.gate() == U || op.gate() == CX)} lowers a circuit to U and CX.
     */
    public Circuit decompose(Predicate<GateOp> keep) {
        return withInstructions(decomposeBlock(instructions, keep));
    }

    private static List<Instruction> decomposeBlock(List<Instruction> block, Predicate<GateOp> keep) {
        List<Instruction> out = new ArrayList<>(block.size());
        for (Instruction i : block) {
            switch (i) {
                case GateOp op -> expandInto(op, keep, out);
                case IfElse f -> out.add(new IfElse(f.condition(), decomposeBlock(f.thenBody(), keep),
                        decomposeBlock(f.elseBody(), keep)));
                case WhileLoop w -> out.add(new WhileLoop(w.condition(), decomposeBlock(w.body(), keep)));
                default -> out.add(i);
            }
        }
        return out;
    }

    private static void expandInto(GateOp op, Predicate<GateOp> keep, List<Instruction> out) {
        List<Instruction> body = keep.test(op) ? List.of() : op.gate().definition();
        if (body.isEmpty()) {
            out.add(op);
            return;
        }
        Map<String, Expr> actual = new HashMap<>();
        List<String> formal = op.gate().parameterNames();
        for (int k = 0; k < formal.size(); k++) {
            actual.put(formal.get(k), op.params().get(k));
        }
        int[] qubitMap = new int[op.qubits().size()];
        for (int k = 0; k < qubitMap.length; k++) {
            qubitMap[k] = op.qubits().get(k);
        }
        for (Instruction inner : body) {
            Instruction placed = inner.substitute(actual).remap(qubitMap, new int[0]);
            if (placed instanceof GateOp g) {
                expandInto(g, keep, out);
            } else {
                out.add(placed);
            }
        }
    }

    @Override
    public String toString() {
        return "Circuit[" + (name.isEmpty() ? "" : name + ", ") + numQubits() + " qubits, " + numClbits() + " clbits, "
                + instructions.size() + " instructions]";
    }
}
