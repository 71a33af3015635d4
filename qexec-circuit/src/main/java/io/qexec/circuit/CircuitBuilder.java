package io.qexec.circuit;

import static io.qexec.circuit.StandardGate.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fluent builder of {@link Circuit}s. Qubit and classical bit arguments are flat indices. Angles are
 * numbers or {@link Expr}essions (for symbolic parameters, e.g. {@code rz(Expr.symbol("theta"), 0)}).
 *
 * <pre>{@code
 * Circuit ghz = Circuit.builder(3).h(0).cx(0, 1).cx(1, 2).measureAll().build();
 * }</pre>
 */
public final class CircuitBuilder {
    private String name = "";
    private final List<QuantumRegister> quantumRegisters;
    private final List<ClassicalRegister> classicalRegisters;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<Instruction> instructions = new ArrayList<>();

    CircuitBuilder() {
        this(new ArrayList<>(), new ArrayList<>());
    }

    private CircuitBuilder(List<QuantumRegister> qregs, List<ClassicalRegister> cregs) {
        this.quantumRegisters = qregs;
        this.classicalRegisters = cregs;
    }

    /** Sets the circuit's name. */
    public CircuitBuilder name(String circuitName) {
        this.name = circuitName;
        return this;
    }

    /** Adds a metadata entry. */
    public CircuitBuilder metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Declares a quantum register; its qubits follow those already declared. */
    public CircuitBuilder quantumRegister(String registerName, int size) {
        quantumRegisters.add(new QuantumRegister(registerName, size));
        return this;
    }

    /** Declares a classical register; its bits follow those already declared. */
    public CircuitBuilder classicalRegister(String registerName, int size) {
        classicalRegisters.add(new ClassicalRegister(registerName, size));
        return this;
    }

    /** The number of qubits declared so far. */
    public int numQubits() {
        return quantumRegisters.stream().mapToInt(QuantumRegister::size).sum();
    }

    /** The number of classical bits declared so far. */
    public int numClbits() {
        return classicalRegisters.stream().mapToInt(ClassicalRegister::size).sum();
    }

    /** Appends any instruction. */
    public CircuitBuilder append(Instruction instruction) {
        int nq = numQubits();
        for (int q : instruction.qubits()) {
            if (q < 0 || q >= nq) {
                throw new IllegalArgumentException("qubit " + q + " is out of range: the circuit has " + nq + " qubit"
                        + (nq == 1 ? "" : "s"));
            }
        }
        int nc = numClbits();
        for (int c : instruction.clbits()) {
            if (c < 0 || c >= nc) {
                throw new IllegalArgumentException("classical bit " + c + " is out of range: the circuit has " + nc
                        + " classical bit" + (nc == 1 ? "" : "s"));
            }
        }
        instructions.add(instruction);
        return this;
    }

    /** Appends a gate with constant parameters. */
    public CircuitBuilder gate(Gate gate, double[] params, int... qubits) {
        return append(GateOp.of(gate, params, qubits));
    }

    /** Appends a gate with parameter expressions. */
    public CircuitBuilder gate(Gate gate, List<Expr> params, int... qubits) {
        List<Integer> qs = new ArrayList<>(qubits.length);
        for (int q : qubits) {
            qs.add(q);
        }
        return append(new GateOp(gate, params, qs));
    }

    private CircuitBuilder fixed(StandardGate gate, int... qubits) {
        return gate(gate, new double[0], qubits);
    }

    private CircuitBuilder rotation(StandardGate gate, Expr angle, int... qubits) {
        return gate(gate, List.of(angle), qubits);
    }

