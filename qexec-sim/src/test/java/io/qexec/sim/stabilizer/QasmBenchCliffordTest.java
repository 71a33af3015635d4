package io.qexec.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Clifford-only QASMBench circuits listed in {@code ../shared/testdata/README.md}, read by the
 * OpenQASM parser and run by the stabilizer simulator. Skipped when the test data folder is absent.
 */
class QasmBenchCliffordTest {
    private static final int SHOTS = 4000;
    private final StabilizerSimulator sim = new StabilizerSimulator();

    private static Circuit load(String name) throws Exception {
        String root = System.getProperty("qexec.testdata");
        Path file = root == null ? null : Path.of(root, "qasmbench", name, name.substring(name.indexOf('/') + 1) + ".qasm");
        assumeTrue(file != null && Files.isRegularFile(file),
                "QASMBench test data not found (system property qexec.testdata = " + root + "); skipping");
        return OpenQasm.parse(file);
    }

    private SimulationResult run(Circuit c) {
        return sim.run(c, SimulationOptions.shots(SHOTS).withSeed(2026));
    }

    /** Small files: sampled counts against the exact distribution of a dense state vector. */
    @ParameterizedTest
    @ValueSource(strings = {"small/bb84_n8", "small/cat_state_n4", "small/deutsch_n2", "small/error_correctiond3_n5",
        "small/grover_n2", "small/hs4_n4", "small/iswap_n2", "small/lpn_n5", "small/qrng_n4"})
    void smallCircuitsMatchTheExactDistribution(String name) throws Exception {
        Circuit c = load(name);
        assertThat(c.isClifford()).isTrue();
        SimulationResult r = run(c);
        assertThat(r.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(SHOTS);
        SamplingTest.assertClose(r.counts(), ExactDistribution.dense(c), SHOTS);
    }

    @Test
    void bernsteinVaziraniReadsAllOnes() throws Exception {
        SimulationResult r = run(load("medium/bv_n14"));
        assertThat(r.counts()).containsExactly(Map.entry("1".repeat(13), (long) SHOTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small/cat_state_n4", "medium/cat_state_n22", "medium/ghz_state_n23"})
    void catAndGhzStatesReadAllZerosOrAllOnesAboutEvenly(String name) throws Exception {
        Circuit c = load(name);
        int n = c.numQubits();
        SimulationResult r = run(c);
        // the measured register is the leftmost group when a second (unused) register exists
        long zeros = 0;
        for (Map.Entry<String, Long> e : r.counts().entrySet()) {
            String measured = e.getKey().split(" ")[0];
            assertThat(measured).hasSize(n).matches("0+|1+");
            if (measured.charAt(0) == '0') {
                zeros += e.getValue();
            }
        }
        double bound = 5 * Math.sqrt(SHOTS * 0.25);
        assertThat((double) zeros).isBetween(SHOTS / 2.0 - bound, SHOTS / 2.0 + bound);
    }

    /** The medium error-correction circuit (17 qubits, several registers): against the statevector engine. */
    @Test
    void errorCorrectionCodeAgreesWithTheStatevectorEngine() throws Exception {
        Circuit c = load("medium/qec9xz_n17");
        Map<String, Long> stabilizer = run(c).counts();
        Map<String, Long> statevector = new StatevectorSimulator().run(c, SimulationOptions.shots(SHOTS).withSeed(7))
                .counts();
        assertThat(stabilizer.keySet()).allMatch(k -> k.replace(" ", "").length() == c.numClbits());
        java.util.Set<String> keys = new java.util.HashSet<>(stabilizer.keySet());
        keys.addAll(statevector.keySet());
        for (String k : keys) {
            double f1 = stabilizer.getOrDefault(k, 0L) / (double) SHOTS;
            double f2 = statevector.getOrDefault(k, 0L) / (double) SHOTS;
            double p = (f1 + f2) / 2;
            double bound = 5 * Math.sqrt(2 * p * (1 - p) / SHOTS) + 1.0 / SHOTS;
            assertThat(Math.abs(f1 - f2)).as("outcome %s", k).isLessThanOrEqualTo(bound);
        }
    }
}
