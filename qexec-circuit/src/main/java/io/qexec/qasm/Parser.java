package io.qexec.qasm;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Circuit;
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
import io.qexec.circuit.QuantumRegister;
import io.qexec.circuit.Reset;
import io.qexec.circuit.StandardGate;
import io.qexec.circuit.WhileLoop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A recursive-descent reader for OpenQASM 2.0 and the supported subset of OpenQASM 3. It builds the circuit
 * while it reads: classical values known at parse time are evaluated on the spot, {@code for} loops are
 * unrolled and subroutines inlined by re-reading their text, so no syntax tree is kept.
 */
final class Parser {
    private static final int MAX_ITERATIONS = 100_000;
    /** All loop iterations unrolled while reading one program, nested loops included. */
    private static final long MAX_UNROLLED = 1_000_000;
    private static final int MAX_INCLUDE_DEPTH = 32;

    /** Per classical bit: what the parser knows of its value. */
    private static final byte BIT_ZERO = 0;
    private static final byte BIT_ONE = 1;
    private static final byte BIT_RUNTIME = 2;

    private Lexer lx;
    private boolean v3;

    private final List<QuantumRegister> quantumRegisters = new ArrayList<>();
    private final List<ClassicalRegister> classicalRegisters = new ArrayList<>();
    private final Set<String> registerNames = new java.util.HashSet<>();
    private int numQubits;
    private int numClbits;
    private byte[] bitState = new byte[16];

    private final Map<String, Gate> gates = new HashMap<>();
    private final Map<String, Integer> userGateLines = new HashMap<>();
    private final Set<String> inputs = new LinkedHashSet<>();
    private final Scope global = new Scope(null);
    private Scope scope = global;

    private List<Instruction> out = new ArrayList<>();
    /** Above zero while reading code whose effects are discarded (a branch known not to run, a definition). */
    private int dead;
    /** Above zero inside an if/while whose condition is only known at run time. */
    private int runtimeDepth;
    /** Inside a gate definition: operands are the gate's own arguments. */
    private boolean inGateBody;
    /** Inside a subroutine being inlined: where a {@code return} value goes. */
    private ReturnTarget returnTarget;
    private int includeDepth;
    private int subroutineDepth;
    private long unrolled;

    /** Where an inlined subroutine's return value goes: bits of the caller, or nowhere. */
    private record ReturnTarget(int[] clbits, String localName) {
    }

    private Parser(SourceText source) {
        this.lx = new Lexer(source);
    }

    static Circuit parse(SourceText source) {
        Parser p = new Parser(source);
        try {
            return p.program();
        } catch (StackOverflowError e) {
            throw p.lx.error("the program nests too deeply");
        }
    }

    // ------------------------------------------------------------------ program

    private Circuit program() {
        header();
        while (lx.kind != TokenKind.EOF) {
            statement();
        }
        String name = lx.source.name();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = name.substring(slash + 1);
        if (base.endsWith(".qasm")) {
            base = base.substring(0, base.length() - 5);
        }
        if (base.startsWith("<")) {
            base = "";
        }
        try {
            Circuit c = new Circuit(base, quantumRegisters, classicalRegisters, out, Map.of());
            return inputs.isEmpty() ? c : c.withMetadata("inputs", String.join(",", inputs));
        } catch (IllegalArgumentException e) {
            throw lx.error(e.getMessage());
        }
    }

    private void header() {
        if (!lx.is("OPENQASM")) {
            v3 = true; // the version statement is optional in OpenQASM 3
            return;
        }
        lx.next();
        if (lx.kind != TokenKind.REAL && lx.kind != TokenKind.INTEGER) {
            throw lx.error("expected a version number after OPENQASM, found " + found());
        }
        String version = lx.text();
        if (version.equals("2.0") || version.equals("2")) {
            v3 = false;
        } else if (version.equals("3") || version.startsWith("3.")) {
            v3 = true;
        } else {
            throw lx.error("unsupported OpenQASM version '" + version + "' (supported: 2.0 and 3)");
        }
        lx.next();
        expectSemicolon();
    }

    // ------------------------------------------------------------------ statements

    private void statement() {
        if (lx.kind == TokenKind.LBRACE && v3) {
            block();
            return;
        }
        if (lx.kind == TokenKind.HARDWARE_QUBIT) {
            throw unsupported("physical qubits ($n)");
        }
        if (lx.kind != TokenKind.IDENTIFIER) {
            throw lx.error("expected a statement, found " + found());
        }
        String word = lx.text();
        switch (word) {
            case "OPENQASM" -> throw lx.error("the OPENQASM version statement must come first");
            case "include" -> include();
            case "qreg" -> oldRegister(true);
            case "creg" -> oldRegister(false);
            case "gate" -> gateDefinition();
            case "opaque" -> opaque();
            case "measure" -> measureArrow();
            case "reset" -> reset();
            case "barrier" -> barrier();
            case "if" -> ifStatement();
            default -> {
                if (v3) {
                    statement3(word);
                } else {
                    gateStatement();
                }
            }
        }
    }

    private void statement3(String word) {
        switch (word) {
            case "qubit" -> qubitDeclaration();
            case "bit", "int", "uint", "float", "angle", "bool" -> classicalDeclaration(false);
            case "const" -> {
                lx.next();
                if (lx.is("array")) {
                    arrayDeclaration(true);
                } else {
                    classicalDeclaration(true);
                }
            }
            case "input" -> input();
            case "while" -> whileStatement();
            case "for" -> forStatement();
            case "def" -> subroutineDefinition();
            case "let" -> alias();
            case "return" -> returnStatement();
            case "defcal", "defcalgrammar", "cal" -> throw unsupported("pulse-level calibration (" + word + ")");
            case "extern" -> throw unsupported("extern functions");
            case "box" -> throw unsupported("box (timing)");
            case "delay" -> throw unsupported("delay (timing)");
            case "duration", "stretch", "durationof" -> throw unsupported(word + " (timing)");
            case "array" -> arrayDeclaration(false);
            case "complex" -> throw unsupported("complex numbers");
            case "output" -> throw unsupported("output variables");
            case "break", "continue" -> throw unsupported(word);
            case "switch" -> throw unsupported("switch statements");
            case "end" -> throw unsupported("end");
            case "pragma" -> throw unsupported("pragma");
            default -> {
                Symbol s = scope.lookup(word);
                if (s instanceof Symbol.Variable || s instanceof Symbol.Bits) {
                    assignment();
                } else {
                    gateStatement();
                }
            }
        }
    }

    private void block() {
        expect(TokenKind.LBRACE);
        Scope saved = scope;
        scope = new Scope(scope);
        try {
            while (lx.kind != TokenKind.RBRACE) {
                if (lx.kind == TokenKind.EOF) {
                    throw lx.error("expected '}' to close the block, found the end of the file");
                }
                statement();
            }
            lx.next();
        } finally {
            scope = saved;
        }
    }

    /** A block in braces, or a single statement (the bodies of if, else, while and for). */
    private void body() {
        if (lx.kind == TokenKind.LBRACE) {
            block();
        } else {
            Scope saved = scope;
            scope = new Scope(scope);
            try {
                statement();
            } finally {
                scope = saved;
            }
        }
    }

