package io.qexec.qasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input is a {@link QasmException} at the right line and column, saying what was expected. */
class ErrorsTest {
    private static final String Q2 = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\n";
    private static final String Q3 = "OPENQASM 3;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\n";

    private static QasmException error(String program) {
        QasmException e = catchThrowableOfType(QasmException.class, () -> OpenQasm.parse(program, "test.qasm"));
        assertThat(e).as("expected an error for:\n%s", program).isNotNull();
        return e;
    }

    @Test
    void theMessageNamesFileLineColumnAndShowsTheLineWithACaret() {
        QasmException e = error(Q2 + "h q[0];\n  hh q[1];\n");
        assertThat(e.getMessage()).isEqualTo("test.qasm:6:3: unknown gate 'hh' (did you mean 'h'?)\n"
                + "    hh q[1];\n"
                + "    ^");
        assertThat(e.file()).isEqualTo("test.qasm");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.sourceLine()).isEqualTo("  hh q[1];");
        assertThat(e.caretLine()).isEqualTo("  ^");
        assertThat(e.summary()).isEqualTo("test.qasm:6:3: unknown gate 'hh' (did you mean 'h'?)");
        assertThat(e.getStackTrace()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown gate with suggestion      | cx q[0], q[1];\\nrzz(0.1) q[0], q[1];\\ncxx q[0], q[1];  | 7 | 1  | unknown gate 'cxx' (did you mean 'cx'?)
            library gate outside qelib1       | iswap q[0], q[1];                  | 5 | 1  | unknown gate 'iswap' (it is not in qelib1.inc; define it with a gate definition)
            too few qubits                    | cx q[0];                           | 5 | 1  | gate cx acts on 2 qubits, got 1
            too many qubits                   | h q[0], q[1];                      | 5 | 1  | gate h acts on 1 qubit, got 2
            missing parameter                 | rz q[0];                           | 5 | 1  | gate rz takes 1 parameter, got 0
            extra parameter                   | h(0.5) q[0];                       | 5 | 1  | gate h takes 0 parameters, got 1
            undeclared register               | h r[0];                            | 5 | 3  | undeclared qubit register 'r'
            undeclared register, suggestion   | h qq[0];                           | 5 | 3  | undeclared qubit register 'qq' (did you mean 'q'?)
            undeclared classical register     | measure q[0] -> d[0];              | 5 | 17 | undeclared classical register 'd'
            index out of range                | h q[2];                            | 5 | 5  | index 2 is out of range: 'q' has 2 qubits (valid indices 0 to 1)
            classical index out of range      | measure q[0] -> c[7];              | 5 | 19 | index 7 is out of range: 'c' has 2 bits
            same qubit twice                  | cx q[0], q[0];                     | 5 | 10 | gate cx uses the same qubit twice
            missing semicolon                 | h q[0]\\nx q[1];                    | 5 | 7  | expected ';' after the statement, found 'x'
            missing semicolon at the end      | h q[0]                             | 5 | 7  | expected ';' after the statement, found the end of the file
            missing arrow                     | measure q[0] c[0];                 | 5 | 14 | expected '->' after the measured qubits, found 'c'
            measure size mismatch             | measure q -> c[0];                 | 5 | 14 | register size mismatch: measuring 2 qubits into 1 bit
            duplicate register                | qreg q[3];                         | 5 | 6  | duplicate declaration: 'q' is already declared on line 3
            duplicate gate                    | gate g a { h a; }\\ngate g b { x b; } | 6 | 6  | duplicate declaration: gate 'g' is already defined on line 5
            zero-size register                | qreg z[0];                         | 5 | 8  | a register size must be between 1 and 1000000, got 0
            non-integer size                  | qreg z[1.5];                       | 5 | 8  | expected a register size, found 1.5
            condition on a bit in QASM 2      | if (c[0] == 1) x q[0];             | 5 | 6  | an OpenQASM 2 condition tests a whole register
            if without a gate                 | if (c == 1) barrier q;             | 5 | 13 | expected a gate, measure or reset after the condition
            unexpected character              | h q[0]; ?                          | 5 | 9  | unexpected character '?'
            unterminated comment              | /* never closed                    | 5 | 1  | unterminated comment: expected '*/'
            unterminated gate body            | gate g a { h a;                    | 6 | 1  | expected '}' to close the body of gate g, found the end of the file
            gate body uses a global register  | gate g a { h q[0]; }               | 5 | 14 | a gate body can only use the gate's own qubit arguments, not 'q'
            expression error                  | rz(1 +) q[0];                      | 5 | 7  | expected an expression, found ')'
            unknown identifier in expression  | rz(theta) q[0];                    | 5 | 4  | undeclared identifier 'theta'
            statement expected                | ;                                  | 5 | 1  | expected a statement, found ';'
            version not first                 | OPENQASM 2.0;                      | 5 | 1  | the OPENQASM version statement must come first
            """)
    void openQasm2Errors(String what, String statements, int line, int column, String reason) {
        QasmException e = error(Q2 + statements.replace("\\n", "\n") + "\n");
        assertThat(e.reason()).as(what).startsWith(reason);
        assertThat(e.line()).as(what + ": line").isEqualTo(line);
        assertThat(e.column()).as(what + ": column").isEqualTo(column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unsupported version               | OPENQASM 4.0;                      | 1 | 10 | unsupported OpenQASM version '4.0' (supported: 2.0 and 3)
            header without semicolon          | OPENQASM 2.0\\nqreg q[1];           | 1 | 13 | expected ';' after the statement, found 'qreg'
            header without version            | OPENQASM;                          | 1 | 9  | expected a version number after OPENQASM, found ';'
            """)
    void headerErrors(String what, String program, int line, int column, String reason) {
        QasmException e = error(program.replace("\\n", "\n") + "\n");
        assertThat(e.reason()).as(what).isEqualTo(reason);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            defcal                     | defcal x $0 { }                           | 5 | 1  | not supported: pulse-level calibration (defcal)
            cal                        | cal { }                                   | 5 | 1  | not supported: pulse-level calibration (cal)
            extern                     | extern f(int) -> bit;                     | 5 | 1  | not supported: extern functions
            box                        | box { h q[0]; }                           | 5 | 1  | not supported: box (timing)
            delay                      | delay[100ns] q[0];                        | 5 | 1  | not supported: delay (timing)
            duration                   | duration d = 10ns;                        | 5 | 1  | not supported: duration (timing)
            stretch                    | stretch s;                                | 5 | 1  | not supported: stretch (timing)
            duration literal           | float x = 10ns;                           | 5 | 11 | not supported: durations (timing)
            physical qubit             | h $0;                                     | 5 | 3  | not supported: physical qubits ($n)
            2-d arrays                 | array[int[8], 4, 2] a;                    | 5 | 16 | not supported: multi-dimensional arrays
            array arguments            | def f(readonly array[int, 2] a) { }       | 5 | 7  | not supported: array arguments
            run-time computation       | int x = 0;\\nx = c[0] + 1;                | 6 | 10 | not supported: classical computation on measurement results
            measure into int           | int x = 0;\\nx = measure q[0];            | 6 | 5  | not supported: measuring into a int variable
            non-integer power          | pow(0.5) @ x q[0];                        | 5 | 5  | not supported: non-integer power pow(0.5)
            combined run-time tests    | if (c[0] == 1 && c[1] == 1) x q[0];       | 5 | 15 | not supported: combining run-time conditions with &&
            input of type int          | input int n;                              | 5 | 7  | not supported: input of type 'int'
            assignment in runtime if   | int x = 0;\\nif (c[0]) { x = 1; }         | 6 | 13 | not supported: assigning classical variable 'x' inside a branch or loop decided at run time
            break                      | for i in [0:1] { break; }                 | 5 | 18 | not supported: break
            """)
    void unsupportedOpenQasm3Features(String what, String statements, int line, int column, String reason) {
        QasmException e = error(Q3 + statements.replace("\\n", "\n") + "\n");
        assertThat(e.reason()).as(what).startsWith(reason);
        assertThat(e.line()).as(what + ": line").isEqualTo(line);
        assertThat(e.column()).as(what + ": column").isEqualTo(column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            assign to constant         | const int n = 1;\\nn = 2;                  | 6 | 1  | cannot assign to constant 'n'
            duplicate variable         | int a;\\nfloat a;                          | 6 | 7  | duplicate declaration: 'a' is already declared on line 5
            bad cast width             | if (int[3](c) == 1) x q[0];               | 5 | 12 | not supported: casting 2 bits to int[3]
            indexing a single qubit    | qubit s;\\nh s[0];                         | 6 | 4  | 's' is a single qubit and cannot be indexed
            register is not a gate     | q q[0];                                   | 5 | 1  | 'q' is a register, not a gate: expected a gate name
            modifier without at        | ctrl x q[0], q[1];                        | 5 | 6  | expected '@' after the ctrl modifier, found 'x'
            qubit declared in a block  | if (c[0]) { qubit r; }                    | 5 | 19 | qubits can only be declared at the top level of the program
            subroutine arity           | def f(qubit a) { h a; }\\nf(q[0], q[1]);   | 6 | 9  | subroutine f takes 1 argument
            endless static loop        | int i = 0;\\nwhile (i >= 0) { i += 1; } | 6 | 8  | the loop runs more than 100000 times at parse time
            nested loops too long      | for i in [0:1000] { for j in [0:1000] { } } | 5 | 39 | the program unrolls more than 1000000 loop iterations
            library gate not in stdgates | rzz(0.1) q[0], q[1];                    | 5 | 1  | unknown gate 'rzz' (it is not in stdgates.inc; define it with a gate definition)
            range step zero            | for i in [0:0:3] { h q[0]; }              | 5 | 10 | a range step cannot be 0
            """)
    void openQasm3Errors(String what, String statements, int line, int column, String reason) {
        QasmException e = error(Q3 + statements.replace("\\n", "\n") + "\n");
        assertThat(e.reason()).as(what).startsWith(reason);
        assertThat(e.line()).as(what + ": line").isEqualTo(line);
        assertThat(e.column()).as(what + ": column").isEqualTo(column);
    }

    @Test
    void aLibraryGateWithoutItsIncludeNamesTheInclude() {
        QasmException e = error("OPENQASM 3;\nqubit q;\nh q;\n");
        assertThat(e.summary()).isEqualTo("test.qasm:3:1: unknown gate 'h' (add include \"stdgates.inc\"; to use the standard library)");
        QasmException e2 = error("OPENQASM 2.0;\nqreg q[1];\nsx q[0];\n");
        assertThat(e2.reason()).isEqualTo("unknown gate 'sx' (add include \"qelib1.inc\"; to use the standard library)");
    }

    @Test
    void aMissingIncludeFileIsReportedAtTheFileName(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("main.qasm");
        Files.writeString(main, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n  include \"missing.inc\";\n");
        QasmException e = catchThrowableOfType(QasmException.class, () -> OpenQasm.parse(main));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.reason()).startsWith("cannot read include file 'missing.inc' (looked for ");
        assertThat(e.file()).isEqualTo(main.toString());
    }

