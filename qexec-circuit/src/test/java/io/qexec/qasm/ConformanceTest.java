package io.qexec.qasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.WhileLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real programs nobody on this project wrote: QASMBench and the OpenQASM specification's examples, read from
 * {@code ../shared/testdata} (skipped with a message when it is absent).
 */
class ConformanceTest {

    /** Files that are not valid OpenQASM, with where and why they must be rejected. */
    private static final Map<String, Rejection> INVALID = Map.of(
            "openqasm/qasm2/invalid_gate_no_found.qasm", new Rejection(5, 1, "unknown gate 'w'"),
            "openqasm/qasm2/invalid_missing_semicolon.qasm", new Rejection(3, 13, "expected ';'"),
            // QASMBench files whose final measurements name registers 'q' and 'c' that they never declare.
            "qasmbench/small/hhl_n10/hhl_n10.qasm", new Rejection(186801, 9, "undeclared qubit register 'q'"),
            "qasmbench/small/vqe_uccsd_n4/vqe_uccsd_n4.qasm", new Rejection(225, 9, "undeclared qubit register 'q'"),
            "qasmbench/small/vqe_uccsd_n6/vqe_uccsd_n6.qasm", new Rejection(2286, 9, "undeclared qubit register 'q'"),
            "qasmbench/small/vqe_uccsd_n8/vqe_uccsd_n8.qasm", new Rejection(10813, 9, "undeclared qubit register 'q'"));

    record Rejection(int line, int column, String reason) {
    }

    static Path testdata() {
        String dir = System.getProperty("qexec.testdata", "../../shared/testdata");
        return Path.of(dir);
    }

