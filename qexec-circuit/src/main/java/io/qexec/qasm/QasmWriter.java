package io.qexec.qasm;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.Condition;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.Gate;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.ModifiedGate;
import io.qexec.circuit.QuantumRegister;
import io.qexec.circuit.Reset;
import io.qexec.circuit.StandardGate;
import io.qexec.circuit.WhileLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prints a circuit as OpenQASM 2.0 or 3: header, gate definitions in dependency order, registers, body. */
final class QasmWriter {
    private final Circuit circuit;
    private final boolean v3;
    private final StringBuilder out = new StringBuilder();
    private final String[] qubitNames;
    private final String[] clbitNames;
    /** Gate definitions to print, keyed by gate, in dependency order, with the name each is printed under. */
    private final Map<Gate, String> definitionNames = new LinkedHashMap<>();
    private final Map<Gate, Boolean> visiting = new IdentityHashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Map<String, Integer> registerOffsets = new HashMap<>();

    QasmWriter(Circuit circuit, boolean v3) {
        this.circuit = circuit;
        this.v3 = v3;
        qubitNames = new String[circuit.numQubits()];
        int k = 0;
        for (QuantumRegister r : circuit.quantumRegisters()) {
            for (int i = 0; i < r.size(); i++) {
                qubitNames[k++] = r.name() + "[" + i + "]";
            }
        }
        clbitNames = new String[circuit.numClbits()];
        k = 0;
        for (ClassicalRegister r : circuit.classicalRegisters()) {
            registerOffsets.put(r.name(), k);
            for (int i = 0; i < r.size(); i++) {
                clbitNames[k++] = r.name() + "[" + i + "]";
            }
        }
    }