    private void include() {
        int line = lx.tokenLine;
        lx.next();
        if (lx.kind != TokenKind.STRING) {
            throw lx.error("expected a file name in quotes after include, found " + found());
        }
        String file = lx.text().substring(1, lx.text().length() - 1);
        int fileLine = lx.tokenLine;
        int fileColumn = lx.tokenColumn;
        lx.next();
        expectSemicolon();
        Map<String, StandardGate> library = GateLibrary.include(file);
        if (library != null) {
            for (Map.Entry<String, StandardGate> e : library.entrySet()) {
                gates.putIfAbsent(e.getKey(), e.getValue());
            }
            return;
        }
        Path dir = lx.source.directory();
        Path path = dir == null ? Path.of(file) : dir.resolve(file);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw lx.source.error(fileLine, fileColumn, "cannot read include file '" + file + "' (looked for "
                    + path.toAbsolutePath().normalize() + ")");
        }
        if (includeDepth >= MAX_INCLUDE_DEPTH) {
            throw lx.source.error(fileLine, fileColumn, "includes nest more than " + MAX_INCLUDE_DEPTH
                    + " deep (does '" + file + "' include itself?)");
        }
        Lexer saved = lx;
        Path parent = path.toAbsolutePath().getParent();
        lx = new Lexer(new SourceText(dir == null ? file : path.toString(), text, parent));
        includeDepth++;
        try {
            if (lx.is("OPENQASM")) {
                boolean savedVersion = v3;
                header();
                v3 = savedVersion;
            }
            while (lx.kind != TokenKind.EOF) {
                statement();
            }
        } finally {
            includeDepth--;
            lx = saved;
        }
    }

    // ------------------------------------------------------------------ declarations

    private void oldRegister(boolean quantum) {
        lx.next();
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier(quantum ? "a register name after qreg" : "a register name after creg");
        expect(TokenKind.LBRACKET);
        int size = sizeDesignatorBody();
        expectSemicolon();
        if (quantum) {
            declareQubits(name, size, false, line, column);
        } else {
            declareBits(name, size, false, line, column, false);
        }
    }

    /** After '[': a positive size known at parse time, then ']'. */
    private int sizeDesignatorBody() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        long size = asLong(expression(), line, column, "a register size");
        expect(TokenKind.RBRACKET);
        if (size < 1 || size > 1_000_000) {
            throw lx.source.error(line, column, "a register size must be between 1 and 1000000, got " + size);
        }
        return (int) size;
    }

    private void checkNotDeclared(String name, int line, int column) {
        int previous = scope.declaredHere(name);
        if (previous >= 0) {
            throw lx.source.error(line, column, "duplicate declaration: '" + name + "' is already declared on line "
                    + previous);
        }
        if (scope == global && gates.containsKey(name) && userGateLines.containsKey(name)) {
            throw lx.source.error(line, column, "duplicate declaration: '" + name + "' is already a gate (line "
                    + userGateLines.get(name) + ")");
        }
    }

    private void declareQubits(String name, int size, boolean single, int line, int column) {
        checkNotDeclared(name, line, column);
        if (scope != global || inGateBody) {
            throw lx.source.error(line, column, "qubits can only be declared at the top level of the program");
        }
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = numQubits + i;
        }
        if (dead == 0) {
            quantumRegisters.add(new QuantumRegister(registerName(name), size));
            numQubits += size;
        }
        scope.declare(name, new Symbol.Qubits(name, indices, single, false), line);
    }

    private int[] declareBits(String name, int size, boolean single, int line, int column, boolean local) {
        checkNotDeclared(name, line, column);
        int[] indices = new int[size];
        if (dead == 0) {
            for (int i = 0; i < size; i++) {
                indices[i] = numClbits + i;
            }
            classicalRegisters.add(new ClassicalRegister(registerName(name), size));
            numClbits += size;
            if (bitState.length < numClbits) {
                bitState = Arrays.copyOf(bitState, Math.max(numClbits, 2 * bitState.length));
            }
        } else {
            for (int i = 0; i < size; i++) {
                indices[i] = i;
            }
        }
        scope.declare(name, new Symbol.Bits(name, indices, single), line);
        return indices;
    }

    /** A register name unique in the circuit (block-local declarations may repeat an outer name). */
    private String registerName(String name) {
        String candidate = name;
        if (!candidate.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            candidate = "r";
        }
        String unique = candidate;
        for (int k = 1; !registerNames.add(unique); k++) {
            unique = candidate + "_" + k;
        }
        return unique;
    }

    private void qubitDeclaration() {
        lx.next();
        int size = 1;
        boolean single = true;
        if (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            size = sizeDesignatorBody();
            single = false;
        }
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("a qubit name");
        expectSemicolon();
        declareQubits(name, size, single, line, column);
    }

    /** {@code [const] type[n] name [= value];} for bit, int, uint, float, angle and bool. */
    private void classicalDeclaration(boolean constant) {
        if (!lx.is("bit") && !lx.is("int") && !lx.is("uint") && !lx.is("float") && !lx.is("angle") && !lx.is("bool")) {
            if (lx.is("duration") || lx.is("stretch")) {
                throw unsupported(lx.text() + " (timing)");
            }
            if (lx.is("complex")) {
                throw unsupported("complex numbers");
            }
            throw lx.error("expected a classical type (bit, int, uint, float, angle, bool), found " + found());
        }
        String type = lx.text();
        lx.next();
        int width = -1;
        if (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            width = sizeDesignatorBody();
        }
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("a variable name");
        if (type.equals("bit")) {
            int size = width < 0 ? 1 : width;
            if (constant) {
                throw unsupported("const bit registers");
            }
            checkNotDeclared(name, line, column);
            if (lx.kind == TokenKind.EQUALS) {
                lx.next();
                if (lx.is("measure")) {
                    int[] target = declareBits(name, size, width < 0, line, column, true);
                    measureInto(target, line, column);
                    expectSemicolon();
                    return;
                }
                int vLine = lx.tokenLine;
                int vColumn = lx.tokenColumn;
                Value v = expression();
                expectSemicolon();
                int[] target = declareBits(name, size, width < 0, line, column, true);
                assignBits(target, v, vLine, vColumn);
                return;
            }
            expectSemicolon();
            ReturnTarget rt = returnTarget;
            if (rt != null && name.equals(rt.localName()) && rt.clbits() != null && rt.clbits().length == size) {
                // The subroutine returns this variable: it is the caller's bits.
                scope.declare(name, new Symbol.Bits(name, rt.clbits(), width < 0), line);
                return;
            }
            declareBits(name, size, width < 0, line, column, true);
            return;
        }
        checkNotDeclared(name, line, column);
        Value value = switch (type) {
            case "bool" -> new Value.Bool(false);
            case "float", "angle" -> new Value.Real(0);
            default -> new Value.Int(0);
        };
        if (lx.kind == TokenKind.EQUALS) {
            lx.next();
            if (lx.is("measure")) {
                throw unsupported("measuring into a " + type + " variable (run-time classical computation)");
            }
            int vLine = lx.tokenLine;
            int vColumn = lx.tokenColumn;
            value = convert(expression(), type, width, vLine, vColumn);
        } else if (constant) {
            throw lx.error("a constant needs a value: expected '=' after '" + name + "'");
        }
        expectSemicolon();
        scope.declare(name, new Symbol.Variable(name, type, width, constant, value), line);
    }

    /**
     * {@code [const] array[type, n] name [= {v, ...} | other];} — a one-dimensional array whose elements are
     * known at parse time.
     */
    private void arrayDeclaration(boolean constant) {
        lx.next();
        expect(TokenKind.LBRACKET);
        if (!(lx.is("int") || lx.is("uint") || lx.is("float") || lx.is("angle") || lx.is("bool") || lx.is("bit"))) {
            throw lx.error("expected an array element type (int, uint, float, angle, bool, bit), found " + found());
        }
        String type = lx.text();
        lx.next();
        int width = -1;
        if (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            width = sizeDesignatorBody();
        }
        expect(TokenKind.COMMA);
        int sizeLine = lx.tokenLine;
        int sizeColumn = lx.tokenColumn;
        long size = asLong(expression(), sizeLine, sizeColumn, "an array size");
        if (lx.kind == TokenKind.COMMA) {
            throw unsupported("multi-dimensional arrays");
        }
        expect(TokenKind.RBRACKET);
        if (size < 1 || size > 1_000_000) {
            throw lx.source.error(sizeLine, sizeColumn, "an array size must be between 1 and 1000000, got " + size);
        }
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("an array name");
        checkNotDeclared(name, line, column);
        List<Value> elements = new ArrayList<>();
        if (lx.kind == TokenKind.EQUALS) {
            lx.next();
            int vLine = lx.tokenLine;
            int vColumn = lx.tokenColumn;
            if (lx.kind == TokenKind.LBRACE) {
                lx.next();
                if (lx.kind == TokenKind.LBRACE) {
                    throw unsupported("multi-dimensional arrays");
                }
                for (;;) {
                    int l = lx.tokenLine;
                    int c = lx.tokenColumn;
                    elements.add(convert(expression(), type, width, l, c));
                    if (lx.kind != TokenKind.COMMA) {
                        break;
                    }
                    lx.next();
                }
                expect(TokenKind.RBRACE);
            } else {
                Value v = expression();
                if (!(v instanceof Value.Array a)) {
                    throw lx.source.error(vLine, vColumn, "expected an array value in braces, found " + describe(v));
                }
                for (Value e : a.elements()) {
                    elements.add(convert(e, type, width, vLine, vColumn));
                }
            }
            if (elements.size() != size) {
                throw lx.source.error(vLine, vColumn, "array " + name + " has " + size + " elements but the value has "
                        + elements.size());
            }
        } else {
            if (constant) {
                throw lx.error("a constant needs a value: expected '=' after '" + name + "'");
            }
            Value zero = convert(new Value.Int(0), type, width, line, column);
            for (int i = 0; i < size; i++) {
                elements.add(zero);
            }
        }
        expectSemicolon();
        scope.declare(name, new Symbol.Variable(name, "array", (int) size, constant,
                new Value.Array(type, width, elements)), line);
    }

    private void input() {
        lx.next();
        String type = lx.kind == TokenKind.IDENTIFIER ? lx.text() : "";
        if (!type.equals("float") && !type.equals("angle")) {
            throw unsupported("input of type '" + (type.isEmpty() ? found() : type)
                    + "' (only float and angle inputs become circuit parameters)");
        }
        lx.next();
        if (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            sizeDesignatorBody();
        }
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("a parameter name");
        expectSemicolon();
        checkNotDeclared(name, line, column);
        if (scope != global) {
            throw lx.source.error(line, column, "input parameters must be declared at the top level");
        }
        inputs.add(name);
        scope.declare(name, new Symbol.Variable(name, type, -1, true, new Value.Angle(Expr.symbol(name))), line);
    }

    private void alias() {
        lx.next();
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("an alias name after let");
        expect(TokenKind.EQUALS);
        int[] qubits = qubitOperand();
        for (;;) {
            if (lx.kind == TokenKind.INCREMENT) {
                lx.next();
                int[] more = qubitOperand();
                int[] joined = Arrays.copyOf(qubits, qubits.length + more.length);
                System.arraycopy(more, 0, joined, qubits.length, more.length);
                qubits = joined;
            } else {
                break;
            }
        }
        expectSemicolon();
        checkNotDeclared(name, line, column);
        scope.declare(name, new Symbol.Qubits(name, qubits, false, false), line);
    }

    // ------------------------------------------------------------------ gates

    private void gateDefinition() {
        int line = lx.tokenLine;
        if (scope != global || inGateBody) {
            throw lx.error("gate definitions must be at the top level of the program");
        }
        lx.next();
        int nameLine = lx.tokenLine;
        int nameColumn = lx.tokenColumn;
        String name = identifier("a gate name after gate");
        checkGateName(name, nameLine, nameColumn);
        List<String> params = new ArrayList<>();
        if (lx.kind == TokenKind.LPAREN) {
            lx.next();
            if (lx.kind != TokenKind.RPAREN) {
                params.add(identifier("a parameter name"));
                while (lx.kind == TokenKind.COMMA) {
                    lx.next();
                    params.add(identifier("a parameter name"));
                }
            }
            expect(TokenKind.RPAREN);
        }
        List<String> qubitNames = new ArrayList<>();
        qubitNames.add(identifier("a qubit argument name"));
        while (lx.kind == TokenKind.COMMA) {
            lx.next();
            qubitNames.add(identifier("a qubit argument name"));
        }
        if (lx.kind != TokenKind.LBRACE) {
            throw lx.error("expected '{' to start the body of gate " + name + ", found " + found());
        }
        Scope savedScope = scope;
        List<Instruction> savedOut = out;
        boolean savedInGate = inGateBody;
        scope = new Scope(global);
        out = new ArrayList<>();
        inGateBody = true;
        try {
            Set<String> seen = new java.util.HashSet<>();
            for (String p : params) {
                if (!seen.add(p)) {
                    throw lx.source.error(nameLine, nameColumn, "gate " + name + " declares '" + p + "' twice");
                }
                scope.declare(p, new Symbol.Variable(p, "angle", -1, true, new Value.Angle(Expr.symbol(p))), line);
            }
            for (int i = 0; i < qubitNames.size(); i++) {
                String q = qubitNames.get(i);
                if (!seen.add(q)) {
                    throw lx.source.error(nameLine, nameColumn, "gate " + name + " declares '" + q + "' twice");
                }
                scope.declare(q, new Symbol.Qubits(q, new int[] {i}, true, true), line);
            }
            lx.next();
            while (lx.kind != TokenKind.RBRACE) {
                if (lx.kind == TokenKind.EOF) {
                    throw lx.error("expected '}' to close the body of gate " + name + ", found the end of the file");
                }
                gateBodyStatement();
            }
            lx.next();
            DefinedGate defined = DefinedGate.of(name, params, qubitNames.size(), out);
            defineGate(name, defined, nameLine);
        } finally {
            scope = savedScope;
            out = savedOut;
            inGateBody = savedInGate;
        }
    }

    private void gateBodyStatement() {
        if (lx.is("barrier")) {
            barrier();
        } else if (v3 && lx.is("for")) {
            forStatement();
        } else if (lx.kind == TokenKind.IDENTIFIER && (lx.is("measure") || lx.is("reset") || lx.is("if")
                || lx.is("qreg") || lx.is("creg") || lx.is("qubit") || lx.is("gate") || lx.is("opaque"))) {
            throw lx.error("'" + lx.text() + "' is not allowed in a gate body (only gates and barriers)");
        } else if (v3 && lx.kind == TokenKind.IDENTIFIER && scope.lookup(lx.text()) instanceof Symbol.Variable) {
            throw lx.error("a gate body cannot assign classical variables");
        } else {
            gateStatement();
        }
    }

    private void checkGateName(String name, int line, int column) {
        Integer previous = userGateLines.get(name);
        if (previous != null) {
            throw lx.source.error(line, column, "duplicate declaration: gate '" + name + "' is already defined on line "
                    + previous);
        }
        if (global.declaredHere(name) >= 0) {
            throw lx.source.error(line, column, "duplicate declaration: '" + name + "' is already declared on line "
                    + global.declaredHere(name));
        }
    }

    /**
     * Registers a user gate. A definition of a library gate's name with the same signature and the same unitary
     * (checked on random parameters) keeps the library gate, so simulators use its fast kernel.
     */
    private void defineGate(String name, DefinedGate gate, int line) {
        userGateLines.put(name, line);
        StandardGate library = StandardGate.byName(name).orElse(null);
        if (library != null && library.numQubits() == gate.numQubits() && library.numParams() == gate.numParams()
                && sameUnitary(library, gate)) {
            gates.put(name, library);
        } else {
            gates.put(name, gate);
        }
    }

    private static boolean sameUnitary(StandardGate library, DefinedGate gate) {
        if (gate.numQubits() > 6) {
            return false;
        }
        Random random = new Random(name(gate).hashCode());
        try {
            for (int trial = 0; trial < 3; trial++) {
                double[] params = new double[gate.numParams()];
                for (int i = 0; i < params.length; i++) {
                    params[i] = (random.nextDouble() * 2 - 1) * 2 * Math.PI;
                }
                if (!library.matrix(params).equalsUpToGlobalPhase(gate.matrix(params), 1e-9)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false; // e.g. an opaque gate in the body: keep the user's definition
        }
    }

    private static String name(DefinedGate gate) {
        return gate.name();
    }

    private void opaque() {
        lx.next();
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("a gate name after opaque");
        checkGateName(name, line, column);
        int params = 0;
        if (lx.kind == TokenKind.LPAREN) {
            lx.next();
            if (lx.kind != TokenKind.RPAREN) {
                identifier("a parameter name");
                params++;
                while (lx.kind == TokenKind.COMMA) {
                    lx.next();
                    identifier("a parameter name");
                    params++;
                }
            }
            expect(TokenKind.RPAREN);
        }
        int qubits = 0;
        identifier("a qubit argument name");
        qubits++;
        while (lx.kind == TokenKind.COMMA) {
            lx.next();
            identifier("a qubit argument name");
            qubits++;
        }
        expectSemicolon();
        userGateLines.put(name, line);
        gates.put(name, DefinedGate.opaque(name, params, qubits));
    }

    /** A gate application, possibly with modifiers, or a subroutine call. */
    private void gateStatement() {
        List<GateModifier> modifiers = new ArrayList<>();
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        while (v3 && (lx.is("ctrl") || lx.is("negctrl") || lx.is("inv") || lx.is("pow"))) {
            modifiers.add(modifier());
        }
        if (lx.kind != TokenKind.IDENTIFIER) {
            throw lx.error("expected a gate name, found " + found());
        }
        int nameLine = lx.tokenLine;
        int nameColumn = lx.tokenColumn;
        String name = lx.text();
        Gate gate = gates.get(name);
        if (gate == null && v3 && name.equals("gphase")) {
            gate = StandardGate.GPHASE;
        }
        if (gate == null && (name.equals("U") || name.equals("CX"))) {
            gate = StandardGate.byName(name).orElseThrow();
        }
        if (gate == null) {
            Symbol s = scope.lookup(name);
            if (s instanceof Symbol.Subroutine sub && modifiers.isEmpty()) {
                lx.next();
                call(sub, null, nameLine, nameColumn);
                expectSemicolon();
                return;
            }
            throw unknownGate(name, s, nameLine, nameColumn);
        }
        lx.next();
        List<Expr> params = gate.numParams() == 0 && lx.kind != TokenKind.LPAREN ? List.of() : new ArrayList<>(2);
        if (lx.kind == TokenKind.LPAREN) {
            lx.next();
            if (lx.kind != TokenKind.RPAREN) {
                params.add(angle());
                while (lx.kind == TokenKind.COMMA) {
                    lx.next();
                    params.add(angle());
                }
            }
            expect(TokenKind.RPAREN);
        }
        if (params.size() != gate.numParams()) {
            throw lx.source.error(nameLine, nameColumn, "gate " + name + " takes " + plural(gate.numParams(), "parameter")
                    + ", got " + params.size());
        }
        for (int i = modifiers.size() - 1; i >= 0; i--) {
            gate = ModifiedGate.of(gate, modifiers.get(i));
        }
        Operands operands = this.operands;
        operands.clear();
        if (lx.kind != TokenKind.SEMICOLON) {
            operands.add(lx.tokenLine, lx.tokenColumn, qubitOperand());
            while (lx.kind == TokenKind.COMMA) {
                lx.next();
                operands.add(lx.tokenLine, lx.tokenColumn, qubitOperand());
            }
        }
        expectSemicolon();
        String shown = modifiers.isEmpty() ? name : gate.qasmName();
        if (operands.size != gate.numQubits()) {
            throw lx.source.error(line, column, "gate " + shown + " acts on " + plural(gate.numQubits(), "qubit") + ", got "
                    + operands.size);
        }
        apply(gate, params, operands, shown);
    }

    /** The operands of the gate being read (reused from statement to statement: reading allocates less). */
    private final Operands operands = new Operands();

    private static final class Operands {
        int size;
        int[][] qubits = new int[8][];
        int[] lines = new int[8];
        int[] columns = new int[8];

        void clear() {
            size = 0;
        }

        void add(int line, int column, int[] q) {
            if (size == qubits.length) {
                qubits = Arrays.copyOf(qubits, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
                columns = Arrays.copyOf(columns, size * 2);
            }
            qubits[size] = q;
            lines[size] = line;
            columns[size] = column;
            size++;
        }
    }

    /** Emits a gate over operands, broadcasting registers of equal size. */
    private void apply(Gate gate, List<Expr> params, Operands operands, String shown) {
        int count = 1;
        int sizedOperand = -1;
        for (int i = 0; i < operands.size; i++) {
            int n = operands.qubits[i].length;
            if (n != 1) {
                if (sizedOperand >= 0 && n != count) {
                    throw lx.source.error(operands.lines[i], operands.columns[i], "register size mismatch: this argument has "
                            + n + " qubits but argument " + (sizedOperand + 1) + " has " + count);
                }
                count = n;
                sizedOperand = i;
            }
        }
        if (dead > 0) {
            return;
        }
        List<Expr> fixedParams = params.isEmpty() ? List.of() : List.copyOf(params);
        int width = operands.size;
        for (int k = 0; k < count; k++) {
            Integer[] qubits = new Integer[width];
            for (int i = 0; i < width; i++) {
                int[] op = operands.qubits[i];
                int q = op.length == 1 ? op[0] : op[k];
                for (int j = 0; j < i; j++) {
                    if (qubits[j] == q) {
                        throw lx.source.error(operands.lines[i], operands.columns[i], "gate " + shown
                                + " uses the same qubit twice");
                    }
                }
                qubits[i] = q;
            }
            out.add(new GateOp(gate, fixedParams, List.of(qubits)));
        }
    }

    private GateModifier modifier() {
        String word = lx.text();
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        lx.next();
        GateModifier m;
        switch (word) {
            case "inv" -> m = new GateModifier.Inverse();
            case "pow" -> {
                expect(TokenKind.LPAREN);
                int eLine = lx.tokenLine;
                int eColumn = lx.tokenColumn;
                Value v = expression();
                expect(TokenKind.RPAREN);
                double k = asDouble(v, eLine, eColumn, "a power");
                if (k != Math.rint(k) || Math.abs(k) > 1 << 20) {
                    throw lx.source.error(eLine, eColumn, "not supported: non-integer power pow(" + format(k) + ")");
                }
                m = new GateModifier.Power((int) k);
            }
            default -> {
                int n = 1;
                if (lx.kind == TokenKind.LPAREN) {
                    lx.next();
                    int eLine = lx.tokenLine;
                    int eColumn = lx.tokenColumn;
                    long c = asLong(expression(), eLine, eColumn, "a number of control qubits");
                    expect(TokenKind.RPAREN);
                    if (c < 1 || c > 64) {
                        throw lx.source.error(eLine, eColumn, "the number of control qubits must be at least 1, got " + c);
                    }
                    n = (int) c;
                }
                m = new GateModifier.Control(n, word.equals("negctrl"));
            }
        }
        if (lx.kind != TokenKind.AT) {
            throw lx.error("expected '@' after the " + word + " modifier, found " + found());
        }
        lx.next();
        return m;
    }

    private QasmException unknownGate(String name, Symbol symbol, int line, int column) {
        if (symbol instanceof Symbol.Qubits || symbol instanceof Symbol.Bits) {
            return lx.source.error(line, column, "'" + name + "' is a register, not a gate: expected a gate name");
        }
        StandardGate library = StandardGate.byName(name).orElse(null);
        if (library != null) {
            String include = v3 ? "stdgates.inc" : "qelib1.inc";
            boolean inInclude = GateLibrary.include(include).containsKey(name);
            return lx.source.error(line, column, "unknown gate '" + name + "'" + (inInclude
                    ? " (add include \"" + include + "\"; to use the standard library)"
                    : " (it is not in " + include + "; define it with a gate definition)"));
        }
        Set<String> known = new LinkedHashSet<>(gates.keySet());
        known.add("U");
        known.add("CX");
        if (v3) {
            known.add("gphase");
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(name, candidate);
            if (d < bestDistance || d == bestDistance && best != null && closer(name, candidate, best)) {
                bestDistance = d;
                best = candidate;
            }
        }
        String hint = best != null && bestDistance <= Math.max(1, name.length() / 3) && bestDistance < name.length()
                ? " (did you mean '" + best + "'?)" : "";
        return lx.source.error(line, column, "unknown gate '" + name + "'" + hint);
    }

    /** Between two equally distant names: the longer common prefix, then the closer length, then alphabetical. */
    private static boolean closer(String name, String candidate, String best) {
        int a = commonPrefix(name, candidate);
        int b = commonPrefix(name, best);
        if (a != b) {
            return a > b;
        }
        int la = Math.abs(candidate.length() - name.length());
        int lb = Math.abs(best.length() - name.length());
        if (la != lb) {
            return la < lb;
        }
        return candidate.compareTo(best) < 0;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ------------------------------------------------------------------ operands

    /** A quantum operand: {@code q}, {@code q[i]}, {@code q[a:b]}, {@code q[{i, j}]} or a gate argument. */
    private int[] qubitOperand() {
        if (lx.kind == TokenKind.HARDWARE_QUBIT) {
            throw unsupported("physical qubits ($n)");
        }
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("a qubit or register name");
        Symbol s = scope.lookup(name);
        if (!(s instanceof Symbol.Qubits q)) {
            if (s == null) {
                throw lx.source.error(line, column, "undeclared qubit register '" + name + "'"
                        + suggestion(name, true));
            }
            throw lx.source.error(line, column, "'" + name + "' is not a qubit or quantum register");
        }
        if (inGateBody && !q.gateArgument()) {
            throw lx.source.error(line, column, "a gate body can only use the gate's own qubit arguments, not '" + name + "'");
        }
        if (lx.kind != TokenKind.LBRACKET) {
            return q.indices();
        }
        if (q.single()) {
            throw lx.error("'" + name + "' is a single qubit and cannot be indexed");
        }
        return select(q.indices(), name, "qubit");
    }

    /** After a register name: {@code [i]}, {@code [a:b]}, {@code [a:s:b]} or {@code [{i, j}]} into {@code indices}. */
    private int[] select(int[] indices, String name, String what) {
        lx.next();
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        int[] result;
        if (lx.kind == TokenKind.LBRACE) {
            lx.next();
            List<Integer> picked = new ArrayList<>();
            for (;;) {
                int l = lx.tokenLine;
                int c = lx.tokenColumn;
                long i = asLong(expression(), l, c, "an index");
                picked.add(element(indices, i, name, what, l, c));
                if (lx.kind != TokenKind.COMMA) {
                    break;
                }
                lx.next();
            }
            expect(TokenKind.RBRACE);
            result = picked.stream().mapToInt(Integer::intValue).toArray();
        } else if (lx.kind == TokenKind.INTEGER && lx.charAt(lx.end) == ']') {
            // The common case q[3]: no expression, no allocation.
            long i = lx.integerValue();
            lx.next();
            result = single(element(indices, i, name, what, line, column));
        } else {
            long first = lx.kind == TokenKind.COLON ? 0 : asLong(expression(), line, column, "an index");
            if (lx.kind == TokenKind.COLON) {
                lx.next();
                long step = 1;
                int l = lx.tokenLine;
                int c = lx.tokenColumn;
                long last = lx.kind == TokenKind.RBRACKET ? indices.length - 1 : asLong(expression(), l, c, "an index");
                if (lx.kind == TokenKind.COLON) {
                    lx.next();
                    step = last;
                    l = lx.tokenLine;
                    c = lx.tokenColumn;
                    last = asLong(expression(), l, c, "an index");
                }
                if (step == 0) {
                    throw lx.source.error(line, column, "a range step cannot be 0");
                }
                List<Integer> picked = new ArrayList<>();
                for (long i = first; step > 0 ? i <= last : i >= last; i += step) {
                    picked.add(element(indices, i, name, what, line, column));
                }
                result = picked.stream().mapToInt(Integer::intValue).toArray();
            } else {
                result = single(element(indices, first, name, what, line, column));
            }
        }
        expect(TokenKind.RBRACKET);
        if (result.length == 0) {
            throw lx.source.error(line, column, "the selection of '" + name + "' is empty");
        }
        return result;
    }

    private int[][] singles = new int[64][];

    /** A shared one-element array holding {@code index} (operand arrays are never modified). */
    private int[] single(int index) {
        if (index >= singles.length) {
            singles = Arrays.copyOf(singles, Math.max(index + 1, singles.length * 2));
        }
        int[] s = singles[index];
        if (s == null) {
            s = new int[] {index};
            singles[index] = s;
        }
        return s;
    }

    private int element(int[] indices, long i, String name, String what, int line, int column) {
        long j = i < 0 && v3 ? indices.length + i : i;
        if (j < 0 || j >= indices.length) {
            throw lx.source.error(line, column, "index " + i + " is out of range: '" + name + "' has "
                    + plural(indices.length, what) + " (valid indices 0 to " + (indices.length - 1) + ")");
        }
        return indices[(int) j];
    }

    /** A classical bit operand ({@code c}, {@code c[i]}, a range or set). */
    private int[] bitOperand() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("a classical register name");
        Symbol s = scope.lookup(name);
        if (!(s instanceof Symbol.Bits b)) {
            if (s == null) {
                throw lx.source.error(line, column, "undeclared classical register '" + name + "'"
                        + suggestion(name, false));
            }
            if (s instanceof Symbol.Variable v) {
                throw lx.source.error(line, column, "not supported: measuring into " + article(v.type) + " " + v.type
                        + " variable (run-time classical computation)");
            }
            throw lx.source.error(line, column, "'" + name + "' is not a classical bit or register");
        }
        if (lx.kind != TokenKind.LBRACKET) {
            return b.indices();
        }
        if (b.single()) {
            throw lx.error("'" + name + "' is a single bit and cannot be indexed");
        }
        return select(b.indices(), name, "bit");
    }

    private String suggestion(String name, boolean quantum) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Scope s = scope; s != null; s = s.parent()) {
            // Only the global scope's names are worth suggesting; walk to it.
            if (s.parent() == null) {
                for (QuantumRegister r : quantum ? quantumRegisters : List.<QuantumRegister>of()) {
                    int d = distance(name, r.name());
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = r.name();
                    }
                }
                for (ClassicalRegister r : quantum ? List.<ClassicalRegister>of() : classicalRegisters) {
                    int d = distance(name, r.name());
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = r.name();
                    }
                }
            }
        }
        return best != null && bestDistance <= Math.max(1, name.length() / 3) && bestDistance < name.length()
                ? " (did you mean '" + best + "'?)" : "";
    }

    // ------------------------------------------------------------------ measure, reset, barrier

    private void measureArrow() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        lx.next();
        int[] qubits = qubitOperand();
        if (lx.kind != TokenKind.ARROW) {
            throw lx.error("expected '->' after the measured qubits, found " + found());
        }
        lx.next();
        int targetLine = lx.tokenLine;
        int targetColumn = lx.tokenColumn;
        int[] bits = bitOperand();
        expectSemicolon();
        measure(qubits, bits, line, column, targetLine, targetColumn);
    }

    /** {@code measure q} after {@code c =}: measures into {@code target}. */
    private void measureInto(int[] target, int line, int column) {
        lx.next(); // measure
        int[] qubits = qubitOperand();
        measure(qubits, target, line, column, line, column);
    }

    private void measure(int[] qubits, int[] bits, int line, int column, int targetLine, int targetColumn) {
        if (qubits.length != bits.length) {
            throw lx.source.error(targetLine, targetColumn, "register size mismatch: measuring " + plural(qubits.length, "qubit")
                    + " into " + plural(bits.length, "bit"));
        }
        if (inGateBody) {
            throw lx.source.error(line, column, "'measure' is not allowed in a gate body");
        }
        if (dead > 0) {
            return;
        }
        for (int i = 0; i < qubits.length; i++) {
            out.add(new Measure(qubits[i], bits[i]));
            bitState[bits[i]] = BIT_RUNTIME;
        }
    }

    private void reset() {
        lx.next();
        int[] qubits = qubitOperand();
        expectSemicolon();
        if (dead > 0) {
            return;
        }
        for (int q : qubits) {
            out.add(new Reset(q));
        }
    }

    private void barrier() {
        lx.next();
        Set<Integer> qubits = new LinkedHashSet<>();
        if (lx.kind == TokenKind.SEMICOLON && v3 && !inGateBody) {
            for (int q = 0; q < numQubits; q++) {
                qubits.add(q);
            }
        } else {
            for (int q : qubitOperand()) {
                qubits.add(q);
            }
            while (lx.kind == TokenKind.COMMA) {
                lx.next();
                for (int q : qubitOperand()) {
                    qubits.add(q);
                }
            }
        }
        expectSemicolon();
        if (dead == 0) {
            out.add(new Barrier(new ArrayList<>(qubits)));
        }
    }

    // ------------------------------------------------------------------ classical assignment

    private void assignment() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = lx.text();
        Symbol s = scope.lookup(name);
        if (s instanceof Symbol.Bits) {
            int[] target = bitOperand();
            if (lx.kind != TokenKind.EQUALS) {
                if (lx.kind == TokenKind.COMPOUND_ASSIGN) {
                    throw unsupported("compound assignment to classical bits");
                }
                throw lx.error("expected '=' after '" + name + "', found " + found());
            }
            lx.next();
            if (lx.is("measure")) {
                measureInto(target, line, column);
                expectSemicolon();
                return;
            }
            int vLine = lx.tokenLine;
            int vColumn = lx.tokenColumn;
            if (lx.kind == TokenKind.IDENTIFIER && scope.lookup(lx.text()) instanceof Symbol.Subroutine sub) {
                lx.next();
                call(sub, target, vLine, vColumn);
                expectSemicolon();
                return;
            }
            Value v = expression();
            expectSemicolon();
            assignBits(target, v, vLine, vColumn);
            return;
        }
        Symbol.Variable var = (Symbol.Variable) s;
        lx.next();
        Integer bitIndex = null;
        if (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            int l = lx.tokenLine;
            int c = lx.tokenColumn;
            bitIndex = (int) asLong(expression(), l, c, "a bit index");
            expect(TokenKind.RBRACKET);
        }
        TokenKind op = lx.kind;
        String opText = lx.text();
        if (op != TokenKind.EQUALS && op != TokenKind.COMPOUND_ASSIGN) {
            throw lx.error("expected '=' after '" + name + "', found " + found());
        }
        lx.next();
        if (var.constant) {
            throw lx.source.error(line, column, "cannot assign to constant '" + name + "'");
        }
        if (lx.is("measure")) {
            throw unsupported("measuring into a " + var.type + " variable (run-time classical computation)");
        }
        int vLine = lx.tokenLine;
        int vColumn = lx.tokenColumn;
        if (lx.kind == TokenKind.IDENTIFIER && scope.lookup(lx.text()) instanceof Symbol.Subroutine) {
            throw lx.error("not supported: a subroutine result assigned to a " + var.type + " variable");
        }
        Value v = expression();
        expectSemicolon();
        if (v instanceof Value.RuntimeBits || v instanceof Value.Test) {
            throw lx.source.error(vLine, vColumn, "not supported: classical computation on measurement results");
        }
        if (op == TokenKind.COMPOUND_ASSIGN) {
            String operator = opText.substring(0, opText.length() - 1);
            Value left = var.value;
            if (left instanceof Value.Array array && bitIndex != null && bitIndex >= 0 && bitIndex < array.elements().size()) {
                left = array.elements().get(bitIndex);
            }
            v = binary(operator, left, v, vLine, vColumn);
        }
        if (bitIndex != null && var.value instanceof Value.Array array) {
            if (bitIndex < 0 || bitIndex >= array.elements().size()) {
                throw lx.source.error(vLine, vColumn, "index " + bitIndex + " is out of range: array '" + name + "' has "
                        + plural(array.elements().size(), "element"));
            }
            List<Value> elements = new ArrayList<>(array.elements());
            elements.set(bitIndex, convert(v, array.elementType(), array.elementWidth(), vLine, vColumn));
            v = new Value.Array(array.elementType(), array.elementWidth(), elements);
        } else if (var.value instanceof Value.Array array) {
            if (!(v instanceof Value.Array other) || other.elements().size() != array.elements().size()) {
                throw lx.source.error(vLine, vColumn, "expected an array of " + array.elements().size()
                        + " elements, found " + describe(v));
            }
        } else if (bitIndex != null) {
            long old = asLong(var.value, vLine, vColumn, "an integer");
            long bit = asBool(v, vLine, vColumn) ? 1 : 0;
            v = new Value.Int(old & ~(1L << bitIndex) | bit << bitIndex);
        }
        if (dead > 0) {
            return;
        }
        if (runtimeDepth > 0) {
            throw lx.source.error(line, column, "not supported: assigning classical variable '" + name
                    + "' inside a branch or loop decided at run time");
        }
        var.value = var.value instanceof Value.Array ? v : convert(v, var.type, var.width, vLine, vColumn);
    }

    /** Assigns a value known at parse time to classical bits. */
    private void assignBits(int[] target, Value v, int line, int column) {
        if (v instanceof Value.RuntimeBits || v instanceof Value.Test) {
            throw lx.source.error(line, column, "not supported: copying measurement results between classical bits");
        }
        long bits;
        if (v instanceof Value.Bits b) {
            bits = b.value();
        } else if (v instanceof Value.Bool b) {
            bits = b.value() ? 1 : 0;
        } else {
            bits = asLong(v, line, column, "a bit value");
        }
        if (dead > 0) {
            return;
        }
        if (runtimeDepth > 0) {
            throw lx.source.error(line, column, "not supported: assigning classical bits inside a branch or loop decided at run time");
        }
        for (int i = 0; i < target.length; i++) {
            boolean one = i < 64 && (bits >> i & 1) != 0;
            if (bitState[target[i]] == BIT_RUNTIME) {
                throw lx.source.error(line, column, "not supported: overwriting a measured bit with a constant");
            }
            bitState[target[i]] = one ? BIT_ONE : BIT_ZERO;
        }
    }

    // ------------------------------------------------------------------ control flow

    private void ifStatement() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        lx.next();
        expect(TokenKind.LPAREN);
        int cLine = lx.tokenLine;
        int cColumn = lx.tokenColumn;
        Value cond;
        if (!v3) {
            // OpenQASM 2: if (creg == n) op;
            int[] bits = bitOperandWhole();
            if (lx.kind != TokenKind.EQ) {
                throw lx.error("expected '==' in an OpenQASM 2 condition, found " + found());
            }
            lx.next();
            int vLine = lx.tokenLine;
            int vColumn = lx.tokenColumn;
            if (lx.kind != TokenKind.INTEGER) {
                throw lx.error("expected an integer after '==', found " + found());
            }
            long value = asLong(expression(), vLine, vColumn, "an integer");
            cond = compare(new Value.RuntimeBits(toList(bits), false), "==", new Value.Int(value), cLine, cColumn);
        } else {
            cond = expression();
        }
        expect(TokenKind.RPAREN);
        if (!v3) {
            List<Instruction> saved = out;
            out = new ArrayList<>();
            runtimeDepth++;
            try {
                if (!(lx.is("measure") || lx.is("reset")) && (lx.is("if") || lx.is("barrier") || lx.is("gate")
                        || lx.is("opaque") || lx.is("qreg") || lx.is("creg") || lx.is("include"))) {
                    throw lx.error("expected a gate, measure or reset after the condition, found " + found());
                }
                statement();
            } finally {
                runtimeDepth--;
                List<Instruction> body = out;
                out = saved;
                Condition c = ((Value.Test) cond).condition();
                if (dead == 0) {
                    for (Instruction i : body) {
                        out.add(IfElse.guard(c, i));
                    }
                }
            }
            return;
        }
        if (known(cond)) {
            boolean take = asBool(cond, cLine, cColumn);
            if (!take) {
                dead++;
            }
            try {
                body();
            } finally {
                if (!take) {
                    dead--;
                }
            }
            if (lx.is("else")) {
                lx.next();
                if (take) {
                    dead++;
                }
                try {
                    body();
                } finally {
                    if (take) {
                        dead--;
                    }
                }
            }
            return;
        }
        Condition c = condition(cond, cLine, cColumn);
        List<Instruction> saved = out;
        List<Instruction> thenBody = new ArrayList<>();
        List<Instruction> elseBody = new ArrayList<>();
        runtimeDepth++;
        try {
            out = thenBody;
            body();
            if (lx.is("else")) {
                lx.next();
                out = elseBody;
                body();
            }
        } finally {
            runtimeDepth--;
            out = saved;
        }
        if (dead == 0) {
            out.add(new IfElse(c, thenBody, elseBody));
        }
    }

    /** A whole classical register, as OpenQASM 2 conditions require. */
    private int[] bitOperandWhole() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        String name = identifier("a classical register name");
        Symbol s = scope.lookup(name);
        if (!(s instanceof Symbol.Bits b)) {
            throw lx.source.error(line, column, s == null ? "undeclared classical register '" + name + "'"
                    + suggestion(name, false) : "'" + name + "' is not a classical register");
        }
        if (lx.kind == TokenKind.LBRACKET) {
            throw lx.error("an OpenQASM 2 condition tests a whole register: expected '==' after '" + name + "'");
        }
        return b.indices();
    }

    private void whileStatement() {
        lx.next();
        expect(TokenKind.LPAREN);
        Lexer.Mark conditionMark = lx.mark();
        for (int iteration = 0; ; iteration++) {
            int cLine = lx.tokenLine;
            int cColumn = lx.tokenColumn;
            Value cond = expression();
            expect(TokenKind.RPAREN);
            if (known(cond) && dead == 0) {
                boolean go = asBool(cond, cLine, cColumn);
                if (!go) {
                    dead++;
                    try {
                        body();
                    } finally {
                        dead--;
                    }
                    return;
                }
                countIteration();
                if (iteration >= MAX_ITERATIONS) {
                    throw lx.source.error(cLine, cColumn, "the loop runs more than " + MAX_ITERATIONS + " times at parse time");
                }
                body();
                lx.reset(conditionMark);
                continue;
            }
            if (known(cond)) {
                body(); // dead code: read once
                return;
            }
            Condition c = condition(cond, cLine, cColumn);
            List<Instruction> saved = out;
            List<Instruction> loopBody = new ArrayList<>();
            runtimeDepth++;
            try {
                out = loopBody;
                body();
            } finally {
                runtimeDepth--;
                out = saved;
            }
            if (dead == 0) {
                out.add(new WhileLoop(c, loopBody));
            }
            return;
        }
    }

    private void forStatement() {
        lx.next();
        String type = null;
        if (lx.kind == TokenKind.IDENTIFIER && (lx.is("int") || lx.is("uint") || lx.is("float") || lx.is("angle")
                || lx.is("bit") || lx.is("bool"))) {
            type = lx.text();
            lx.next();
            if (lx.kind == TokenKind.LBRACKET) {
                lx.next();
                sizeDesignatorBody();
            }
        }
        String var = identifier("a loop variable name");
        if (!lx.is("in")) {
            throw lx.error("expected 'in' after the loop variable, found " + found());
        }
        lx.next();
        List<Value> values = new ArrayList<>();
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        if (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            long first = asLong(expression(), line, column, "a range bound");
            expect(TokenKind.COLON);
            long step = 1;
            long last = asLong(expression(), line, column, "a range bound");
            if (lx.kind == TokenKind.COLON) {
                lx.next();
                step = last;
                last = asLong(expression(), line, column, "a range bound");
            }
            expect(TokenKind.RBRACKET);
            if (step == 0) {
                throw lx.source.error(line, column, "a range step cannot be 0");
            }
            for (long i = first; step > 0 ? i <= last : i >= last; i += step) {
                if (values.size() >= MAX_ITERATIONS) {
                    throw lx.source.error(line, column, "the loop runs more than " + MAX_ITERATIONS + " times");
                }
                values.add(new Value.Int(i));
            }
        } else if (lx.kind == TokenKind.LBRACE) {
            lx.next();
            for (;;) {
                int l = lx.tokenLine;
                int c = lx.tokenColumn;
                Value v = expression();
                if (!known(v)) {
                    throw lx.source.error(l, c, "not supported: a loop over values known only at run time");
                }
                values.add(v);
                if (lx.kind != TokenKind.COMMA) {
                    break;
                }
                lx.next();
            }
            expect(TokenKind.RBRACE);
        } else if (lx.kind == TokenKind.IDENTIFIER && scope.lookup(lx.text()) instanceof Symbol.Variable v
                && v.value instanceof Value.Array array) {
            lx.next();
            values.addAll(array.elements());
        } else {
            throw unsupported("for loops over registers (only ranges [a:b], [a:s:b], sets {...} and arrays)");
        }
        Lexer.Mark bodyMark = lx.mark();
        String varType = type == null ? "int" : type;
        if (values.isEmpty() || dead > 0) {
            dead++;
            try {
                loopIteration(var, varType, new Value.Int(0));
            } finally {
                dead--;
            }
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                lx.reset(bodyMark);
            }
            loopIteration(var, varType, values.get(i));
        }
    }

    private void countIteration() {
        if (++unrolled > MAX_UNROLLED) {
            throw lx.error("the program unrolls more than " + MAX_UNROLLED + " loop iterations while being read");
        }
    }

    private void loopIteration(String var, String type, Value value) {
        countIteration();
        Scope saved = scope;
        scope = new Scope(scope);
        try {
            scope.declare(var, new Symbol.Variable(var, type, -1, false, value), lx.tokenLine);
            body();
        } finally {
            scope = saved;
        }
    }

    // ------------------------------------------------------------------ subroutines

    private void subroutineDefinition() {
        int line = lx.tokenLine;
        lx.next();
        int nameLine = lx.tokenLine;
        int nameColumn = lx.tokenColumn;
        String name = identifier("a subroutine name after def");
        if (scope != global) {
            throw lx.source.error(nameLine, nameColumn, "subroutines must be defined at the top level");
        }
        checkNotDeclared(name, nameLine, nameColumn);
        checkGateName(name, nameLine, nameColumn);
        expect(TokenKind.LPAREN);
        List<Symbol.Parameter> params = new ArrayList<>();
        if (lx.kind != TokenKind.RPAREN) {
            params.add(subroutineParameter());
            while (lx.kind == TokenKind.COMMA) {
                lx.next();
                params.add(subroutineParameter());
            }
        }
        expect(TokenKind.RPAREN);
        String returnType = null;
        if (lx.kind == TokenKind.ARROW) {
            lx.next();
            if (!lx.is("bit")) {
                throw unsupported("subroutines returning '" + (lx.kind == TokenKind.IDENTIFIER ? lx.text() : found())
                        + "' (only bit results)");
            }
            lx.next();
            int size = 1;
            if (lx.kind == TokenKind.LBRACKET) {
                lx.next();
                size = sizeDesignatorBody();
            }
            returnType = "bit[" + size + "]";
        }
        if (lx.kind != TokenKind.LBRACE) {
            throw lx.error("expected '{' to start the body of subroutine " + name + ", found " + found());
        }
        Symbol.Subroutine sub = new Symbol.Subroutine(name, params, returnType, lx.mark(), lx, line);
        // Read the body once now, with placeholder arguments, to check it and to move past it.
        dead++;
        try {
            inline(sub, placeholders(params), null, true);
        } finally {
            dead--;
        }
        global.declare(name, sub, line);
    }

    private List<Object> placeholders(List<Symbol.Parameter> params) {
        List<Object> args = new ArrayList<>();
        for (Symbol.Parameter p : params) {
            if (p.quantum()) {
                int[] q = new int[p.size()];
                for (int i = 0; i < q.length; i++) {
                    q[i] = i;
                }
                args.add(q);
            } else {
                args.add(p.type().equals("float") || p.type().equals("angle") ? new Value.Real(0) : new Value.Int(0));
            }
        }
        return args;
    }

    private Symbol.Parameter subroutineParameter() {
        if (lx.is("readonly") || lx.is("mutable") || lx.is("array")) {
            throw unsupported("array arguments");
        }
        if (lx.kind != TokenKind.IDENTIFIER) {
            throw lx.error("expected a parameter type, found " + found());
        }
        String type = lx.text();
        switch (type) {
            case "qubit", "int", "uint", "float", "angle", "bool" -> {
            }
            case "bit", "creg" -> throw unsupported("bit arguments to subroutines");
            case "qreg" -> type = "qubit";
            default -> throw lx.error("expected a parameter type (qubit, int, uint, float, angle, bool), found " + found());
        }
        lx.next();
        int size = 1;
        if (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            int s = sizeDesignatorBody();
            size = type.equals("qubit") ? s : 1;
        }
        String name = identifier("a parameter name");
        return new Symbol.Parameter(name, type, size);
    }

    /** {@code name(args) [qubits...]}, positioned after the name. Returns into {@code target} when not null. */
    private void call(Symbol.Subroutine sub, int[] target, int line, int column) {
        List<Object> args = new ArrayList<>();
        if (lx.kind == TokenKind.LPAREN) {
            lx.next();
            if (lx.kind != TokenKind.RPAREN) {
                args.add(argument(sub, args.size()));
                while (lx.kind == TokenKind.COMMA) {
                    lx.next();
                    args.add(argument(sub, args.size()));
                }
            }
            expect(TokenKind.RPAREN);
        }
        while (lx.kind != TokenKind.SEMICOLON && lx.kind != TokenKind.EOF && args.size() < sub.parameters().size()) {
            if (!args.isEmpty() && lx.kind == TokenKind.COMMA) {
                lx.next();
            }
            args.add(argument(sub, args.size()));
        }
        if (args.size() != sub.parameters().size()) {
            throw lx.source.error(line, column, "subroutine " + sub.name() + " takes " + plural(sub.parameters().size(),
                    "argument") + ", got " + args.size());
        }
        if (target != null && sub.returnType() == null) {
            throw lx.source.error(line, column, "subroutine " + sub.name() + " returns no value");
        }
        if (target != null && !sub.returnType().equals("bit[" + target.length + "]")) {
            throw lx.source.error(line, column, "subroutine " + sub.name() + " returns " + sub.returnType()
                    + " but the target has " + plural(target.length, "bit"));
        }
        if (subroutineDepth > 64) {
            throw lx.source.error(line, column, "subroutine calls nest more than 64 deep (is " + sub.name() + " recursive?)");
        }
        inline(sub, args, target, false);
    }

    private Object argument(Symbol.Subroutine sub, int index) {
        if (index >= sub.parameters().size()) {
            throw lx.error("subroutine " + sub.name() + " takes " + plural(sub.parameters().size(), "argument"));
        }
        Symbol.Parameter p = sub.parameters().get(index);
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        if (p.quantum()) {
            int[] q = qubitOperand();
            if (q.length != p.size()) {
                throw lx.source.error(line, column, "argument " + p.name() + " of " + sub.name() + " needs "
                        + plural(p.size(), "qubit") + ", got " + q.length);
            }
            return q;
        }
        Value v = expression();
        if (!known(v) && !(v instanceof Value.Angle)) {
            throw lx.source.error(line, column, "not supported: passing run-time classical values to a subroutine");
        }
        return convert(v, p.type(), -1, line, column);
    }

    private void inline(Symbol.Subroutine sub, List<Object> args, int[] target, boolean definitionPass) {
        Lexer saved = lx;
        Lexer.Mark resume = definitionPass ? null : lx.mark();
        Scope savedScope = scope;
        ReturnTarget savedReturn = returnTarget;
        scope = new Scope(global);
        for (int i = 0; i < args.size(); i++) {
            Symbol.Parameter p = sub.parameters().get(i);
            if (p.quantum()) {
                scope.declare(p.name(), new Symbol.Qubits(p.name(), (int[]) args.get(i), false, false), sub.line());
            } else {
                scope.declare(p.name(), new Symbol.Variable(p.name(), p.type(), -1, true, (Value) args.get(i)), sub.line());
            }
        }
        returnTarget = new ReturnTarget(target, target == null ? null : returnedName(sub));
        subroutineDepth++;
        lx = sub.lexer();
        if (!definitionPass) {
            lx.reset(sub.body());
        }
        int deadBefore = dead;
        try {
            block();
        } finally {
            dead = deadBefore;
            subroutineDepth--;
            returnTarget = savedReturn;
            scope = savedScope;
            lx = saved;
            if (resume != null) {
                lx.reset(resume);
            }
        }
    }

    /** The name in the subroutine's {@code return NAME;}, found by scanning its body once. */
    private String returnedName(Symbol.Subroutine sub) {
        Lexer scan = new Lexer(sub.lexer().source);
        scan.reset(sub.body());
        int depth = 0;
        String found = null;
        do {
            if (scan.kind == TokenKind.LBRACE) {
                depth++;
            } else if (scan.kind == TokenKind.RBRACE) {
                depth--;
            } else if (scan.is("return")) {
                scan.next();
                if (scan.kind == TokenKind.IDENTIFIER && !scan.is("measure")) {
                    found = scan.text();
                }
            }
            scan.next();
        } while (depth > 0 && scan.kind != TokenKind.EOF);
        return found;
    }

    private void returnStatement() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        if (subroutineDepth == 0) {
            throw lx.error("'return' outside a subroutine");
        }
        lx.next();
        ReturnTarget rt = returnTarget;
        if (lx.kind == TokenKind.SEMICOLON) {
            lx.next();
        } else if (lx.is("measure")) {
            if (rt == null || rt.clbits() == null) {
                if (dead == 0) {
                    throw lx.source.error(line, column, "not supported: discarding a measurement returned by a subroutine");
                }
                lx.next();
                qubitOperand();
            } else {
                measureInto(rt.clbits(), line, column);
            }
            expectSemicolon();
        } else {
            int vLine = lx.tokenLine;
            int vColumn = lx.tokenColumn;
            if (lx.kind == TokenKind.IDENTIFIER && rt != null && rt.clbits() != null && lx.text().equals(rt.localName())
                    && scope.lookup(lx.text()) instanceof Symbol.Bits b && b.indices() == rt.clbits()) {
                lx.next(); // the returned variable already is the caller's bits
            } else {
                Value v = expression();
                if (dead == 0) {
                    if (rt == null || rt.clbits() == null) {
                        throw lx.source.error(vLine, vColumn, "not supported: discarding a value returned by a subroutine");
                    }
                    assignBits(rt.clbits(), v, vLine, vColumn);
                }
            }
            expectSemicolon();
        }
        // Whatever follows a return in the block does not run.
        dead++;
        while (lx.kind != TokenKind.RBRACE && lx.kind != TokenKind.EOF) {
            statement();
        }
    }

    // ------------------------------------------------------------------ expressions

    /** A gate parameter. */
    private Expr angle() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        Value v = expression();
        return switch (v) {
            case Value.Real r -> Expr.constant(r.value());
            case Value.Int i -> Expr.constant(i.value());
            case Value.Angle a -> a.expr();
            case Value.Bool b -> Expr.constant(b.value() ? 1 : 0);
            case Value.Bits b -> Expr.constant(b.value());
            case Value.Array a -> throw lx.source.error(line, column, "expected an angle, found an array");
            default -> throw lx.source.error(line, column, "not supported: a gate parameter computed from measurement results");
        };
    }

    Value expression() {
        return logicalOr();
    }

    private Value logicalOr() {
        Value left = logicalAnd();
        while (lx.kind == TokenKind.OR) {
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            Value right = logicalAnd();
            left = logic(left, right, true, line, column);
        }
        return left;
    }

    private Value logicalAnd() {
        Value left = bitOr();
        while (lx.kind == TokenKind.AND) {
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            Value right = bitOr();
            left = logic(left, right, false, line, column);
        }
        return left;
    }

    private Value logic(Value left, Value right, boolean or, int line, int column) {
        if (known(left) && known(right)) {
            boolean a = asBool(left, line, column);
            boolean b = asBool(right, line, column);
            return new Value.Bool(or ? a || b : a && b);
        }
        if (known(left)) {
            boolean a = asBool(left, line, column);
            return or ? (a ? new Value.Bool(true) : right) : (a ? right : new Value.Bool(false));
        }
        if (known(right)) {
            boolean b = asBool(right, line, column);
            return or ? (b ? new Value.Bool(true) : left) : (b ? left : new Value.Bool(false));
        }
        throw lx.source.error(line, column, "not supported: combining run-time conditions with " + (or ? "||" : "&&"));
    }

    private Value bitOr() {
        Value left = bitXor();
        while (lx.kind == TokenKind.PIPE) {
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            left = binary("|", left, bitXor(), line, column);
        }
        return left;
    }

    private Value bitXor() {
        Value left = bitAnd();
        while (lx.kind == TokenKind.CARET && v3) {
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            left = binary("^", left, bitAnd(), line, column);
        }
        return left;
    }

    private Value bitAnd() {
        Value left = equality();
        while (lx.kind == TokenKind.AMP) {
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            left = binary("&", left, equality(), line, column);
        }
        return left;
    }

    private Value equality() {
        Value left = comparison();
        while (lx.kind == TokenKind.EQ || lx.kind == TokenKind.NE) {
            String op = lx.kind == TokenKind.EQ ? "==" : "!=";
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            left = compare(left, op, comparison(), line, column);
        }
        return left;
    }

    private Value comparison() {
        Value left = shift();
        while (lx.kind == TokenKind.LT || lx.kind == TokenKind.LE || lx.kind == TokenKind.GT || lx.kind == TokenKind.GE) {
            String op = lx.text();
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            left = compare(left, op, shift(), line, column);
        }
        return left;
    }

    private Value shift() {
        Value left = additive();
        while (lx.kind == TokenKind.SHL || lx.kind == TokenKind.SHR) {
            String op = lx.kind == TokenKind.SHL ? "<<" : ">>";
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            left = binary(op, left, additive(), line, column);
        }
        return left;
    }

    private Value additive() {
        Value left = multiplicative();
        while (lx.kind == TokenKind.PLUS || lx.kind == TokenKind.MINUS) {
            String op = lx.kind == TokenKind.PLUS ? "+" : "-";
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            left = binary(op, left, multiplicative(), line, column);
        }
        return left;
    }

    private Value multiplicative() {
        Value left = unary();
        while (lx.kind == TokenKind.STAR || lx.kind == TokenKind.SLASH || lx.kind == TokenKind.PERCENT) {
            String op = lx.kind == TokenKind.STAR ? "*" : lx.kind == TokenKind.SLASH ? "/" : "%";
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            left = binary(op, left, unary(), line, column);
        }
        return left;
    }

    private Value unary() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        switch (lx.kind) {
            case MINUS -> {
                lx.next();
                Value v = unary();
                return switch (v) {
                    case Value.Int i -> new Value.Int(-i.value());
                    case Value.Real r -> new Value.Real(-r.value());
                    case Value.Angle a -> new Value.Angle(a.expr().negate());
                    default -> throw lx.source.error(line, column, "cannot negate " + describe(v));
                };
            }
            case PLUS -> {
                lx.next();
                return unary();
            }
            case BANG -> {
                lx.next();
                Value v = unary();
                if (known(v)) {
                    return new Value.Bool(!asBool(v, line, column));
                }
                return new Value.Test(negate(condition(v, line, column)));
            }
            case TILDE -> {
                lx.next();
                Value v = unary();
                return switch (v) {
                    case Value.Bits b -> new Value.Bits(~b.value() & mask(b.width()), b.width());
                    case Value.Int i -> new Value.Int(~i.value());
                    case Value.Bool b -> new Value.Bool(!b.value());
                    case Value.RuntimeBits r when r.single() -> new Value.Test(Condition.bit(r.clbits().get(0), false));
                    default -> throw lx.source.error(line, column, "not supported: '~' on " + describe(v));
                };
            }
            default -> {
                return power();
            }
        }
    }

    private Value power() {
        Value base = postfix();
        if (lx.kind == TokenKind.POWER || lx.kind == TokenKind.CARET && !v3) {
            int line = lx.tokenLine;
            int column = lx.tokenColumn;
            lx.next();
            Value exponent = unary(); // right-associative, binds tighter than unary minus on its left
            return binary("**", base, exponent, line, column);
        }
        return base;
    }

    private Value postfix() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        Value v = primary();
        while (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            int l = lx.tokenLine;
            int c = lx.tokenColumn;
            long index = asLong(expression(), l, c, "an index");
            expect(TokenKind.RBRACKET);
            v = switch (v) {
                case Value.Array a -> {
                    long j = index < 0 ? a.elements().size() + index : index;
                    if (j < 0 || j >= a.elements().size()) {
                        throw lx.source.error(l, c, "index " + index + " is out of range: the array has "
                                + plural(a.elements().size(), "element"));
                    }
                    yield a.elements().get((int) j);
                }
                case Value.Int i -> new Value.Bits(bitOf(i.value(), index, l, c), 1);
                case Value.Bits b -> {
                    if (index < 0 || index >= b.width()) {
                        throw lx.source.error(l, c, "index " + index + " is out of range: the value has "
                                + plural(b.width(), "bit"));
                    }
                    yield new Value.Bits(b.value() >> index & 1, 1);
                }
                default -> throw lx.source.error(line, column, "cannot index " + describe(v));
            };
        }
        return v;
    }

    private long bitOf(long value, long index, int line, int column) {
        if (index < 0 || index > 63) {
            throw lx.source.error(line, column, "bit index " + index + " is out of range 0 to 63");
        }
        return value >> index & 1;
    }

    private Value primary() {
        int line = lx.tokenLine;
        int column = lx.tokenColumn;
        switch (lx.kind) {
            case INTEGER -> {
                long v = lx.integerValue();
                if (v >= 0) {
                    lx.next();
                    return new Value.Int(v);
                }
                String t = lx.text().replace("_", "");
                lx.next();
                return new Value.Real(Double.parseDouble(t));
            }
            case REAL -> {
                double d = Double.parseDouble(lx.text().replace("_", ""));
                lx.next();
                return new Value.Real(d);
            }
            case STRING -> {
                String t = lx.text();
                String digits = t.substring(1, t.length() - 1).replace("_", "");
                if (digits.isEmpty() || digits.length() > 63 || !digits.chars().allMatch(ch -> ch == '0' || ch == '1')) {
                    throw lx.error("expected a bit string such as \"0101\", found " + t);
                }
                lx.next();
                return new Value.Bits(Long.parseLong(digits, 2), digits.length());
            }
            case DURATION -> throw unsupported("durations (timing)");
            case LPAREN -> {
                lx.next();
                Value v = expression();
                expect(TokenKind.RPAREN);
                return v;
            }
            case HARDWARE_QUBIT -> throw unsupported("physical qubits ($n)");
            case IDENTIFIER -> {
                return identifierValue(line, column);
            }
            default -> throw lx.error("expected an expression, found " + found());
        }
    }

    private Value identifierValue(int line, int column) {
        String name = lx.text();
        Symbol s = scope.lookup(name);
        if (s == null) {
            switch (name) {
                case "pi", "π" -> {
                    lx.next();
                    return new Value.Real(Math.PI);
                }
                case "tau", "τ" -> {
                    if (v3) {
                        lx.next();
                        return new Value.Real(2 * Math.PI);
                    }
                }
                case "euler", "ℇ" -> {
                    if (v3) {
                        lx.next();
                        return new Value.Real(Math.E);
                    }
                }
                case "true", "false" -> {
                    if (v3) {
                        lx.next();
                        return new Value.Bool(name.equals("true"));
                    }
                }
                case "sin", "cos", "tan", "exp", "ln", "sqrt", "arcsin", "arccos", "arctan", "asin", "acos", "atan" -> {
                    lx.next();
                    return function(name, line, column);
                }
                case "int", "uint", "float", "angle", "bool", "bit" -> {
                    if (v3) {
                        lx.next();
                        return cast(name, line, column);
                    }
                }
                case "measure" -> throw lx.error("'measure' can only be assigned to bits: expected c = measure q;");
                case "sizeof" -> {
                    lx.next();
                    expect(TokenKind.LPAREN);
                    int l = lx.tokenLine;
                    int c = lx.tokenColumn;
                    Value v = expression();
                    if (lx.kind == TokenKind.COMMA) {
                        lx.next();
                        long dimension = asLong(expression(), l, c, "a dimension");
                        if (dimension != 0) {
                            throw lx.source.error(l, c, "not supported: multi-dimensional arrays");
                        }
                    }
                    expect(TokenKind.RPAREN);
                    if (!(v instanceof Value.Array a)) {
                        throw lx.source.error(l, c, "sizeof needs an array, found " + describe(v));
                    }
                    return new Value.Int(a.elements().size());
                }
                case "durationof" -> throw unsupported("durationof (timing)");
                case "mod", "popcount", "rotl", "rotr", "real", "imag", "ceiling", "floor", "log" -> {
                    throw unsupported("the built-in function " + name);
                }
                default -> {
                }
            }
            throw lx.error("undeclared identifier '" + name + "'");
        }
        lx.next();
        return switch (s) {
            case Symbol.Variable v -> v.value;
            case Symbol.Bits b -> bitsValue(b, line, column);
            case Symbol.Qubits q -> throw lx.source.error(line, column, "'" + name
                    + "' is a qubit register: expected a classical value");
            case Symbol.Subroutine sub -> throw lx.source.error(line, column, "not supported: calling subroutine '" + name
                    + "' inside an expression (assign its result to bits: c = " + name + "(...);)");
        };
    }

    /** A classical register (or an indexed part) as a value: known bits, or a run-time reference. */
    private Value bitsValue(Symbol.Bits b, int line, int column) {
        int[] indices = b.indices();
        boolean single = b.single();
        if (lx.kind == TokenKind.LBRACKET) {
            if (b.single()) {
                throw lx.error("'" + b.name() + "' is a single bit and cannot be indexed");
            }
            indices = select(indices, b.name(), "bit");
            single = indices.length == 1;
        }
        if (dead > 0) {
            return new Value.RuntimeBits(toList(indices), single);
        }
        boolean anyOne = false;
        boolean anyRuntime = false;
        long value = 0;
        for (int i = 0; i < indices.length; i++) {
            byte state = bitState[indices[i]];
            anyOne |= state == BIT_ONE;
            anyRuntime |= state == BIT_RUNTIME;
            if (state == BIT_ONE && i < 64) {
                value |= 1L << i;
            }
        }
        if (anyOne && anyRuntime) {
            throw lx.source.error(line, column, "not supported: bits of '" + b.name()
                    + "' mix values set at parse time and measurement results");
        }
        if (anyOne) {
            return new Value.Bits(value, indices.length);
        }
        return new Value.RuntimeBits(toList(indices), single);
    }

    private Value function(String name, int line, int column) {
        expect(TokenKind.LPAREN);
        Value arg = expression();
        expect(TokenKind.RPAREN);
        Expr.Function f = switch (name) {
            case "sin" -> Expr.Function.SIN;
            case "cos" -> Expr.Function.COS;
            case "tan" -> Expr.Function.TAN;
            case "exp" -> Expr.Function.EXP;
            case "ln" -> Expr.Function.LN;
            case "sqrt" -> Expr.Function.SQRT;
            case "arcsin", "asin" -> Expr.Function.ASIN;
            case "arccos", "acos" -> Expr.Function.ACOS;
            default -> Expr.Function.ATAN;
        };
        if (arg instanceof Value.Angle a) {
            return new Value.Angle(Expr.call(f, a.expr()));
        }
        double x = asDouble(arg, line, column, "a number");
        return new Value.Real(Expr.call(f, Expr.constant(x)).value());
    }

    /** {@code type[n](value)} or {@code type(value)}, positioned after the type name. */
    private Value cast(String type, int line, int column) {
        int width = -1;
        if (lx.kind == TokenKind.LBRACKET) {
            lx.next();
            width = sizeDesignatorBody();
        }
        expect(TokenKind.LPAREN);
        int vLine = lx.tokenLine;
        int vColumn = lx.tokenColumn;
        Value v = expression();
        expect(TokenKind.RPAREN);
        if (v instanceof Value.RuntimeBits r) {
            if (type.equals("bool")) {
                return new Value.Test(new Condition(r.clbits(), Condition.Comparison.NOT_EQUAL, 0));
            }
            if (type.equals("int") || type.equals("uint") || type.equals("bit")) {
                if (width > 0 && width != r.clbits().size()) {
                    throw lx.source.error(vLine, vColumn, "not supported: casting " + plural(r.clbits().size(), "bit")
                            + " to " + type + "[" + width + "]");
                }
                return new Value.RuntimeBits(r.clbits(), false);
            }
            throw lx.source.error(line, column, "not supported: " + type + " of measurement results");
        }
        return convert(v, type, width, vLine, vColumn);
    }

    // ------------------------------------------------------------------ value arithmetic

    private Value binary(String op, Value a, Value b, int line, int column) {
        if (a instanceof Value.RuntimeBits || a instanceof Value.Test || b instanceof Value.RuntimeBits
                || b instanceof Value.Test) {
            throw lx.source.error(line, column, "not supported: classical computation on measurement results ('" + op + "')");
        }
        if (a instanceof Value.Angle || b instanceof Value.Angle) {
            Expr x = toExpr(a, line, column);
            Expr y = toExpr(b, line, column);
            Expr.Operator o = switch (op) {
                case "+" -> Expr.Operator.ADD;
                case "-" -> Expr.Operator.SUBTRACT;
                case "*" -> Expr.Operator.MULTIPLY;
                case "/" -> Expr.Operator.DIVIDE;
                case "**" -> Expr.Operator.POWER;
                default -> throw lx.source.error(line, column, "operator '" + op + "' cannot take a symbolic parameter");
            };
            return new Value.Angle(Expr.binary(o, x, y));
        }
        boolean integers = isInteger(a) && isInteger(b);
        switch (op) {
            case "+", "-", "*", "/", "%", "**" -> {
                if (integers && !op.equals("/") && !(op.equals("**") && asLong(b, line, column, "") < 0)) {
                    long x = asLong(a, line, column, "an integer");
                    long y = asLong(b, line, column, "an integer");
                    return new Value.Int(switch (op) {
                        case "+" -> x + y;
                        case "-" -> x - y;
                        case "*" -> x * y;
                        case "%" -> {
                            if (y == 0) {
                                throw lx.source.error(line, column, "division by zero");
                            }
                            yield x % y;
                        }
                        default -> (long) Math.pow(x, y);
                    });
                }
                double x = asDouble(a, line, column, "a number");
                double y = asDouble(b, line, column, "a number");
                return new Value.Real(switch (op) {
                    case "+" -> x + y;
                    case "-" -> x - y;
                    case "*" -> x * y;
                    case "/" -> x / y;
                    case "%" -> x % y;
                    default -> Math.pow(x, y);
                });
            }
            case "<<", ">>", "&", "|", "^" -> {
                if (a instanceof Value.Bool x && b instanceof Value.Bool y) {
                    return new Value.Bool(switch (op) {
                        case "&" -> x.value() & y.value();
                        case "|" -> x.value() | y.value();
                        case "^" -> x.value() ^ y.value();
                        default -> throw lx.source.error(line, column, "cannot shift a boolean");
                    });
                }
                long x = asLong(a, line, column, "an integer");
                long y = asLong(b, line, column, "an integer");
                long r = switch (op) {
                    case "<<" -> x << y;
                    case ">>" -> x >> y;
                    case "&" -> x & y;
                    case "|" -> x | y;
                    default -> x ^ y;
                };
                if (a instanceof Value.Bits bits) {
                    return new Value.Bits(r & mask(bits.width()), bits.width());
                }
                return new Value.Int(r);
            }
            default -> throw lx.source.error(line, column, "unknown operator '" + op + "'");
        }
    }

    private Value compare(Value a, String op, Value b, int line, int column) {
        if (known(a) && known(b)) {
            if (a instanceof Value.Bool || b instanceof Value.Bool) {
                boolean x = asBool(a, line, column);
                boolean y = asBool(b, line, column);
                return new Value.Bool(switch (op) {
                    case "==" -> x == y;
                    case "!=" -> x != y;
                    default -> throw lx.source.error(line, column, "cannot order booleans with " + op);
                });
            }
            double x = asDouble(a, line, column, "a number");
            double y = asDouble(b, line, column, "a number");
            return new Value.Bool(switch (op) {
                case "==" -> x == y;
                case "!=" -> x != y;
                case "<" -> x < y;
                case "<=" -> x <= y;
                case ">" -> x > y;
                default -> x >= y;
            });
        }
        Condition.Comparison cmp = switch (op) {
            case "==" -> Condition.Comparison.EQUAL;
            case "!=" -> Condition.Comparison.NOT_EQUAL;
            case "<" -> Condition.Comparison.LESS;
            case "<=" -> Condition.Comparison.LESS_OR_EQUAL;
            case ">" -> Condition.Comparison.GREATER;
            default -> Condition.Comparison.GREATER_OR_EQUAL;
        };
        if (b instanceof Value.RuntimeBits && known(a)) {
            Value t = a;
            a = b;
            b = t;
            cmp = switch (cmp) {
                case LESS -> Condition.Comparison.GREATER;
                case LESS_OR_EQUAL -> Condition.Comparison.GREATER_OR_EQUAL;
                case GREATER -> Condition.Comparison.LESS;
                case GREATER_OR_EQUAL -> Condition.Comparison.LESS_OR_EQUAL;
                default -> cmp;
            };
        }
        if (a instanceof Value.RuntimeBits r && known(b)) {
            long value = b instanceof Value.Bool bool ? (bool.value() ? 1 : 0) : asLong(b, line, column, "an integer");
            if (value < 0) {
                throw lx.source.error(line, column, "not supported: comparing measurement results with a negative number");
            }
            if (r.clbits().size() > 63) {
                throw lx.source.error(line, column, "not supported: conditions on more than 63 bits");
            }
            return new Value.Test(new Condition(r.clbits(), cmp, value));
        }
        throw lx.source.error(line, column, "not supported: comparing " + describe(a) + " with " + describe(b));
    }

    private Condition condition(Value v, int line, int column) {
        return switch (v) {
            case Value.Test t -> t.condition();
            case Value.RuntimeBits r -> new Condition(r.clbits(), Condition.Comparison.NOT_EQUAL, 0);
            default -> throw lx.source.error(line, column, "expected a condition, found " + describe(v));
        };
    }

    private static Condition negate(Condition c) {
        Condition.Comparison n = switch (c.comparison()) {
            case EQUAL -> Condition.Comparison.NOT_EQUAL;
            case NOT_EQUAL -> Condition.Comparison.EQUAL;
            case LESS -> Condition.Comparison.GREATER_OR_EQUAL;
            case LESS_OR_EQUAL -> Condition.Comparison.GREATER;
            case GREATER -> Condition.Comparison.LESS_OR_EQUAL;
            case GREATER_OR_EQUAL -> Condition.Comparison.LESS;
        };
        // A single bit: prefer "== 0" to "!= 1".
        if (c.clbits().size() == 1 && n == Condition.Comparison.NOT_EQUAL && c.value() <= 1) {
            return new Condition(c.clbits(), Condition.Comparison.EQUAL, 1 - c.value());
        }
        return new Condition(c.clbits(), n, c.value());
    }

    /** Converts a value to a declared type (truncating, masking to the width). */
    private Value convert(Value v, String type, int width, int line, int column) {
        if (v instanceof Value.RuntimeBits || v instanceof Value.Test) {
            throw lx.source.error(line, column, "not supported: classical computation on measurement results");
        }
        switch (type) {
            case "float", "angle" -> {
                if (v instanceof Value.Angle) {
                    return v;
                }
                return new Value.Real(asDouble(v, line, column, "a number"));
            }
            case "bool" -> {
                return new Value.Bool(asBool(v, line, column));
            }
            case "bit" -> {
                int w = width < 0 ? 1 : width;
                long x = v instanceof Value.Bool b ? (b.value() ? 1 : 0) : asLong(v, line, column, "an integer");
                return new Value.Bits(x & mask(w), w);
            }
            case "uint" -> {
                long x = (long) asDouble(v, line, column, "a number");
                return new Value.Int(width > 0 && width < 64 ? x & mask(width) : x);
            }
            default -> {
                long x = v instanceof Value.Bool b ? (b.value() ? 1 : 0) : (long) asDouble(v, line, column, "a number");
                if (width > 0 && width < 64) {
                    long m = mask(width);
                    x &= m;
                    if ((x >> (width - 1) & 1) != 0) {
                        x |= ~m; // sign-extend
                    }
                }
                return new Value.Int(x);
            }
        }
    }

    private static long mask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    private static boolean known(Value v) {
        return v instanceof Value.Int || v instanceof Value.Real || v instanceof Value.Bool || v instanceof Value.Bits;
    }

    private static boolean isInteger(Value v) {
        return v instanceof Value.Int || v instanceof Value.Bits || v instanceof Value.Bool;
    }

    private Expr toExpr(Value v, int line, int column) {
        return switch (v) {
            case Value.Angle a -> a.expr();
            default -> Expr.constant(asDouble(v, line, column, "a number"));
        };
    }

    private long asLong(Value v, int line, int column, String what) {
        return switch (v) {
            case Value.Int i -> i.value();
            case Value.Bits b -> b.value();
            case Value.Bool b -> b.value() ? 1 : 0;
            case Value.Real r -> {
                if (r.value() != Math.rint(r.value())) {
                    throw lx.source.error(line, column, "expected " + (what.isEmpty() ? "an integer" : what)
                            + ", found " + format(r.value()));
                }
                yield (long) r.value();
            }
            default -> throw lx.source.error(line, column, "expected " + (what.isEmpty() ? "an integer" : what)
                    + " known before the circuit runs, found " + describe(v));
        };
    }

    private double asDouble(Value v, int line, int column, String what) {
        return switch (v) {
            case Value.Int i -> i.value();
            case Value.Real r -> r.value();
            case Value.Bits b -> b.value();
            case Value.Bool b -> b.value() ? 1 : 0;
            default -> throw lx.source.error(line, column, "expected " + what + " known before the circuit runs, found "
                    + describe(v));
        };
    }

    private boolean asBool(Value v, int line, int column) {
        return switch (v) {
            case Value.Bool b -> b.value();
            case Value.Int i -> i.value() != 0;
            case Value.Real r -> r.value() != 0;
            case Value.Bits b -> b.value() != 0;
            default -> throw lx.source.error(line, column, "expected a boolean, found " + describe(v));
        };
    }

    private static String describe(Value v) {
        return switch (v) {
            case Value.Int i -> "the integer " + i.value();
            case Value.Real r -> "the number " + format(r.value());
            case Value.Bool b -> "the boolean " + b.value();
            case Value.Bits b -> "a bit string";
            case Value.Angle a -> "the symbolic expression " + a.expr();
            case Value.RuntimeBits r -> "measurement results";
            case Value.Test t -> "a run-time condition";
            case Value.Array a -> "an array";
        };
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    // ------------------------------------------------------------------ tokens

    private String identifier(String what) {
        if (lx.kind != TokenKind.IDENTIFIER) {
            throw lx.error("expected " + what + ", found " + found());
        }
        String t = lx.text();
        lx.next();
        return t;
    }

    private void expect(TokenKind kind) {
        if (lx.kind != kind) {
            throw lx.error("expected " + kind.description() + ", found " + found());
        }
        lx.next();
    }

    private void expectSemicolon() {
        if (lx.kind != TokenKind.SEMICOLON) {
            throw lx.source.error(lx.previousEndLine, lx.previousEndColumn, "expected ';' after the statement, found "
                    + found());
        }
        lx.next();
    }

    private String found() {
        return switch (lx.kind) {
            case EOF -> "the end of the file";
            case IDENTIFIER -> "'" + lx.text() + "'";
            default -> "'" + lx.text() + "'";
        };
    }

    private QasmException unsupported(String feature) {
        return lx.error("not supported: " + feature);
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> l = new ArrayList<>(a.length);
        for (int x : a) {
            l.add(x);
        }
        return l;
    }
}
