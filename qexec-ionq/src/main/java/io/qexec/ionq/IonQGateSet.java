package io.qexec.ionq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qexec.circuit.Barrier;
import io.qexec.circuit.Circuit;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IonQ's {@code qis} gate set in its JSON circuit format, both ways: our circuits to IonQ gate objects (gates
 * IonQ lacks are decomposed through their definitions first; rotations are in radians, as the QIS contract
 * says) and IonQ gate objects back to circuits (for the emulator).
 */
final class IonQGateSet {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The QIS gate names of the v0.4 schema. */
    static final Set<String> QIS_GATES = Set.of("x", "y", "z", "rx", "ry", "rz", "h", "s", "si", "v", "vi", "t", "ti",
            "not", "cnot", "swap", "xx", "yy", "zz", "pauliexp");

    private static final Set<StandardGate> DIRECT = EnumSet.of(StandardGate.ID, StandardGate.X, StandardGate.Y,
            StandardGate.Z, StandardGate.H, StandardGate.S, StandardGate.SDG, StandardGate.T, StandardGate.TDG,
            StandardGate.SX, StandardGate.SXDG, StandardGate.RX, StandardGate.RY, StandardGate.RZ, StandardGate.P,
            StandardGate.U1, StandardGate.U, StandardGate.GPHASE, StandardGate.CX, StandardGate.CY, StandardGate.CZ,
            StandardGate.CH, StandardGate.CSX, StandardGate.CRX, StandardGate.CRY, StandardGate.CRZ, StandardGate.SWAP,
            StandardGate.CSWAP, StandardGate.RXX, StandardGate.RYY, StandardGate.RZZ, StandardGate.CCX, StandardGate.C3X,
            StandardGate.C4X);

    private IonQGateSet() {
    }

    /**
     * A circuit translated for IonQ.
     *
     * @param gates the IonQ gate objects
     * @param qubits the number of qubits
     * @param clbitOfQubit for each qubit, the classical bit its final measurement writes, or -1
     * @param measured whether the circuit measures anything (if not, results cover every qubit)
     */
    record Translation(ArrayNode gates, int qubits, int[] clbitOfQubit, boolean measured) {
    }

    /**
     * Translates a circuit.
     *
     * @throws IllegalArgumentException naming what IonQ cannot run: mid-circuit measurement, reset, control
     *     flow, unbound parameters, or a gate without a QIS equivalent or definition
     */
    static Translation translate(Circuit circuit) {
        if (!circuit.isBound()) {
            throw new IllegalArgumentException("IonQ needs bound parameters; unbound: " + String.join(", ", circuit.parameters()));
        }
        Circuit lowered = circuit.decompose(op -> op.gate() instanceof StandardGate g && DIRECT.contains(g));
        int n = circuit.numQubits();
        int[] clbitOf = new int[n];
        java.util.Arrays.fill(clbitOf, -1);
        boolean[] measuredQubit = new boolean[n];
        boolean measured = false;
        ArrayNode gates = JSON.arrayNode();
        for (Instruction i : lowered.instructions()) {
            switch (i) {
                case Measure m -> {
                    clbitOf[m.qubit()] = m.clbit();
                    measuredQubit[m.qubit()] = true;
                    measured = true;
                }
                case Barrier b -> {
                }
                case Reset r -> throw new IllegalArgumentException("IonQ cannot run reset (qubit " + r.qubit() + ")");
                case IfElse f -> throw new IllegalArgumentException("IonQ cannot run classically controlled operations");
                case WhileLoop w -> throw new IllegalArgumentException("IonQ cannot run while loops");
                case GateOp op -> {
                    for (int q : op.qubits()) {
                        if (measuredQubit[q]) {
                            throw new IllegalArgumentException("IonQ measures every qubit once at the end; qubit " + q
                                    + " is used after its measurement");
                        }
                    }
                    emit(op, gates);
                }
            }
        }
        return new Translation(gates, n, clbitOf, measured);
    }

    private static void emit(GateOp op, ArrayNode out) {
        if (!(op.gate() instanceof StandardGate g)) {
            throw new IllegalArgumentException("IonQ cannot run gate '" + op.gate().qasmName() + "'");
        }
        double[] p = op.paramValues();
        List<Integer> q = op.qubits();
        switch (g) {
            case ID, GPHASE -> {
            }
            case X -> out.add(one("x", q.get(0)));
            case Y -> out.add(one("y", q.get(0)));
            case Z -> out.add(one("z", q.get(0)));
            case H -> out.add(one("h", q.get(0)));
            case S -> out.add(one("s", q.get(0)));
            case SDG -> out.add(one("si", q.get(0)));
            case T -> out.add(one("t", q.get(0)));
            case TDG -> out.add(one("ti", q.get(0)));
            case SX -> out.add(one("v", q.get(0)));
            case SXDG -> out.add(one("vi", q.get(0)));
            case RX -> out.add(one("rx", q.get(0)).put("rotation", p[0]));
            case RY -> out.add(one("ry", q.get(0)).put("rotation", p[0]));
            case RZ, P, U1 -> out.add(one("rz", q.get(0)).put("rotation", p[0]));
            case U -> {
                // U(theta, phi, lambda) = RZ(phi) RY(theta) RZ(lambda) up to a global phase
                out.add(one("rz", q.get(0)).put("rotation", p[2]));
                out.add(one("ry", q.get(0)).put("rotation", p[0]));
                out.add(one("rz", q.get(0)).put("rotation", p[1]));
            }
            case CX -> out.add(one("cnot", q.get(1)).put("control", q.get(0)));
            case CY -> out.add(one("y", q.get(1)).put("control", q.get(0)));
            case CZ -> out.add(one("z", q.get(1)).put("control", q.get(0)));
            case CH -> out.add(one("h", q.get(1)).put("control", q.get(0)));
            case CSX -> out.add(one("v", q.get(1)).put("control", q.get(0)));
            case CRX -> out.add(one("rx", q.get(1)).put("control", q.get(0)).put("rotation", p[0]));
            case CRY -> out.add(one("ry", q.get(1)).put("control", q.get(0)).put("rotation", p[0]));
            case CRZ -> out.add(one("rz", q.get(1)).put("control", q.get(0)).put("rotation", p[0]));
            case SWAP -> out.add(two("swap", q.get(0), q.get(1)));
            case CSWAP -> out.add(two("swap", q.get(1), q.get(2)).put("control", q.get(0)));
            case RXX -> out.add(two("xx", q.get(0), q.get(1)).put("rotation", p[0]));
            case RYY -> out.add(two("yy", q.get(0), q.get(1)).put("rotation", p[0]));
            case RZZ -> out.add(two("zz", q.get(0), q.get(1)).put("rotation", p[0]));
            case CCX, C3X, C4X -> {
                ObjectNode gate = one("cnot", q.get(q.size() - 1));
                ArrayNode controls = gate.putArray("controls");
                for (int k = 0; k < q.size() - 1; k++) {
                    controls.add(q.get(k));
                }
                out.add(gate);
            }
            default -> throw new IllegalArgumentException("IonQ cannot run gate '" + g.qasmName() + "'");
        }
    }

