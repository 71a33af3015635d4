package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qexec.qasm.OpenQasm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, convert and simulate, through the same entry point as the command line. */
class CircuitCommandsTest {
    private static final String BELL = """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[2];
            creg c[2];
            h q[0];
            cx q[0], q[1];
            measure q -> c;
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void validatePrintsASummaryPerValidFile() throws IOException {
        Path bell = write("bell.qasm", BELL);
        MainTest.Run r = MainTest.run("validate", bell.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(bell + ": 2 qubits, 2 clbits, 2 gates, depth 3, Clifford, static\n");
    }

    @Test
    void validateReportsFileLineColumnAndExitsTwo() throws IOException {
        Path good = write("good.qasm", BELL);
        Path bad = write("bad.qasm", BELL.replace("cx q[0], q[1];", "cx q[0], q[1]\nh q[0];"));
        MainTest.Run r = MainTest.run("validate", good.toString(), bad.toString(), dir.resolve("missing.qasm").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains(good + ": 2 qubits").contains(bad + ":6:14: expected ';'")
                .contains(dir.resolve("missing.qasm") + ": no such file");
        assertThat(r.err()).contains("1 valid, 2 invalid");
    }

    @Test
    void convertWritesTheOtherVersionAndItParsesBackToTheSameCircuit() throws IOException {
        Path bell = write("bell.qasm", BELL);
        Path out = dir.resolve("bell3.qasm");
        MainTest.Run r = MainTest.run("convert", bell.toString(), "--to", "qasm3", "-o", out.toString());
        assertThat(r.code()).isZero();
        String text = Files.readString(out);
        assertThat(text).startsWith("OPENQASM 3");
        assertThat(OpenQasm.parse(text).instructions()).isEqualTo(OpenQasm.parse(BELL).instructions());
    }

    @Test
    void convertRefusesAnUnknownFormat() throws IOException {
        Path bell = write("bell.qasm", BELL);
        MainTest.Run r = MainTest.run("convert", bell.toString(), "--to", "qasm4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--to");
    }

    @Test
    void simulateOutputsCountsInQiskitOrderAsJson() throws IOException {
        Path x0 = write("x0.qasm", """
                OPENQASM 2.0;
                include "qelib1.inc";
                qreg q[2];
                creg c[2];
                x q[0];
                measure q -> c;
                """);
        MainTest.Run r = MainTest.run("simulate", x0.toString(), "--shots", "50", "--seed", "1", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("shots").asInt()).isEqualTo(50);
        assertThat(json.get("counts").get("01").asLong()).isEqualTo(50);
        assertThat(json.get("counts").size()).isEqualTo(1);
        assertThat(json.get("method").asText()).isNotEmpty();
        assertThat(json.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aCircuitWiderThanTheStatevectorEngineIsRefusedBeforeItRuns() throws IOException {
        Path wide = write("wide.qasm", """
                OPENQASM 2.0;
                include "qelib1.inc";
                qreg q[31];
                creg c[31];
                h q[0];
                measure q -> c;
                """);
        MainTest.Run r = MainTest.run("simulate", wide.toString(), "--method", "statevector", "--shots", "1");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("the circuit has 31 qubits").contains("runs at most 30");
    }

    @Test
    void simulateIsReproducibleWithASeed() throws IOException {
        Path bell = write("bell.qasm", BELL);
        MainTest.Run a = MainTest.run("simulate", bell.toString(), "--shots", "500", "--seed", "11", "--format", "json");
        MainTest.Run b = MainTest.run("simulate", bell.toString(), "--shots", "500", "--seed", "11", "--format", "json");
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(a.out()).get("counts")).isEqualTo(mapper.readTree(b.out()).get("counts"));
        assertThat(mapper.readTree(a.out()).get("counts").has("00")).isTrue();
        assertThat(mapper.readTree(a.out()).get("counts").has("01")).isFalse();
    }

    @Test
    void simulateRejectsBadInputWithExitTwo() throws IOException {
        Path bell = write("bell.qasm", BELL);
        assertThat(MainTest.run("simulate", bell.toString(), "--shots", "0").err()).contains("--shots must be at least 1");
        MainTest.Run unknown = MainTest.run("simulate", bell.toString(), "--method", "magic");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown method or device 'magic'");
    }
}