    public CircuitBuilder id(int q) { return fixed(ID, q); }
    public CircuitBuilder x(int q) { return fixed(X, q); }
    public CircuitBuilder y(int q) { return fixed(Y, q); }
    public CircuitBuilder z(int q) { return fixed(Z, q); }
    public CircuitBuilder h(int q) { return fixed(H, q); }
    public CircuitBuilder s(int q) { return fixed(S, q); }
    public CircuitBuilder sdg(int q) { return fixed(SDG, q); }
    public CircuitBuilder t(int q) { return fixed(T, q); }
    public CircuitBuilder tdg(int q) { return fixed(TDG, q); }
    public CircuitBuilder sx(int q) { return fixed(SX, q); }
    public CircuitBuilder sxdg(int q) { return fixed(SXDG, q); }
    public CircuitBuilder rx(double theta, int q) { return rx(Expr.constant(theta), q); }
    public CircuitBuilder rx(Expr theta, int q) { return rotation(RX, theta, q); }
    public CircuitBuilder ry(double theta, int q) { return ry(Expr.constant(theta), q); }
    public CircuitBuilder ry(Expr theta, int q) { return rotation(RY, theta, q); }
    public CircuitBuilder rz(double theta, int q) { return rz(Expr.constant(theta), q); }
    public CircuitBuilder rz(Expr theta, int q) { return rotation(RZ, theta, q); }
    public CircuitBuilder p(double lambda, int q) { return p(Expr.constant(lambda), q); }
    public CircuitBuilder p(Expr lambda, int q) { return rotation(P, lambda, q); }
    public CircuitBuilder u(double theta, double phi, double lambda, int q) { return gate(U, new double[] {theta, phi, lambda}, q); }
    public CircuitBuilder cx(int control, int target) { return fixed(CX, control, target); }
    public CircuitBuilder cy(int control, int target) { return fixed(CY, control, target); }
    public CircuitBuilder cz(int control, int target) { return fixed(CZ, control, target); }
    public CircuitBuilder ch(int control, int target) { return fixed(CH, control, target); }
    public CircuitBuilder csx(int control, int target) { return fixed(CSX, control, target); }
    public CircuitBuilder swap(int a, int b) { return fixed(SWAP, a, b); }
    public CircuitBuilder iswap(int a, int b) { return fixed(ISWAP, a, b); }
    public CircuitBuilder ecr(int a, int b) { return fixed(ECR, a, b); }
    public CircuitBuilder crx(double theta, int control, int target) { return rotation(CRX, Expr.constant(theta), control, target); }
    public CircuitBuilder cry(double theta, int control, int target) { return rotation(CRY, Expr.constant(theta), control, target); }
    public CircuitBuilder crz(double theta, int control, int target) { return rotation(CRZ, Expr.constant(theta), control, target); }
    public CircuitBuilder cp(double lambda, int control, int target) { return cp(Expr.constant(lambda), control, target); }
    public CircuitBuilder cp(Expr lambda, int control, int target) { return rotation(CP, lambda, control, target); }
    public CircuitBuilder rxx(double theta, int a, int b) { return rotation(RXX, Expr.constant(theta), a, b); }
    public CircuitBuilder ryy(double theta, int a, int b) { return rotation(RYY, Expr.constant(theta), a, b); }
    public CircuitBuilder rzz(double theta, int a, int b) { return rotation(RZZ, Expr.constant(theta), a, b); }
    public CircuitBuilder rzx(double theta, int a, int b) { return rotation(RZX, Expr.constant(theta), a, b); }
    public CircuitBuilder ccx(int c1, int c2, int target) { return fixed(CCX, c1, c2, target); }
    public CircuitBuilder cswap(int control, int a, int b) { return fixed(CSWAP, control, a, b); }

    /** Measures qubit {@code qubit} into classical bit {@code clbit}. */
    public CircuitBuilder measure(int qubit, int clbit) {
        return append(new Measure(qubit, clbit));
    }

    /**
     * Measures every qubit {@code i} into classical bit {@code i}, first declaring a classical register
     * {@code c} (or {@code meas} if {@code c} is taken) when the circuit has no classical bits.
     *
     * @throws IllegalStateException if there are some classical bits but fewer than qubits
     */
    public CircuitBuilder measureAll() {
        int nq = numQubits();
        if (numClbits() == 0) {
            boolean taken = quantumRegisters.stream().anyMatch(r -> r.name().equals("c"));
            classicalRegister(taken ? "meas" : "c", nq);
        } else if (numClbits() < nq) {
            throw new IllegalStateException("measureAll needs " + nq + " classical bits, the circuit has " + numClbits());
        }
        for (int q = 0; q < nq; q++) {
            measure(q, q);
        }
        return this;
    }

    /** Resets a qubit to |0>. */
    public CircuitBuilder reset(int qubit) {
        return append(new Reset(qubit));
    }

    /** A barrier across the given qubits, or all qubits when none are given. */
    public CircuitBuilder barrier(int... qubits) {
        List<Integer> qs = new ArrayList<>();
        if (qubits.length == 0) {
            for (int q = 0; q < numQubits(); q++) {
                qs.add(q);
            }
        } else {
            for (int q : qubits) {
                qs.add(q);
            }
        }
        return append(new Barrier(qs));
    }

    /** Runs {@code then} when the condition holds. */
    public CircuitBuilder ifThen(Condition condition, Consumer<CircuitBuilder> then) {
        return ifElse(condition, then, b -> { });
    }

    /** Runs {@code then} when the condition holds, {@code otherwise} when it does not. */
    public CircuitBuilder ifElse(Condition condition, Consumer<CircuitBuilder> then, Consumer<CircuitBuilder> otherwise) {
        return append(new IfElse(condition, block(then), block(otherwise)));
    }

    /** Repeats {@code body} while the condition holds. */
    public CircuitBuilder whileLoop(Condition condition, Consumer<CircuitBuilder> body) {
        return append(new WhileLoop(condition, block(body)));
    }

    private List<Instruction> block(Consumer<CircuitBuilder> content) {
        CircuitBuilder inner = new CircuitBuilder(quantumRegisters, classicalRegisters);
        content.accept(inner);
        return inner.instructions;
    }

    /** Builds the immutable circuit. */
    public Circuit build() {
        return new Circuit(name, quantumRegisters, classicalRegisters, instructions, metadata);
    }
}
