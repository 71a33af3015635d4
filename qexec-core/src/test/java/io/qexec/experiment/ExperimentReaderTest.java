package io.qexec.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qexec.dispatch.Dispatch;
import io.qexec.executor.GeneratedDispatch;
import io.qexec.executor.QuantumExecutor;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.ProviderConfig;
import io.qexec.provider.VirtualProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading experiment files: every form of every field, and every problem reported with its path. */
class ExperimentReaderTest {
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

    private final VirtualProvider providers = VirtualProvider.builder().build();
    private final PolicyRegistry policies = PolicyRegistry.withBuiltIns();

    @AfterEach
    void close() {
        providers.close();
    }

    private Experiment parse(String yaml) {
        return Experiment.parse(yaml, dir, providers, policies);
    }

    private List<String> problems(String yaml) {
        InvalidExperimentException e = catchThrowableOfType(InvalidExperimentException.class, () -> parse(yaml));
        assertThat(e).as("the experiment should have been rejected").isNotNull();
        return e.problems().stream().map(ExperimentProblem::toString).toList();
    }

    @Test
    void readsCircuitsFromFilesInlineTextAndGenerators() throws IOException {
        Files.writeString(dir.resolve("bell.qasm"), BELL);
        Experiment e = parse("""
                name: mix
                circuits:
                  - bell.qasm
                  - {file: bell.qasm, name: bell2}
                  - qasm: |
                      OPENQASM 2.0;
                      include "qelib1.inc";
                      qreg q[1];
                      creg c[1];
                      x q[0];
                      measure q -> c;
                  - ghz: 3
                  - qft: 2
                  - random: {qubits: 3, depth: 4, seed: 9}
                shots: [10, 20, 30, 40, 50, 60]
                backends:
                  local: [statevector, stabilizer]
                """);
        assertThat(e.name()).isEqualTo("mix");
        assertThat(e.circuits()).extracting(ExperimentCircuit::name)
                .containsExactly("bell", "bell2", "inline", "ghz_3", "qft_2", "random_3x4_s9");
        assertThat(e.circuits().get(3).circuit().numQubits()).isEqualTo(3);
        assertThat(e.shots()).containsExactly(10, 20, 30, 40, 50, 60);
        assertThat(e.backends()).isEqualTo(Map.of("local", List.of("statevector", "stabilizer")));
        assertThat(e.split().name()).isEqualTo("uniform");
        assertThat(e.merge()).isEmpty();
        assertThat(e.parallel()).isTrue();
    }

    @Test
    void unknownBackendNamesItsPathAndTheClosestName() {
        assertThat(problems("""
                circuits: [{ghz: 2}]
                backends:
                  local: [statevector, fake_ariaa]
                """)).containsExactly("backends.local[1]: unknown backend 'fake_ariaa' (did you mean 'fake_aria'?)");
    }

    @Test
    void listsEveryProblemAtOnce() {
        List<String> p = problems("""
                nmae: typo
                circuits:
                  - ghz: 0
                  - nothing.qasm
                  - {ghz: 2, qft: 2}
                shots: -5
                backends:
                  locl: [statevector]
                split: unifrom
                merge: {policy: tvd, dat: {}}
                execution: fast
                seed: -1
                output: {format: xml}
                """);
        assertThat(p).contains(
                "nmae: unknown key 'nmae' (did you mean 'name'?) (known: " + String.join(", ", ExperimentReader.TOP_LEVEL) + ")",
                "circuits[0].ghz: must be a whole number >= 1, got 0",
                "shots: must be a whole number >= 1, got -5",
                "split: unknown split policy 'unifrom' (did you mean 'uniform'?) (known: multiplier, random, round_robin, uniform, weighted)",
                "execution: must be 'parallel' or 'sequential', got 'fast'",
                "seed: must be a whole number >= 0, got -1");
        assertThat(p).anyMatch(s -> s.startsWith("circuits[1]: no such circuit file 'nothing.qasm'"));
        assertThat(p).anyMatch(s -> s.equals("circuits[2]: has ghz and qft; give exactly one circuit source"));
        assertThat(p).anyMatch(s -> s.startsWith("backends.locl: unknown provider 'locl' (did you mean 'local'?)"));
        assertThat(p).anyMatch(s -> s.startsWith("merge.dat: unknown key 'dat' (did you mean 'data'?)"));
        assertThat(p).anyMatch(s -> s.startsWith("output.format: must be one of table, json, csv, got 'xml'"));
        assertThat(p).hasSize(11);
    }

