package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qexec.executor.QuantumExecutor;
import io.qexec.provider.ProviderConfig;
import io.qexec.provider.VirtualProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qexec run}: output formats, files, seeds and every exit code. */
class RunCommandTest {
    private static final String GOOD = """
            name: small
            circuits:
              - ghz: 3
              - qasm: |
                  OPENQASM 2.0;
                  include "qelib1.inc";
                  qreg q[2];
                  creg c[2];
                  x q[0];
                  measure q -> c;
                name: x0
            shots: 200
            backends:
              local: [statevector, fake_aria]
            split: multiplier
            merge: aggregate
            seed: 11
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void jsonHasResultsPerProviderAndBackendInQiskitOrderAndTheMerge() throws IOException {
        Path f = write("small.yaml", GOOD);
        MainTest.Run r = MainTest.run("run", f.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode sv = root.at("/results/local/statevector");
        assertThat(sv).hasSize(2);
        assertThat(sv.get(0).get("circuit").asText()).isEqualTo("ghz_3");
        assertThat(sv.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(sv.get(0).get("shots").asInt()).isEqualTo(200);
        assertThat(sv.get(0).get("job_id").asText()).isNotEmpty();
        assertThat(sv.get(0).at("/timings/finished").isTextual()).isTrue();
        assertThat(sv.get(1).get("counts").toString()).isEqualTo("{\"01\":200}");
        assertThat(root.at("/results/local/fake_aria")).hasSize(2);
        assertThat(root.at("/merged/policy").asText()).isEqualTo("aggregate");
        assertThat(root.at("/merged/value/1/01").asLong()).isGreaterThan(300);
    }

    @Test
    void theSameSeedGivesTheSameCounts() throws IOException {
        Path f = write("small.yaml", GOOD.replace("seed: 11", ""));
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(MainTest.run("run", f.toString(), "--format", "json", "--seed", "5").out());
        JsonNode b = json.readTree(MainTest.run("run", f.toString(), "--format", "json", "--seed", "5").out());
        assertThat(a.at("/results/local/fake_aria/0/counts")).isEqualTo(b.at("/results/local/fake_aria/0/counts"));
        assertThat(a.at("/results/local/fake_aria/0/metadata/seed").asLong()).as("seed + position in the dispatch").isEqualTo(7);
    }

    @Test
    void theTableFitsIn80ColumnsAndCsvHasTheDocumentedHeader() throws IOException {
        Path f = write("small.yaml", GOOD);
        MainTest.Run table = MainTest.run("run", f.toString());
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("small: 4 jobs (4 completed)").contains("circuit 1: x0 (2 qubits, inline)")
                .containsPattern("local/statevector\\s+COMPLETED\\s+200\\s+01 1\\.000");
        assertThat(table.out().lines()).allMatch(l -> l.length() <= 80);
        MainTest.Run csv = MainTest.run("run", f.toString(), "--format", "csv");
        assertThat(csv.out()).startsWith("circuit_index,circuit_name,provider,backend,job_id,state,bitstring,count,probability,shots,error\r\n");
        assertThat(csv.out()).contains(",x0,local,statevector,").contains(",COMPLETED,01,200,1.0,200,");
    }

    @Test
    void outputAndReportGoToFilesAndStdoutStaysEmpty() throws IOException {
        Path f = write("small.yaml", GOOD);
        Path out = dir.resolve("out/results.json");
        Path report = dir.resolve("report.html");
        MainTest.Run r = MainTest.run("run", f.toString(), "--format", "json", "-o", out.toString(), "--report", report.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(Files.readString(out)).at("/experiment").asText()).isEqualTo("small");
        assertThat(Files.readString(report)).contains("<svg class=\"histogram\"").contains("small");
        assertThat(r.err()).contains("report written to " + report);
        MainTest.Run quiet = MainTest.run("run", f.toString(), "-q", "-o", out.toString(), "--report", report.toString());
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void anInvalidFileListsEveryProblemAndExitsTwoBeforeRunning() throws IOException {
        Path f = write("bad.yaml", """
                circuits: [{ghz: 2}]
                shots: 0
                backends:
                  local: [statevector, fake_ariaa]
                """);
        MainTest.Run r = MainTest.run("run", f.toString(), "--report", dir.resolve("never.html").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(f + ": backends.local[1]: unknown backend 'fake_ariaa' (did you mean 'fake_aria'?)")
                .contains(f + ": shots: must be a whole number >= 1, got 0")
                .contains("qexec: " + f + " was not run: 2 problems");
        assertThat(dir.resolve("never.html")).doesNotExist();
    }

    @Test
    void aYamlSyntaxErrorIsReportedAsFileLineColumn() throws IOException {
        Path f = write("syntax.yaml", "circuits: [ghz: 2\nbackends: x\n");
        MainTest.Run r = MainTest.run("run", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: not valid YAML");
    }

    @Test
    void aMissingFileAndANegativeSeedAreInvalidInput() {
        assertThat(MainTest.run("run", dir.resolve("none.yaml").toString()).err()).contains("none.yaml: no such file");
        assertThat(MainTest.run("run", dir.resolve("none.yaml").toString()).code()).isEqualTo(2);
        assertThat(MainTest.run("run", "x.yaml", "--seed", "-3").code()).isEqualTo(2);
        assertThat(MainTest.run("run", "x.yaml", "--format", "xml").code()).isEqualTo(2);
    }

    @Test
    void aFailedJobGivesExitThreeAndTheOthersStillReport() throws IOException {
        Path f = write("fails.yaml", """
                circuits: [{ghz: 2}]
                shots: 50
                backends:
                  local: [statevector, {name: auto, options: {method: no_such_method}}]
                split: multiplier
                """);
        MainTest.Run r = MainTest.run("run", f.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).containsPattern("local/statevector\\s+COMPLETED").containsPattern("local/auto\\s+FAILED\\s+50\\s+unknown simulation method");
    }

    @Test
    void aProviderThatCannotStartGivesExitFour() throws IOException {
        Path f = write("remote.yaml", "circuits: [{ghz: 2}]\nbackends: {qpu: [big]}\n");
        ExecutorFactory broken = () -> QuantumExecutor.builder()
                .virtualProvider(VirtualProvider.builder().configure(ProviderConfig.of("qpu")).build());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), broken).execute("run", f.toString());
        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("backends.qpu: provider 'qpu' could not start");
    }
}
