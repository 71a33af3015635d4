package io.qexec.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Known outcomes of real QASMBench circuits (see {@code ../shared/testdata/README.md}). Skipped with a
 * message when the shared test data is absent.
 */
class QasmBenchOutcomesTest {
    private static Path root;
    private final StatevectorSimulator sim = new StatevectorSimulator();

    @BeforeAll
    static void findTestData() {
        String property = System.getProperty("qexec.testdata");
        Path candidate = property != null ? Path.of(property) : Path.of("../../shared/testdata");
        if (!Files.isDirectory(candidate.resolve("qasmbench"))) {
            candidate = Path.of("../../shared/testdata");
        }
        root = candidate.resolve("qasmbench");
        Assumptions.assumeTrue(Files.isDirectory(root),
                "shared test data not found at " + root.toAbsolutePath() + "; skipping the QASMBench outcome tests");
    }

    private Circuit load(String name) {
        return OpenQasm.parse(root.resolve(name));
    }

    private SimulationResult run(String name, int shots) {
        return sim.run(load(name), SimulationOptions.shots(shots).withSeed(2026));
    }

    @Test
    void deterministicCircuits() {
        assertThat(run("small/adder_n4/adder_n4.qasm", 200).counts()).isEqualTo(Map.of("1001", 200L));
        assertThat(run("small/toffoli_n3/toffoli_n3.qasm", 200).counts()).isEqualTo(Map.of("111", 200L));
        assertThat(run("small/fredkin_n3/fredkin_n3.qasm", 200).counts()).isEqualTo(Map.of("101", 200L));
        assertThat(run("medium/multiply_n13/multiply_n13.qasm", 200).counts()).isEqualTo(Map.of("1111", 200L));
        assertThat(run("medium/bv_n14/bv_n14.qasm", 200).counts()).isEqualTo(Map.of("1".repeat(13), 200L));
    }

    @Test
    void catAndGhzStatesSplitEvenly() {
        for (String name : List.of("small/cat_state_n4/cat_state_n4.qasm", "medium/cat_state_n22/cat_state_n22.qasm",
                "medium/ghz_state_n23/ghz_state_n23.qasm")) {
            SimulationResult r = run(name, 4000);
            assertThat(r.counts()).as(name).hasSize(2);
            for (Map.Entry<String, Long> e : r.counts().entrySet()) {
                // cat_state_n22 also declares an unused register, which reads all zeros
                assertThat(e.getKey()).as(name).matches("(0+|1+)( 0+)?");
                assertThat((double) e.getValue()).as(name).isCloseTo(2000, within(5 * Math.sqrt(1000)));
                assertThat(r.probabilities().get(e.getKey())).isCloseTo(0.5, within(1e-9));
            }
        }
    }

    @Test
    void wStateAndQftDistributions() {
        SimulationResult w = run("small/wstate_n3/wstate_n3.qasm", 3000);
        assertThat(w.probabilities().keySet()).containsExactlyInAnyOrder("001", "010", "100");
        // the file writes the angle 2 acos(1/sqrt 3) to 5 decimals
        w.probabilities().values().forEach(p -> assertThat(p).isCloseTo(1.0 / 3, within(1e-5)));
        SimulationResult qft = run("small/qft_n4/qft_n4.qasm", 100);
        assertThat(qft.probabilities()).hasSize(16);
        qft.probabilities().values().forEach(p -> assertThat(p).isCloseTo(1.0 / 16, within(1e-9)));
    }

    @Test
    void everySmallCircuitRunsWithEveryShotAccountedFor() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root.resolve("small"))) {
            files = s.filter(p -> p.toString().endsWith(".qasm") && !p.toString().endsWith("_transpiled.qasm"))
                    .sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<String> unreadable = new java.util.ArrayList<>();
        for (Path f : files) {
            Circuit c;
            try {
                c = OpenQasm.parse(f);
            } catch (io.qexec.qasm.QasmException e) {
                unreadable.add(root.relativize(f) + ": " + e.getMessage());
                continue;
            }
            SimulationResult r = sim.run(c, SimulationOptions.shots(64).withSeed(7));
            long total = r.counts().values().stream().mapToLong(Long::longValue).sum();
            assertThat(total).as(f.toString()).isEqualTo(c.numClbits() == 0 ? 0 : 64);
        }
        // hhl_n10 and the vqe_uccsd files measure a register 'q' they never declare; nothing else may fail
        assertThat(unreadable).hasSizeLessThanOrEqualTo(4)
                .allMatch(m -> m.contains("undeclared qubit register 'q'"));
    }
}