    @Test
    void aBadCircuitFileReportsItsLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("bad.qasm"), BELL.replace("cx q[0], q[1];", "cx q[0], q[1]\nh q[0];"));
        assertThat(problems("""
                circuits: [bad.qasm]
                backends: {local: [statevector]}
                """)).singleElement().asString().startsWith("circuits[0]: ").contains("bad.qasm:6:14: expected ';'");
    }

    @Test
    void badYamlReportsLineAndColumn() {
        assertThat(problems("circuits: [ghz: 2\nbackends: {local: [x]}\n")).singleElement().asString()
                .matches("\\d+:\\d+: not valid YAML or JSON: [^\n]*expected[^\n]*");
    }

    @Test
    void optionsAreCheckedAgainstTheBackend() {
        assertThat(problems("""
                circuits: [{ghz: 2}]
                backends:
                  local:
                    - {name: fake_aria, options: {noize: false, seed: "x"}}
                """)).containsExactly(
                "backends.local[0].options.noize: local/fake_aria has no option 'noize' (did you mean 'noise'?) "
                        + "(options: seed, memory, method, noise)",
                "backends.local[0].options.seed: must be integer, got 'x'");
    }

    @Test
    void aCircuitWiderThanABackendIsRejected() {
        assertThat(problems("""
                circuits: [{ghz: 16}]
                backends: {local: [density_matrix]}
                """)).singleElement().asString().isEqualTo("circuits[0]: 'ghz_16' has 16 qubits but local/density_matrix has 14");
    }

    @Test
    void aProviderThatCannotStartIsAConfigurationProblem() {
        try (VirtualProvider broken = VirtualProvider.builder().configure(ProviderConfig.of("nosuchtype")).build()) {
            InvalidExperimentException e = catchThrowableOfType(InvalidExperimentException.class, () -> Experiment.parse("""
                    circuits: [{ghz: 2}]
                    backends: {nosuchtype: [qpu]}
                    """, dir, broken, policies));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ExperimentProblem.Kind.CONFIGURATION);
                assertThat(p.toString()).startsWith("backends.nosuchtype: provider 'nosuchtype' could not start");
            });
            assertThat(e.isConfigurationOnly()).isTrue();
        }
    }

    @Test
    void aParameterSweepGivesOneBoundCircuitPerValue() {
        Experiment e = parse("""
                circuits:
                  - name: rx
                    qasm: |
                      OPENQASM 3.0;
                      include "stdgates.inc";
                      input float theta;
                      qubit[1] q;
                      bit[1] c;
                      rx(theta) q[0];
                      c[0] = measure q[0];
                    parameters: {theta: [0, 3.14159]}
                backends: {local: [statevector]}
                """);
        assertThat(e.circuits()).extracting(ExperimentCircuit::name).containsExactly("rx[theta=0.0]", "rx[theta=3.14159]");
        assertThat(e.circuits()).allMatch(c -> c.circuit().isBound());
    }

    @Test
    void anUnboundParameterIsAProblemWithAHint() {
        assertThat(problems("""
                circuits:
                  - qasm: |
                      OPENQASM 3.0;
                      include "stdgates.inc";
                      input float theta;
                      qubit[1] q;
                      rx(theta) q[0];
                backends: {local: [statevector]}
                """)).singleElement().asString().startsWith("circuits[0]: the circuit has unbound parameter theta; give values");
    }

    @Test
    void perCircuitShotsMustMatchTheCircuits() {
        assertThat(problems("""
                circuits: [{ghz: 2}, {ghz: 3}]
                shots: [10, 20, 30]
                backends: {local: [statevector]}
                """)).containsExactly("shots: gives 3 shot counts for 2 circuits; give one number, or one per circuit");
    }

    @Test
    void allMeansEveryBackendOfEveryProvider() {
        Experiment e = parse("circuits: [{ghz: 2}]\nbackends: all\n");
        assertThat(e.backends().get("local")).contains("statevector", "stabilizer", "fake_aria");
    }

    @Test
    void thePlanAppliesBackendOptionsAndPerJobSeeds() {
        Experiment e = parse("""
                circuits: [{ghz: 2}, {ghz: 3}]
                shots: 100
                backends:
                  local: [statevector, {name: fake_aria, options: {noise: false}}]
                split: multiplier
                seed: 40
                """);
        try (QuantumExecutor qe = QuantumExecutor.builder().virtualProvider(providers).policies(policies).build()) {
            GeneratedDispatch g = e.plan(qe);
            List<Dispatch.Entry> entries = g.dispatch().entries();
            assertThat(entries).hasSize(4);
            assertThat(entries).extracting(en -> en.job().options().get("seed")).containsExactly(40L, 41L, 42L, 43L);
            assertThat(entries).filteredOn(en -> en.backend().equals("fake_aria"))
                    .allMatch(en -> Boolean.FALSE.equals(en.job().options().get("noise")));
            assertThat(entries).filteredOn(en -> en.backend().equals("statevector"))
                    .allMatch(en -> !en.job().options().containsKey("noise"));
            assertThat(g.dispatch().totalShots()).isEqualTo(400);
        }
    }

    @Test
    void anExplicitDispatchRefersToCircuitsByIndexOrName() {
        Experiment e = parse("""
                circuits: [{ghz: 2, name: pair}, {qft: 2}]
                dispatch:
                  local:
                    statevector:
                      - {circuit: pair, shots: 5}
                      - {circuit: 1, shots: 7, options: {seed: 3}}
                """);
        Dispatch d = e.dispatch().orElseThrow();
        assertThat(d.entries()).extracting(en -> en.job().circuitIndex()).containsExactly(0, 1);
        assertThat(d.totalShots()).isEqualTo(12);
        assertThat(problems("""
                circuits: [{ghz: 2, name: pair}]
                dispatch: {local: {statevector: [{circuit: pairs, shots: 5}]}}
                """)).containsExactly("dispatch.local.statevector[0].circuit: no circuit named 'pairs' (did you mean 'pair'?) (circuits: pair)");
    }

    @Test
    void aMergePolicyIsLoadedFromAJavaFileNextToTheExperiment() throws IOException {
        Files.writeString(dir.resolve("Count.java"), """
                import io.qexec.policy.*;
                public class Count implements MergePolicy {
                    public MergeOutcome merge(MergeRequest r) {
                        return new MergeOutcome(r.jobs().size(), r.data());
                    }
                }
                """);
        Experiment e = parse("""
                circuits: [{ghz: 2}]
                backends: {local: [statevector]}
                merge: {file: Count.java, data: {x: 1}}
                """);
        assertThat(e.merge()).contains(new PolicyChoice("Count", Map.of("x", 1)));
        assertThat(policies.findMerge("Count")).isPresent();
    }

    @Test
    void aPolicyFileThatDoesNotCompileReportsItsPosition() throws IOException {
        Files.writeString(dir.resolve("Broken.java"), "public class Broken { int x = ; }\n");
        assertThat(problems("""
                circuits: [{ghz: 2}]
                backends: {local: [statevector]}
                merge: {file: Broken.java}
                """)).singleElement().asString().startsWith("merge.file: ").contains("Broken.java:1:");
    }

    @Test
    void readingAFileUsesItsDirectoryAndItsNameAsDefaultName() throws IOException {
        Files.writeString(dir.resolve("bell.qasm"), BELL);
        Path file = dir.resolve("my-bench.yaml");
        Files.writeString(file, "circuits: [bell.qasm]\nbackends: {local: [stabilizer]}\n");
        Experiment e = Experiment.read(file, providers, policies);
        assertThat(e.name()).isEqualTo("my-bench");
        assertThat(e.source()).contains(file);
        assertThatThrownBy(() -> Experiment.read(dir.resolve("missing.yaml"), providers, policies))
                .isInstanceOf(InvalidExperimentException.class).hasMessageContaining("no such file");
    }
}
