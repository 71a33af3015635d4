package io.qexec.qbraid;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.Circuit;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.ionq.IonQEmulator;
import io.qexec.provider.QexecConfig;
import io.qexec.provider.VirtualProvider;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.FaultSpec;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import io.qexec.result.ResultCollector;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The paper's two scenarios on {@code local} + {@code ionq} + {@code qbraid}, the remote ones through their
 * emulators (with faults injected), configured as a user would.
 */
class PaperScenariosTest {
    private static final Circuit GHZ = Circuit.builder(3, 3).h(0).cx(0, 1).cx(1, 2).measureAll().build();
    private static final Map<String, List<String>> TARGETS = Map.of(
            "local", List.of("statevector"),
            "ionq", List.of("simulator"),
            "qbraid", List.of("qbraid:qbraid:sim:qir-sv"));

    private interface Scenario {
        void run(QuantumExecutor executor, IonQEmulator ionq, QBraidEmulator qbraid);
    }

    private static void withProviders(Scenario scenario) throws IOException {
        EmulatorOptions options = EmulatorOptions.defaults().withJobDuration(Duration.ofMillis(40))
                .withLatency(Duration.ofMillis(2)).withFaults(FaultSpec.parse("503/submit@first1,429=0@every7"));
        try (IonQEmulator ionq = IonQEmulator.start(options); QBraidEmulator qbraid = QBraidEmulator.start(options)) {
            String yaml = """
                    providers:
                      local: {}
                      ionq:
                        base_url: %s
                        api_key: ${IONQ_KEY}
                        poll_initial: 0.01
                      qbraid:
                        base_url: %s
                        api_key: ${QBRAID_KEY}
                        poll_initial: 0.01
                    """.formatted(ionq.baseUrl(), qbraid.baseUrl());
            QexecConfig config = QexecConfig.parse(yaml, Map.of("IONQ_KEY", "k1", "QBRAID_KEY", "k2"));
            try (VirtualProvider vp = VirtualProvider.fromConfig(config.defaultProfile());
                 QuantumExecutor executor = QuantumExecutor.builder().virtualProvider(vp).build()) {
                scenario.run(executor, ionq, qbraid);
            }
        }
    }

    /** Automated benchmarking: the same circuit, all shots, on every backend; the distributions agree. */
    @Test
    void automatedBenchmarkingAcrossProviders() throws IOException {
        withProviders((executor, ionq, qbraid) -> {
            ResultCollector run = executor.runExperiment(GHZ, 1000, TARGETS, "multiplier", Map.of(), RunOptions.defaults());
            assertThat(run.jobs()).hasSize(3).allSatisfy(r -> {
                assertThat(r.state()).as("%s/%s %s", r.provider(), r.backend(), r.error()).isEqualTo(JobState.COMPLETED);
                assertThat(r.totalCounts()).isEqualTo(1000);
                assertThat(r.counts().keySet()).containsOnly("000", "111");
                assertThat(r.counts().get("000")).isBetween(400L, 600L);
            });
            assertThat(ionq.submissions()).isEqualTo(1);
            assertThat(qbraid.submissions()).isEqualTo(1);
        });
    }

    /** Hybrid validation: the shots split across local and remote backends, merged into one distribution. */
    @Test
    void hybridValidationSplitsAndMerges() throws IOException {
        withProviders((executor, ionq, qbraid) -> {
            ResultCollector run = executor.runExperiment(GHZ, 3000, TARGETS, "uniform", Map.of(),
                    RunOptions.defaults().merge("simple_aggregate"));
            assertThat(run.jobs()).allSatisfy(r -> assertThat(r.state()).as("%s", r.error()).isEqualTo(JobState.COMPLETED));
            assertThat(run.jobs().stream().mapToLong(JobResult::totalCounts).sum()).isEqualTo(3000);
            MergedResult merged = run.merged().orElseThrow();
            assertThat(merged.isSuccess()).isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Long> sum = (Map<String, Long>) merged.value(Map.class);
            assertThat(sum.keySet()).containsOnly("000", "111");
            assertThat(sum.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3000);
            assertThat(ionq.submissions() + qbraid.submissions()).isEqualTo(2);
        });
    }
}