    String write() {
        out.append(v3 ? "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" : "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        Set<String> parameters = circuit.parameters();
        if (!parameters.isEmpty()) {
            if (!v3) {
                boolean one = parameters.size() == 1;
                throw new QasmException("symbolic parameter" + (one ? " " : "s ") + String.join(", ", parameters)
                        + (one ? " needs" : " need") + " OpenQASM 3 (input parameters); bind " + (one ? "it" : "them")
                        + " first to write OpenQASM 2");
            }
            for (String p : parameters) {
                out.append("input float[64] ").append(p).append(";\n");
            }
        }
        usedNames.addAll(GateLibrary.BUILT_IN.keySet());
        usedNames.add("gphase");
        usedNames.addAll((v3 ? GateLibrary.STDGATES : GateLibrary.QELIB1).keySet());
        collect(circuit.instructions());
        for (Map.Entry<Gate, String> e : definitionNames.entrySet()) {
            definition(e.getKey(), e.getValue());
        }
        for (QuantumRegister r : circuit.quantumRegisters()) {
            out.append(v3 ? "qubit[" + r.size() + "] " + r.name() : "qreg " + r.name() + "[" + r.size() + "]").append(";\n");
        }
        for (ClassicalRegister r : circuit.classicalRegisters()) {
            out.append(v3 ? "bit[" + r.size() + "] " + r.name() : "creg " + r.name() + "[" + r.size() + "]").append(";\n");
        }
        block(circuit.instructions(), "", qubitNames);
        return out.toString();
    }

    // ------------------------------------------------------------------ gates and their definitions

    private void collect(List<Instruction> block) {
        for (Instruction i : block) {
            switch (i) {
                case GateOp op -> need(op.gate());
                case IfElse f -> {
                    collect(f.thenBody());
                    collect(f.elseBody());
                }
                case WhileLoop w -> collect(w.body());
                default -> {
                }
            }
        }
    }

    /** Makes sure {@code gate} can be named: built in, in the include, or defined (after its dependencies). */
    private void need(Gate gate) {
        switch (gate) {
            case StandardGate g -> {
                if (builtInName(g) != null || definitionNames.containsKey(g)) {
                    return;
                }
                if (g == StandardGate.GPHASE) {
                    throw new QasmException("gphase (a global phase) needs OpenQASM 3");
                }
                if (visiting.put(g, true) == null) {
                    collect(g.definition());
                }
                definitionNames.put(g, g.qasmName());
            }
            case DefinedGate d -> {
                if (definitionNames.containsKey(d) || visiting.containsKey(d)) {
                    return;
                }
                visiting.put(d, true);
                collect(d.definition());
                String name = d.name();
                for (int k = 1; usedNames.contains(name) && !(k == 1 && allowedToShadow(d)); k++) {
                    name = d.name() + "_" + k;
                }
                usedNames.add(name);
                definitionNames.put(d, name);
            }
            case ModifiedGate m -> {
                if (!v3) {
                    throw new QasmException("the gate modifier in '" + m.qasmName() + "' needs OpenQASM 3");
                }
                need(m.base());
            }
        }
    }

    /**
     * A user gate may keep the name of a gate from the include (the reader lets a definition replace it, as
     * real files do), but not of a language built-in.
     */
    private boolean allowedToShadow(DefinedGate d) {
        return !GateLibrary.BUILT_IN.containsKey(d.name()) && !d.name().equals("gphase") && !d.name().equals("U");
    }

    /** The name under which the version's include or the language provides this library gate, or null. */
    private String builtInName(StandardGate g) {
        if (g == StandardGate.U) {
            return "U";
        }
        if (g == StandardGate.CX) {
            return "cx";
        }
        if (g == StandardGate.GPHASE) {
            return v3 ? "gphase" : null;
        }
        Map<String, StandardGate> include = v3 ? GateLibrary.STDGATES : GateLibrary.QELIB1;
        return include.get(g.qasmName()) == g ? g.qasmName() : null;
    }

    private String gateName(Gate gate) {
        return switch (gate) {
            case StandardGate g -> {
                String n = builtInName(g);
                yield n != null ? n : definitionNames.get(g);
            }
            case DefinedGate d -> definitionNames.get(d);
            case ModifiedGate m -> m.modifier() + " " + gateName(m.base());
        };
    }

    private void definition(Gate gate, String name) {
        List<String> params = gate.parameterNames();
        String[] args = new String[gate.numQubits()];
        for (int i = 0; i < args.length; i++) {
            String a = "q" + i;
            while (params.contains(a)) {
                a = "_" + a;
            }
            args[i] = a;
        }
        if (gate instanceof DefinedGate d && d.opaque()) {
            out.append("opaque ").append(name);
            if (!params.isEmpty()) {
                out.append('(').append(String.join(", ", params)).append(')');
            }
            out.append(' ').append(String.join(", ", args)).append(";\n");
            return;
        }
        out.append("gate ").append(name);
        if (!params.isEmpty()) {
            out.append('(').append(String.join(", ", params)).append(')');
        }
        out.append(' ').append(String.join(", ", args)).append(" {\n");
        block(gate.definition(), "  ", args);
        out.append("}\n");
    }

    // ------------------------------------------------------------------ instructions

    private void block(List<Instruction> block, String indent, String[] qubits) {
        for (Instruction i : block) {
            switch (i) {
                case GateOp op -> out.append(indent).append(gateOp(op, qubits)).append('\n');
                case Measure m -> out.append(indent).append(v3
                        ? clbitNames[m.clbit()] + " = measure " + qubits[m.qubit()] + ";"
                        : "measure " + qubits[m.qubit()] + " -> " + clbitNames[m.clbit()] + ";").append('\n');
                case Reset r -> out.append(indent).append("reset ").append(qubits[r.qubit()]).append(";\n");
                case Barrier b -> {
                    if (!b.qubits().isEmpty()) {
                        out.append(indent).append("barrier ").append(operands(b.qubits(), qubits)).append(";\n");
                    }
                }
                case IfElse f -> ifElse(f, indent, qubits);
                case WhileLoop w -> {
                    if (!v3) {
                        throw new QasmException("a while loop needs OpenQASM 3");
                    }
                    out.append(indent).append("while (").append(condition(w.condition())).append(") {\n");
                    block(w.body(), indent + "  ", qubits);
                    out.append(indent).append("}\n");
                }
            }
        }
    }

    private String gateOp(GateOp op, String[] qubits) {
        StringBuilder s = new StringBuilder(gateName(op.gate()));
        if (!op.params().isEmpty()) {
            s.append('(');
            for (int k = 0; k < op.params().size(); k++) {
                s.append(k == 0 ? "" : ", ").append(expression(op.params().get(k)));
            }
            s.append(')');
        }
        if (!op.qubits().isEmpty()) {
            s.append(' ').append(operands(op.qubits(), qubits));
        }
        return s.append(';').toString();
    }

    private static String operands(List<Integer> indices, String[] names) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < indices.size(); k++) {
            s.append(k == 0 ? "" : ", ").append(names[indices.get(k)]);
        }
        return s.toString();
    }

    private void ifElse(IfElse f, String indent, String[] qubits) {
        if (v3) {
            out.append(indent).append("if (").append(condition(f.condition())).append(") {\n");
            block(f.thenBody(), indent + "  ", qubits);
            if (f.elseBody().isEmpty()) {
                out.append(indent).append("}\n");
            } else {
                out.append(indent).append("} else {\n");
                block(f.elseBody(), indent + "  ", qubits);
                out.append(indent).append("}\n");
            }
            return;
        }
        // OpenQASM 2: "if (c == n) op;" per operation, when that means the same thing.
        Condition c = f.condition();
        String register = wholeRegister(c.clbits());
        if (!f.elseBody().isEmpty()) {
            throw new QasmException("an if with an else branch needs OpenQASM 3");
        }
        if (register == null || c.comparison() != Condition.Comparison.EQUAL) {
            throw new QasmException("the condition '" + condition(c) + "' needs OpenQASM 3 (OpenQASM 2 can only test "
                    + "a whole classical register for equality)");
        }
        Set<Integer> tested = new HashSet<>(c.clbits());
        for (int k = 0; k < f.thenBody().size(); k++) {
            Instruction i = f.thenBody().get(k);
            if (!(i instanceof GateOp || i instanceof Measure || i instanceof Reset)) {
                throw new QasmException("a conditional " + kind(i) + " needs OpenQASM 3");
            }
            if (i instanceof Measure m && tested.contains(m.clbit()) && k < f.thenBody().size() - 1) {
                throw new QasmException("a conditional block that measures into the tested register needs OpenQASM 3");
            }
            String body = switch (i) {
                case GateOp op -> gateOp(op, qubits);
                case Measure m -> "measure " + qubits[m.qubit()] + " -> " + clbitNames[m.clbit()] + ";";
                case Reset r -> "reset " + qubits[r.qubit()] + ";";
                default -> throw new IllegalStateException();
            };
            out.append(indent).append("if (").append(register).append(" == ").append(c.value()).append(") ")
                    .append(body).append('\n');
        }
    }

    private static String kind(Instruction i) {
        return switch (i) {
            case Barrier b -> "barrier";
            case IfElse f -> "nested if";
            case WhileLoop w -> "while loop";
            default -> "operation";
        };
    }

    /** The register whose bits these are, in order, or null. */
    private String wholeRegister(List<Integer> bits) {
        for (ClassicalRegister r : circuit.classicalRegisters()) {
            int offset = registerOffsets.get(r.name());
            if (r.size() == bits.size()) {
                boolean same = true;
                for (int k = 0; k < bits.size() && same; k++) {
                    same = bits.get(k) == offset + k;
                }
                if (same) {
                    return r.name();
                }
            }
        }
        return null;
    }

    private String condition(Condition c) {
        String register = wholeRegister(c.clbits());
        String subject;
        if (register != null) {
            subject = register;
        } else if (c.clbits().size() == 1) {
            subject = clbitNames[c.clbits().get(0)];
        } else if (v3) {
            throw new QasmException("a condition on bits " + c.clbits() + ", which are not one classical register, "
                    + "cannot be written in OpenQASM");
        } else {
            throw new QasmException("a condition on bits " + c.clbits() + " needs OpenQASM 3");
        }
        return subject + " " + c.comparison().symbol() + " " + c.value();
    }

    // ------------------------------------------------------------------ expressions

    String expression(Expr e) {
        return switch (e) {
            case Expr.Constant c -> constant(c);
            case Expr.Symbol s -> s.name();
            case Expr.Negate n -> "-" + operand(n.operand(), true);
            case Expr.Binary b -> binary(b);
            case Expr.Call c -> function(c.function()) + "(" + expression(c.argument()) + ")";
        };
    }

    private static String constant(Expr.Constant c) {
        double v = c.value();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new QasmException("the parameter value " + v + " cannot be written in OpenQASM");
        }
        if (v == 0 && 1 / v < 0) {
            return "-0.0"; // keeps the sign, so the round trip is exact
        }
        return c.toString();
    }

    private String function(Expr.Function f) {
        return switch (f) {
            case ASIN -> v3 ? "arcsin" : "asin";
            case ACOS -> v3 ? "arccos" : "acos";
            case ATAN -> v3 ? "arctan" : "atan";
            default -> f.qasmName();
        };
    }

    private String binary(Expr.Binary b) {
        String op = switch (b.operator()) {
            case ADD -> "+";
            case SUBTRACT -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case POWER -> v3 ? "**" : "^";
        };
        int p = precedence(b.operator());
        String left = needsParentheses(b.left(), p, false, b.operator()) ? "(" + expression(b.left()) + ")"
                : expression(b.left());
        String right = needsParentheses(b.right(), p, true, b.operator()) ? "(" + expression(b.right()) + ")"
                : expression(b.right());
        return left + " " + op + " " + right;
    }

    private static int precedence(Expr.Operator o) {
        return switch (o) {
            case ADD, SUBTRACT -> 1;
            case MULTIPLY, DIVIDE -> 2;
            case POWER -> 3;
        };
    }

    private static boolean needsParentheses(Expr side, int parent, boolean right, Expr.Operator op) {
        return switch (side) {
            case Expr.Binary b -> {
                int p = precedence(b.operator());
                yield p < parent || right && p == parent || op == Expr.Operator.POWER;
            }
            case Expr.Negate n -> true;
            case Expr.Constant c -> !isPlainNumber(c.toString()) || c.value() < 0;
            default -> false;
        };
    }

    private String operand(Expr e, boolean underUnary) {
        boolean wrap = e instanceof Expr.Binary || e instanceof Expr.Negate
                || e instanceof Expr.Constant c && (!isPlainNumber(c.toString()) || c.value() < 0);
        return wrap && underUnary ? "(" + expression(e) + ")" : expression(e);
    }

    private static boolean isPlainNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == 'E' || ch == '-' && i > 0 && s.charAt(i - 1) == 'E')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "QasmWriter[" + (v3 ? "3" : "2") + "]" + new ArrayList<>(definitionNames.values());
    }
}
