package io.qexec.ionq;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.provider.Backend;
import io.qexec.provider.BackendStatus;
import io.qexec.provider.Provider;
import io.qexec.provider.QexecConfig;
import io.qexec.provider.VirtualProvider;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.FaultSpec;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.ResultCollector;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IonQ adapter as the executor uses it: found by ServiceLoader, configured from YAML, through its emulator. */
class IonQProviderTest {
    private static final Circuit X0 = Circuit.builder(2, 2).x(0).measure(0, 0).measure(1, 1).build();

    private static VirtualProvider providers(IonQEmulator e) {
        String yaml = """
                providers:
                  ionq:
                    base_url: %s
                    api_key: ${TEST_IONQ_KEY}
                    poll_initial: 0.01
                    request_timeout: 2
                """.formatted(e.baseUrl());
        QexecConfig config = QexecConfig.parse(yaml, Map.of("TEST_IONQ_KEY", "key-for-tests-xyz"));
        return VirtualProvider.fromConfig(config.defaultProfile());
    }

    private static IonQEmulator emulator(String faults) throws IOException {
        return IonQEmulator.start(EmulatorOptions.defaults().withJobDuration(Duration.ofMillis(30))
                .withFaults(FaultSpec.parse(faults)));
    }

    @Test
    void theExecutorRunsAJobThroughTheEmulatorInTheSharedBitOrder() throws IOException {
        try (IonQEmulator e = emulator(""); VirtualProvider vp = providers(e);
             QuantumExecutor executor = QuantumExecutor.builder().virtualProvider(vp).build()) {
            Backend sim = vp.backend("ionq", "simulator");
            assertThat(sim.status()).isEqualTo(BackendStatus.ONLINE);
            assertThat(sim.option("noise_model")).isPresent();
            ResultCollector run = executor.runDispatch(Dispatch.builder().add("ionq", "simulator", X0, 100).build());
            JobResult r = run.jobs().get(0);
            assertThat(r.state()).as("%s", r.error()).isEqualTo(JobState.COMPLETED);
            assertThat(r.counts()).containsExactly(Map.entry("01", 100L));
            assertThat(r.providerJobId()).isNotBlank();
        }
    }

    @Test
    void aJobWhoseHandleWasLostIsFoundByItsRunAndJobTag() throws IOException {
        try (IonQEmulator e = emulator(""); VirtualProvider vp = providers(e)) {
            Provider ionq = vp.provider("ionq").orElseThrow();
            Backend sim = vp.backend("ionq", "simulator");
            io.qexec.dispatch.Job job = new io.qexec.dispatch.Job("j0", 0, X0, 10, Map.of());
            String tag = Provider.tag("run-a", "j0");
            String id = ionq.submit(sim, job, tag).job().id();
            // other jobs after it, so the lookup walks a list
            for (int i = 0; i < 3; i++) {
                ionq.submit(sim, new io.qexec.dispatch.Job("j" + (i + 1), 0, X0, 10, Map.of()), Provider.tag("run-a", "j" + (i + 1)));
            }
            assertThat(ionq.findSubmitted(sim, job, tag)).hasValueSatisfying(h -> {
                assertThat(h.id()).isEqualTo(id);
                assertThat(h.attributes()).containsEntry("tag", tag);
            });
            // the same job id in another run was never submitted
            assertThat(ionq.findSubmitted(sim, job, Provider.tag("run-b", "j0"))).isEmpty();
            assertThat(e.submissions()).isEqualTo(4);
        }
    }

    @Test
    void faultsLoseNoResultAndDuplicateNoSubmission() throws IOException {
        try (IonQEmulator e = emulator("drop/submit@first1,503/status@every3,429=0@every5,500/result@first1");
             VirtualProvider vp = providers(e);
             QuantumExecutor executor = QuantumExecutor.builder().virtualProvider(vp).build()) {
            Dispatch.Builder d = Dispatch.builder();
            for (int i = 0; i < 8; i++) {
                d.add("ionq", "simulator", X0, 50);
            }
            ResultCollector run = executor.runDispatch(d.build());
            assertThat(run.jobs()).hasSize(8).allSatisfy(r -> {
                assertThat(r.state()).as("%s", r.error()).isEqualTo(JobState.COMPLETED);
                assertThat(r.counts()).containsExactly(Map.entry("01", 50L));
            });
            assertThat(e.submissions()).isEqualTo(8);
        }
    }

    @Test
    void aStuckJobTimesOutIsCancelledAndOnlyItIsRetried() throws IOException {
        try (IonQEmulator e = emulator("stuck@first1"); VirtualProvider vp = providers(e);
             QuantumExecutor executor = QuantumExecutor.builder().virtualProvider(vp).build()) {
            Dispatch.Builder d = Dispatch.builder();
            d.add("ionq", "simulator", X0, 10);
            d.add("ionq", "simulator", X0, 10);
            ResultCollector run = executor.runDispatch(d.build(), RunOptions.defaults().jobTimeout(Duration.ofSeconds(2)));
            List<JobResult> failed = run.jobs().stream().filter(r -> r.state() != JobState.COMPLETED).toList();
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).error().kind()).isEqualTo(JobError.Kind.TIMEOUT);
            assertThat(e.cancellations()).isEqualTo(1);
            Dispatch.Builder retry = Dispatch.builder();
            failed.forEach(r -> retry.add("ionq", "simulator", X0, r.shots()));
            ResultCollector again = executor.runDispatch(retry.build());
            assertThat(again.jobs()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(JobState.COMPLETED));
            assertThat(e.submissions()).isEqualTo(3);
        }
    }

    @Test
    void aFailedJobIsAValueWithIonQsDetail() throws IOException {
        try (IonQEmulator e = emulator("fail=QuantumComputerError@first1"); VirtualProvider vp = providers(e);
             QuantumExecutor executor = QuantumExecutor.builder().virtualProvider(vp).build()) {
            JobResult r = executor.runDispatch(Dispatch.builder().add("ionq", "simulator", X0, 10).build()).jobs().get(0);
            assertThat(r.state()).isEqualTo(JobState.FAILED);
            assertThat(r.error().kind()).isEqualTo(JobError.Kind.EXECUTION_FAILED);
            assertThat(r.error().providerDetail()).startsWith("QuantumComputerError");
        }
    }

    @Test
    void aMissingKeyFailsTheJobWithTheStandardMessage() throws IOException {
        try (IonQEmulator e = emulator("")) {
            QexecConfig config = QexecConfig.parse("providers:\n  ionq:\n    base_url: " + e.baseUrl() + "\n", Map.of());
            try (VirtualProvider vp = VirtualProvider.fromConfig(config.defaultProfile());
                 QuantumExecutor executor = QuantumExecutor.builder().virtualProvider(vp).build()) {
                JobResult r = executor.runDispatch(Dispatch.builder().add("ionq", "simulator", X0, 10).build()).jobs().get(0);
                assertThat(r.state()).isEqualTo(JobState.FAILED);
                assertThat(r.error().message()).startsWith("invalid or missing API key for ionq");
            }
        }
    }
}