    @Test
    void anErrorInsideAnIncludedFileNamesThatFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.inc"), "gate g a {\n  hx a;\n}\n");
        Path main = dir.resolve("main.qasm");
        Files.writeString(main, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\ninclude \"bad.inc\";\n");
        QasmException e = catchThrowableOfType(QasmException.class, () -> OpenQasm.parse(main));
        assertThat(e.file()).endsWith("bad.inc");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.reason()).startsWith("unknown gate 'hx'");
    }

    @Test
    void anIncludeThatIncludesItselfIsAnErrorNotACrash(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("loop.inc"), "include \"loop.inc\";\n");
        Path main = dir.resolve("main.qasm");
        Files.writeString(main, "OPENQASM 2.0;\ninclude \"loop.inc\";\n");
        QasmException e = catchThrowableOfType(QasmException.class, () -> OpenQasm.parse(main));
        assertThat(e.reason()).contains("include itself");
    }

    @Test
    void anUnreadableFileIsAnErrorWithoutPosition(@TempDir Path dir) {
        QasmException e = catchThrowableOfType(QasmException.class, () -> OpenQasm.parse(dir.resolve("nope.qasm")));
        assertThat(e.line()).isZero();
        assertThat(e.reason()).startsWith("cannot read ");
    }

    private static final String VALID = Q3 + "gate g(a) x, y { rz(a) x; cx x, y; }\nh q[0];\ng(pi/2) q[0], q[1];\n"
            + "c[0] = measure q[0];\nif (c[0] == 1) { x q[1]; } else { z q[1]; }\nfor int i in [0:1] { h q[i]; }\n"
            + "while (c[0] == 1) { c[0] = measure q[0]; }\nmeasure q -> c;\n";

    /** Whatever damage is done to a valid program, the reader answers with a result or a QasmException. */
    @Property(tries = 400, seed = "20261123")
    void damagedProgramsNeverCrashTheReader(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                            @ForAll @IntRange(min = 0, max = 3) int damage,
                                            @ForAll @IntRange(min = 0, max = 40) int replacement) {
        String chars = ";{}()[],.:=<>!+-*/^&|~@\"$0 1\nhqcx_gateifmeasure";
        int at = position % (VALID.length() + 1);
        char r = chars.charAt(replacement % chars.length());
        String damaged = switch (damage) {
            case 0 -> VALID.substring(0, at) + VALID.substring(Math.min(VALID.length(), at + 1));
            case 1 -> VALID.substring(0, at) + r + VALID.substring(at);
            case 2 -> VALID.substring(0, at) + r + VALID.substring(Math.min(VALID.length(), at + 1));
            default -> VALID.substring(0, at);
        };
        try {
            OpenQasm.parse(damaged, "damaged.qasm");
        } catch (QasmException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).startsWith("damaged.qasm:" + e.line() + ":" + e.column() + ": ");
        }
    }
}