    private static ObjectNode one(String name, int target) {
        ObjectNode o = JSON.objectNode();
        o.put("gate", name);
        o.put("target", target);
        return o;
    }

    private static ObjectNode two(String name, int a, int b) {
        ObjectNode o = JSON.objectNode();
        o.put("gate", name);
        o.putArray("targets").add(a).add(b);
        return o;
    }

    private static final Map<String, StandardGate> BASE = Map.ofEntries(
            Map.entry("x", StandardGate.X), Map.entry("not", StandardGate.X), Map.entry("cnot", StandardGate.X),
            Map.entry("y", StandardGate.Y), Map.entry("z", StandardGate.Z), Map.entry("h", StandardGate.H),
            Map.entry("s", StandardGate.S), Map.entry("si", StandardGate.SDG), Map.entry("t", StandardGate.T),
            Map.entry("ti", StandardGate.TDG), Map.entry("v", StandardGate.SX), Map.entry("vi", StandardGate.SXDG),
            Map.entry("rx", StandardGate.RX), Map.entry("ry", StandardGate.RY), Map.entry("rz", StandardGate.RZ),
            Map.entry("swap", StandardGate.SWAP), Map.entry("xx", StandardGate.RXX), Map.entry("yy", StandardGate.RYY),
            Map.entry("zz", StandardGate.RZZ));

    /**
     * Reads IonQ QIS gate objects back into a circuit on {@code qubits} qubits, every qubit measured at the end
     * into the classical bit of the same index.
     *
     * @throws IllegalArgumentException with the message IonQ's validation would give
     */
    static Circuit toCircuit(JsonNode gates, int qubits) {
        io.qexec.circuit.CircuitBuilder b = Circuit.builder(qubits, qubits);
        if (gates == null || !gates.isArray()) {
            throw new IllegalArgumentException("input.circuit must be an array of gates");
        }
        int index = 0;
        for (JsonNode g : gates) {
            String where = "input.circuit[" + index++ + "]";
            String name = g.path("gate").asText("");
            StandardGate base = BASE.get(name);
            if (base == null) {
                throw new IllegalArgumentException(where + ".gate: '" + name + "' is not a supported qis gate");
            }
            List<Integer> controls = new ArrayList<>();
            if (g.has("control")) {
                controls.add(qubit(g.get("control"), qubits, where + ".control"));
            }
            if (g.has("controls")) {
                for (JsonNode c : g.get("controls")) {
                    controls.add(qubit(c, qubits, where + ".controls"));
                }
            }
            List<Integer> targets = new ArrayList<>();
            if (g.has("target")) {
                targets.add(qubit(g.get("target"), qubits, where + ".target"));
            }
            if (g.has("targets")) {
                for (JsonNode t : g.get("targets")) {
                    targets.add(qubit(t, qubits, where + ".targets"));
                }
            }
            if (targets.size() != base.numQubits()) {
                throw new IllegalArgumentException(where + ": gate '" + name + "' needs " + base.numQubits() + " target"
                        + (base.numQubits() == 1 ? "" : "s"));
            }
            if (name.equals("cnot") && controls.isEmpty()) {
                throw new IllegalArgumentException(where + ": gate 'cnot' needs a control");
            }
            double[] params = new double[base.numParams()];
            if (base.numParams() == 1) {
                JsonNode r = g.get("rotation");
                if (r == null || !r.isNumber()) {
                    throw new IllegalArgumentException(where + ": gate '" + name + "' needs a numeric rotation (radians)");
                }
                params[0] = r.asDouble();
            }
            io.qexec.circuit.Gate gate = controls.isEmpty() ? base
                    : ModifiedGate.of(base, new GateModifier.Control(controls.size(), false));
            List<Integer> all = new ArrayList<>(controls);
            all.addAll(targets);
            int[] qs = all.stream().mapToInt(Integer::intValue).toArray();
            try {
                b.gate(gate, params, qs);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return b.measureAll().build();
    }

    private static int qubit(JsonNode node, int qubits, String where) {
        if (!node.canConvertToInt() || node.asInt() < 0 || node.asInt() >= qubits) {
            throw new IllegalArgumentException(where + ": qubit " + node + " is not in 0.." + (qubits - 1));
        }
        return node.asInt();
    }
}
