package io.qexec.sim.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The density matrix on real circuits from QASMBench ({@code ../shared/testdata}, skipped when absent): the
 * known outcomes, and agreement with the statevector engine on every small file it can afford.
 */
class QasmBenchTest {
    private final DensityMatrixSimulator density = new DensityMatrixSimulator();

    static Path testdata() {
        return Path.of(System.getProperty("qexec.testdata", "../../shared/testdata"));
    }

    private static Circuit load(String relative) {
        Path file = testdata().resolve("qasmbench").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "test data absent: " + file.toAbsolutePath() + " (skipping)");
        return OpenQasm.parse(file);
    }

    @ParameterizedTest
    @CsvSource({
        "small/adder_n4/adder_n4.qasm, 1001, 1, 1e-9",
        "small/toffoli_n3/toffoli_n3.qasm, 111, 1, 1e-9",
        "small/fredkin_n3/fredkin_n3.qasm, 101, 1, 1e-9",
        "small/cat_state_n4/cat_state_n4.qasm, 0000, 0.5, 1e-9",
        "small/cat_state_n4/cat_state_n4.qasm, 1111, 0.5, 1e-9",
        // the file's rotation angles are written to a few digits, so "1/3" holds to about 1e-6
        "small/wstate_n3/wstate_n3.qasm, 001, 0.3333333333333333, 1e-5",
        "small/wstate_n3/wstate_n3.qasm, 100, 0.3333333333333333, 1e-5",
        "small/qft_n4/qft_n4.qasm, 0110, 0.0625, 1e-9",
    })
    void knownOutcomes(String file, String outcome, double probability, double tolerance) {
        SimulationResult r = density.run(load(file), SimulationOptions.shots(100).withSeed(1));
        assertThat(r.probabilities().getOrDefault(outcome, 0.0)).isCloseTo(probability, within(tolerance));
    }

    static Stream<Arguments> smallFiles() throws IOException {
        Path root = testdata().resolve("qasmbench/small");
        if (!Files.isDirectory(root)) {
            return Stream.of(Arguments.of("(test data absent: " + root.toAbsolutePath() + ")"));
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".qasm")).sorted().toList();
            return list.stream().map(p -> Arguments.of(root.relativize(p).toString()));
        }
    }

    /** Exact density-matrix probabilities against the statevector engine (exact or, for dynamic circuits, sampled). */
    @ParameterizedTest
    @MethodSource("smallFiles")
    void agreesWithTheStatevectorEngine(String relative) {
        Path file = testdata().resolve("qasmbench/small").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "test data absent: " + file + " (skipping)");
        Circuit c;
        try {
            c = OpenQasm.parse(file);
        } catch (io.qexec.qasm.QasmException e) {
            assumeTrue(false, relative + " is not valid OpenQASM (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return;
        }
        assumeTrue(c.numQubits() <= 7 && c.gateCount() <= 3000, relative + " is too large for this check");
        int shots = 20_000;
        SimulationOptions o = SimulationOptions.shots(shots).withSeed(17);
        Map<String, Double> exact = density.run(c, o).probabilities();
        SimulationResult sv = new StatevectorSimulator().run(c, o);
        if (!sv.probabilities().isEmpty()) {
            TreeSet<String> keys = new TreeSet<>(exact.keySet());
            keys.addAll(sv.probabilities().keySet());
            for (String k : keys) {
                assertThat(sv.probabilities().getOrDefault(k, 0.0)).as(k)
                        .isCloseTo(exact.getOrDefault(k, 0.0), within(1e-9));
            }
        } else {
            exact.forEach((k, p) -> {
                double f = sv.counts().getOrDefault(k, 0L) / (double) shots;
                assertThat(f).as(k).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / shots) + 1.0 / shots));
            });
            assertThat(exact.keySet()).containsAll(sv.counts().keySet());
        }
    }
}