    static Stream<Arguments> openQasm2AndQasmBenchFiles() throws IOException {
        Path root = testdata();
        if (!Files.isDirectory(root.resolve("qasmbench")) || !Files.isDirectory(root.resolve("openqasm/qasm2"))) {
            return Stream.of(Arguments.of("(test data absent: " + root.toAbsolutePath() + ")"));
        }
        List<String> files;
        try (Stream<Path> qasmbench = Files.walk(root.resolve("qasmbench"));
             Stream<Path> qasm2 = Files.walk(root.resolve("openqasm/qasm2"))) {
            files = Stream.concat(qasmbench, qasm2)
                    .filter(p -> p.toString().endsWith(".qasm"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        return files.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openQasm2AndQasmBenchFiles")
    void everyFileParsesOrIsRejectedWhereItIsWrong(String relative) {
        Path file = testdata().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "test data absent: " + testdata().toAbsolutePath() + " (skipping)");
        Rejection expected = INVALID.get(relative);
        if (expected == null) {
            Circuit c = OpenQasm.parse(file);
            assertThat(c.numQubits()).isPositive();
            assertThat(c.instructions()).isNotEmpty();
            // The written forms read back to the same circuit.
            assertThat(OpenQasm.parse(OpenQasm.write2(c)).instructions()).isEqualTo(c.instructions());
            assertThat(OpenQasm.parse(OpenQasm.write3(c)).instructions()).isEqualTo(c.instructions());
        } else {
            QasmException e = catchThrowableOfType(QasmException.class, () -> OpenQasm.parse(file));
            assertThat(e).as("%s must be rejected", relative).isNotNull();
            assertThat(e.line()).isEqualTo(expected.line());
            assertThat(e.column()).isEqualTo(expected.column());
            assertThat(e.reason()).contains(expected.reason());
            assertThat(e.getMessage()).startsWith(file + ":" + expected.line() + ":" + expected.column() + ": ");
        }
    }

    /** How each OpenQASM 3 example fares: read (with its qubit count), or refused (with line, column, feature). */
    static Stream<Arguments> openQasm3Table() {
        return Stream.of(
                Arguments.of("adder.qasm", 10, null),
                Arguments.of("alignment.qasm", 0, "8:1: not supported: stretch"),
                // One-dimensional arrays are read; the second declaration is two-dimensional.
                Arguments.of("arrays.qasm", 0, "13:19: not supported: multi-dimensional arrays"),
                // A fragment: it uses a register q it never declares.
                Arguments.of("cphase.qasm", 0, "9:15: undeclared qubit register 'q'"),
                Arguments.of("dd.qasm", 0, "7:1: not supported: stretch"),
                Arguments.of("defcal.qasm", 0, "1:1: not supported: pulse-level calibration (defcalgrammar)"),
                Arguments.of("gateteleport.qasm", 0, "6:1: not supported: extern functions"),
                Arguments.of("inverseqft1.qasm", 4, null),
                Arguments.of("inverseqft2.qasm", 4, null),
                Arguments.of("ipe.qasm", 0, "28:16: not supported: measuring into an angle variable"),
                Arguments.of("msd.qasm", 0, "22:51: not supported: subroutines returning 'bool'"),
                Arguments.of("qec.qasm", 5, null),
                Arguments.of("qft.qasm", 4, null),
                Arguments.of("qpt.qasm", 1, null),
                Arguments.of("rb.qasm", 2, null),
                Arguments.of("rus.qasm", 3, null),
                Arguments.of("scqec.qasm", 0, "16:1: not supported: extern functions"),
                Arguments.of("t1.qasm", 0, "6:1: not supported: duration (timing)"),
                Arguments.of("teleport.qasm", 3, null),
                Arguments.of("varteleport.qasm", 21, null),
                Arguments.of("vqe.qasm", 0, "17:1: not supported: extern functions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openQasm3Table")
    void openQasm3Examples(String name, int qubits, String refusal) {
        Path file = testdata().resolve("openqasm/qasm3").resolve(name);
        assumeTrue(Files.isRegularFile(file), "test data absent: " + testdata().toAbsolutePath() + " (skipping)");
        if (refusal == null) {
            Circuit c = OpenQasm.parse(file);
            assertThat(c.numQubits()).isEqualTo(qubits);
            assertThat(OpenQasm.parse(OpenQasm.write3(c)).instructions()).isEqualTo(c.instructions());
        } else {
            assertThatThrownBy(() -> OpenQasm.parse(file))
                    .isInstanceOf(QasmException.class)
                    .satisfies(e -> assertThat(((QasmException) e).summary()).isEqualTo(file + ":" + refusal
                            + ((QasmException) e).summary().substring((file + ":" + refusal).length())))
                    .hasMessageStartingWith(file + ":" + refusal);
        }
    }

    @Test
    void everyOpenQasm3ExampleIsInTheTable() throws IOException {
        Path dir = testdata().resolve("openqasm/qasm3");
        assumeTrue(Files.isDirectory(dir), "test data absent: " + testdata().toAbsolutePath() + " (skipping)");
        List<String> listed = openQasm3Table().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".qasm")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    private static Circuit file(String relative) {
        Path file = testdata().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "test data absent: " + testdata().toAbsolutePath() + " (skipping)");
        return OpenQasm.parse(file);
    }

    @Test
    void factsOfOpenQasm2ExamplesMatchTheirText() {
        // qec.qasm: qreg q[3]; qreg a[2]; creg c[3]; creg syn[2]; one syndrome gate, three if (syn==k) corrections.
        Circuit qec = file("openqasm/qasm2/qec.qasm");
        assertThat(qec.numQubits()).isEqualTo(5);
        assertThat(qec.numClbits()).isEqualTo(5);
        assertThat(qec.gateCounts()).containsEntry("syndrome", 1).containsEntry("if_else", 3).containsEntry("measure", 5);
        IfElse first = (IfElse) qec.instructions().stream().filter(i -> i instanceof IfElse).findFirst().orElseThrow();
        assertThat(first.condition().clbits()).containsExactly(3, 4); // syn follows c[3]
        assertThat(first.condition().value()).isEqualTo(1);

        // teleport.qasm: three one-bit registers, two conditioned corrections.
        Circuit teleport = file("openqasm/qasm2/teleport.qasm");
        assertThat(teleport.classicalRegisters()).hasSize(3);
        assertThat(teleport.gateCounts()).containsEntry("if_else", 2).containsEntry("u3", 1).containsEntry("post", 1);
    }

    @Test
    void factsOfQasmBenchFilesMatchTheirText() throws IOException {
        // adder_n4: 4 qubits; count the "cx" lines in the text and compare.
        Path adder = testdata().resolve("qasmbench/small/adder_n4/adder_n4.qasm");
        assumeTrue(Files.isRegularFile(adder), "test data absent (skipping)");
        String text = Files.readString(adder);
        long cxLines = text.lines().filter(l -> l.trim().startsWith("cx ")).count();
        Circuit c = OpenQasm.parse(adder);
        assertThat(c.numQubits()).isEqualTo(4);
        assertThat(c.gateCounts().getOrDefault("cx", 0)).isEqualTo((int) cxLines).isPositive();
        long measureLines = text.lines().filter(l -> l.trim().startsWith("measure ")).count();
        assertThat(c.gateCounts().get("measure")).isEqualTo((int) measureLines);
    }

    @Test
    void factsOfOpenQasm3ExamplesMatchTheirText() {
        // rus.qasm: flags starts as "11", so the loop body runs once before a while on the measured flags.
        Circuit rus = file("openqasm/qasm3/rus.qasm");
        assertThat(rus.gateCounts()).containsEntry("while_loop", 1);
        WhileLoop loop = (WhileLoop) rus.instructions().stream().filter(i -> i instanceof WhileLoop).findFirst()
                .orElseThrow();
        assertThat(loop.condition().value()).isZero();
        assertThat(loop.condition().clbits()).hasSize(2);
        // adder.qasm: a_in = 1 and b_in = 15 set one x on a and four on b; the loops unroll to 4 majority/unmaj.
        Circuit adder = file("openqasm/qasm3/adder.qasm");
        assertThat(adder.gateCounts()).containsEntry("x", 5).containsEntry("majority", 4).containsEntry("unmaj", 4)
                .containsEntry("measure", 5);
        // varteleport.qasm: ten Bell pairs, each with two conditioned corrections.
        Circuit vt = file("openqasm/qasm3/varteleport.qasm");
        assertThat(vt.gateCounts()).containsEntry("if_else", 20);
    }
}
