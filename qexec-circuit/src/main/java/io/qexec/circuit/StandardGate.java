package io.qexec.circuit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in gate library: the union of OpenQASM 3's {@code stdgates.inc} and the Qiskit-extended
 * OpenQASM 2 {@code qelib1.inc}, each with its exact unitary.
 *
 * <p>Matrices are little-endian: the first qubit argument is the least-significant bit of the index, so
 * for {@code cx c, t} the control is bit 0. Every gate but {@link #U}, {@link #CX} and {@link #GPHASE}
 * has a {@linkplain #definition() definition} in terms of other library gates that expands to U and CX.
 */
public enum StandardGate implements Gate {
    ID("id", 1), X("x", 1), Y("y", 1), Z("z", 1), H("h", 1), S("s", 1), SDG("sdg", 1), T("t", 1), TDG("tdg", 1),
    SX("sx", 1), SXDG("sxdg", 1),
    RX("rx", 1, "theta"), RY("ry", 1, "theta"), RZ("rz", 1, "theta"),
    P("p", 1, "lambda"), U1("u1", 1, "lambda"), U2("u2", 1, "phi", "lambda"), U3("u3", 1, "theta", "phi", "lambda"),
    /** The primitive single-qubit gate (OpenQASM {@code U}, {@code u}). */
    U("u", 1, "theta", "phi", "lambda"),
    U0("u0", 1, "gamma"),
    /** A global phase {@code exp(i gamma)} on no qubits. */
    GPHASE("gphase", 0, "gamma"),
    CX("cx", 2), CY("cy", 2), CZ("cz", 2), CH("ch", 2), SWAP("swap", 2), ISWAP("iswap", 2), ECR("ecr", 2),
    CRX("crx", 2, "theta"), CRY("cry", 2, "theta"), CRZ("crz", 2, "theta"),
    CP("cp", 2, "lambda"), CU1("cu1", 2, "lambda"), CU3("cu3", 2, "theta", "phi", "lambda"),
    CU("cu", 2, "theta", "phi", "lambda", "gamma"), CSX("csx", 2),
    RXX("rxx", 2, "theta"), RYY("ryy", 2, "theta"), RZZ("rzz", 2, "theta"), RZX("rzx", 2, "theta"),
    CCX("ccx", 3), CSWAP("cswap", 3), RCCX("rccx", 3),
    C3X("c3x", 4), C3SQRTX("c3sqrtx", 4), RC3X("rc3x", 4), C4X("c4x", 5);

    private static final Map<String, StandardGate> BY_NAME = new HashMap<>();

    static {
        for (StandardGate g : values()) {
            BY_NAME.put(g.qasmName, g);
        }
        BY_NAME.put("CX", CX);
        BY_NAME.put("U", U);
        BY_NAME.put("phase", P);
        BY_NAME.put("cphase", CP);
        BY_NAME.put("cnot", CX);
        BY_NAME.put("toffoli", CCX);
        BY_NAME.put("fredkin", CSWAP);
        BY_NAME.put("i", ID);
    }

    private final String qasmName;
    private final int numQubits;
    private final List<String> parameterNames;

    StandardGate(String qasmName, int numQubits, String... parameterNames) {
        this.qasmName = qasmName;
        this.numQubits = numQubits;
        this.parameterNames = List.of(parameterNames);
    }

    /**
     * The library gate with this name, accepting the usual aliases ({@code CX}, {@code U}, {@code phase},
     * {@code cphase}, {@code cnot}, {@code toffoli}, {@code fredkin}).
     */
    public static Optional<StandardGate> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every name {@link #byName} accepts. */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The OpenQASM name (lower case, e.g. {@code cx}). */
    @Override
    public String qasmName() {
        return qasmName;
    }

    @Override
    public int numQubits() {
        return numQubits;
    }

    @Override
    public int numParams() {
        return parameterNames.size();
    }

    @Override
    public List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public boolean isClifford() {
        return switch (this) {
            case ID, X, Y, Z, H, S, SDG, SX, SXDG, CX, CY, CZ, SWAP, ISWAP, ECR, U0 -> true;
            default -> false;
        };
    }

    /** Whether this gate with these parameter values is a Clifford operation (e.g. rz of a multiple of pi/2). */
    public boolean isCliffordFor(double[] params) {
        if (isClifford()) {
            return true;
        }
        return switch (this) {
            case RX, RY, RZ, P, U1, GPHASE -> quarterTurn(params[0]);
            case U2 -> quarterTurn(params[0]) && quarterTurn(params[1]);
            case U3, U -> quarterTurn(params[0]) && quarterTurn(params[1]) && quarterTurn(params[2]);
            case RXX, RYY, RZZ, RZX, CP, CU1, CRZ, CRX, CRY -> halfTurn(params[0]);
            default -> false;
        };
    }

    private static boolean quarterTurn(double angle) {
        double k = angle / (Math.PI / 2);
        return Math.abs(k - Math.rint(k)) < 1e-12;
    }

    private static boolean halfTurn(double angle) {
        double k = angle / Math.PI;
        return Math.abs(k - Math.rint(k)) < 1e-12;
    }

    /** Whether the matrix is diagonal for every parameter value. */
    public boolean isDiagonal() {
        return switch (this) {
            case ID, Z, S, SDG, T, TDG, RZ, P, U1, U0, GPHASE, CZ, CRZ, CP, CU1, RZZ -> true;
            default -> false;
        };
    }

    /** Whether the matrix is a permutation of basis states (no arithmetic needed to apply it). */
    public boolean isPermutation() {
        return switch (this) {
            case ID, X, CX, SWAP, CCX, CSWAP, C3X, C4X -> true;
            default -> false;
        };
    }

    @Override
    public Matrix matrix(double... params) {
        requireParams(params);
        return StandardMatrices.of(this, params);
    }

    @Override
    public List<Instruction> definition() {
        return StandardDefinitions.of(this);
    }

    @Override
    public String toString() {
        return qasmName;
    }
}
