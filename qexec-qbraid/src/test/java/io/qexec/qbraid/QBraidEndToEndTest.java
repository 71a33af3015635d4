package io.qexec.qbraid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.executor.QuantumExecutor;
import io.qexec.provider.BackendStatus;
import io.qexec.provider.QexecConfig;
import io.qexec.provider.VirtualProvider;
import io.qexec.remote.PollPolicy;
import io.qexec.remote.RemoteException;
import io.qexec.remote.RemoteFailureKind;
import io.qexec.remote.RemoteJobState;
import io.qexec.remote.RemoteOutcome;
import io.qexec.remote.RemoteSettings;
import io.qexec.remote.RetryPolicy;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.FaultSpec;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QBraidEndToEndTest {
    private static final String KEY = "qbraid-test-key-456";
    private static final String SIM = "qbraid:qbraid:sim:qir-sv";
    private static final Circuit X0 = Circuit.builder(2, 2).x(0).measure(0, 0).measure(1, 1).build();

    private static QBraidEmulator emulator(String faults) throws IOException {
        return QBraidEmulator.start(EmulatorOptions.defaults().withJobDuration(Duration.ofMillis(30))
                .withFaults(FaultSpec.parse(faults)), KEY);
    }

    private static QBraidClient client(QBraidEmulator e, String key) {
        RemoteSettings s = QBraidClient.settings(Map.of(), Map.of("QEXEC_QBRAID_BASE_URL", e.baseUrl().toString(),
                        "QBRAID_API_KEY", key))
                .withRequestTimeout(Duration.ofSeconds(1))
                .withRetry(new RetryPolicy(6, Duration.ofMillis(2), Duration.ofMillis(20), Duration.ofSeconds(2)))
                .withPoll(new PollPolicy(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10), true));
        return new QBraidClient(s);
    }

    @Test
    void xOnQubitZeroComesBackAs01() throws IOException {
        try (QBraidEmulator e = emulator(""); QBraidClient c = client(e, KEY)) {
            RemoteOutcome<QBraidResult> o = c.run(QBraidJobRequest.of(X0, SIM, 100));
            assertThat(o.isCompleted()).as("%s", o.failure()).isTrue();
            assertThat(o.result().orElseThrow().counts()).containsExactly(Map.entry("01", 100L));
        }
    }

    @Test
    void severalRegistersComeBackSpaceSeparatedLastDeclaredLeftmost() throws IOException {
        Circuit c2 = Circuit.builder(3).classicalRegister("a", 1).classicalRegister("b", 2).x(0).x(2)
                .measure(0, 0).measure(1, 1).measure(2, 2).build();
        try (QBraidEmulator e = emulator(""); QBraidClient c = client(e, KEY)) {
            assertThat(c.run(QBraidJobRequest.of(c2, SIM, 10)).result().orElseThrow().counts())
                    .containsExactly(Map.entry("10 1", 10L));
        }
    }

    @Test
    void devicesAreListedAndUnknownOnesAreNotFound() throws IOException {
        try (QBraidEmulator e = emulator(""); QBraidClient c = client(e, KEY)) {
            assertThat(c.devices()).extracting(QBraidDevice::qrn).contains(SIM, "aws:quera:qpu:aquila");
            assertThat(c.device(SIM).isOnline()).isTrue();
            assertThatThrownBy(() -> c.device("qbraid:nowhere:sim:none")).isInstanceOfSatisfying(RemoteException.class,
                    x -> assertThat(x.kind()).isEqualTo(RemoteFailureKind.NOT_FOUND));
        }
    }

    @Test
    void aWrongKeyIsReportedWithoutTheKey() throws IOException {
        try (QBraidEmulator e = emulator(""); QBraidClient c = client(e, "wrong-key-000")) {
            assertThatThrownBy(c::devices).isInstanceOfSatisfying(RemoteException.class, x -> {
                assertThat(x.getMessage()).startsWith("invalid or missing API key for qbraid").doesNotContain("wrong-key-000");
            });
        }
    }

    @Test
    void aProgramTheDeviceCannotTakeIsRejectedWithQBraidsDetail() throws IOException {
        try (QBraidEmulator e = emulator(""); QBraidClient c = client(e, KEY)) {
            RemoteOutcome<QBraidResult> o = c.run(QBraidJobRequest.of(X0, "aws:quera:qpu:aquila", 10));
            assertThat(o.failure()).hasValueSatisfying(x -> {
                assertThat(x.kind()).isEqualTo(RemoteFailureKind.VALIDATION);
                assertThat(x.providerDetail().orElseThrow()).contains("OFFLINE");
            });
            assertThat(e.submissions()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"429=0@every3", "500/status@every2", "503/submit@first2", "502/result@first2",
            "drop/submit@first2", "drop/status@every3", "latency=1500/submit@first1", "ratelimit=10"})
    void everyJobCompletesOnceThroughFaults(String faults) throws IOException {
        int jobs = 5;
        try (QBraidEmulator e = emulator(faults); QBraidClient c = client(e, KEY)) {
            List<CompletableFuture<RemoteOutcome<QBraidResult>>> futures = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                futures.add(c.runAsync(QBraidJobRequest.of(X0, SIM, 32)));
            }
            for (CompletableFuture<RemoteOutcome<QBraidResult>> f : futures) {
                RemoteOutcome<QBraidResult> o = f.join();
                assertThat(o.isCompleted()).as("%s %s", o.failure(), o.events()).isTrue();
                assertThat(o.result().orElseThrow().counts()).containsExactly(Map.entry("01", 32L));
            }
            if (faults.startsWith("latency")) {
                settle();
            }
            assertThat(e.submissions()).isEqualTo(jobs);
            assertThat(e.injectedFaults()).isPositive();
        }
    }

    @Test
    void stuckAndFailedJobsEndAsTypedFailures() throws IOException {
        try (QBraidEmulator e = emulator("stuck@first1,fail=DeviceError@every2"); QBraidClient c = client(e, KEY)) {
            QBraidClient shortTimeout = new QBraidClient(c.settings().withPoll(new PollPolicy(Duration.ofMillis(5),
                    Duration.ofMillis(20), Duration.ofMillis(300), true)));
            RemoteOutcome<QBraidResult> stuck = shortTimeout.run(QBraidJobRequest.of(X0, SIM, 10));
            assertThat(stuck.failure().orElseThrow().kind()).isEqualTo(RemoteFailureKind.TIMEOUT);
            assertThat(e.cancellations()).isEqualTo(1);
            RemoteOutcome<QBraidResult> failed = c.run(QBraidJobRequest.of(X0, SIM, 10));
            assertThat(failed.state()).isEqualTo(RemoteJobState.FAILED);
            assertThat(failed.failure().orElseThrow().providerDetail()).contains("DeviceError");
            shortTimeout.close();
        }
    }

    /** The qbraid provider configured for the emulator {@code e}, as a user's config file would. */
    private static VirtualProvider providers(QBraidEmulator e) {
        String yaml = """
                providers:
                  qbraid:
                    base_url: %s
                    api_key: ${TEST_QBRAID_KEY}
                    poll_initial: 0.01
                """.formatted(e.baseUrl());
        return VirtualProvider.fromConfig(QexecConfig.parse(yaml, Map.of("TEST_QBRAID_KEY", KEY)).defaultProfile());
    }

    @Test
    void aJobWhoseHandleWasLostIsFoundByItsRunAndJobTag() throws IOException {
        try (QBraidEmulator e = emulator("")) {
            try (VirtualProvider vp = providers(e)) {
                io.qexec.provider.Provider qbraid = vp.provider("qbraid").orElseThrow();
                io.qexec.provider.Backend sim = vp.backend("qbraid", SIM);
                io.qexec.dispatch.Job job = new io.qexec.dispatch.Job("j0", 0, X0, 10, Map.of());
                String tag = io.qexec.provider.Provider.tag("run-a", "j0");
                String id = qbraid.submit(sim, job, tag).job().id();
                qbraid.submit(sim, new io.qexec.dispatch.Job("j1", 0, X0, 10, Map.of()),
                        io.qexec.provider.Provider.tag("run-a", "j1"));
                assertThat(qbraid.findSubmitted(sim, job, tag)).hasValueSatisfying(h -> assertThat(h.id()).isEqualTo(id));
                assertThat(qbraid.findSubmitted(sim, job, io.qexec.provider.Provider.tag("run-b", "j0"))).isEmpty();
                assertThat(e.submissions()).isEqualTo(2);
            }
        }
    }

    @Test
    void theExecutorRunsQBraidJobsFromConfig() throws IOException {
        try (QBraidEmulator e = emulator("drop/submit@first1,503/status@every4")) {
            try (VirtualProvider vp = providers(e);
                 QuantumExecutor executor = QuantumExecutor.builder().virtualProvider(vp).build()) {
                assertThat(vp.backend("qbraid", SIM).status()).isEqualTo(BackendStatus.ONLINE);
                Dispatch.Builder d = Dispatch.builder();
                for (int i = 0; i < 4; i++) {
                    d.add("qbraid", SIM, X0, 20);
                }
                List<JobResult> results = executor.runDispatch(d.build()).jobs();
                assertThat(results).hasSize(4).allSatisfy(r -> {
                    assertThat(r.state()).as("%s", r.error()).isEqualTo(JobState.COMPLETED);
                    assertThat(r.counts()).containsExactly(Map.entry("01", 20L));
                });
                assertThat(e.submissions()).isEqualTo(4);
                JobResult qpu = executor.runDispatch(Dispatch.builder().add("qbraid", "aws:ionq:qpu:forte-1",
                        Circuit.builder(1, 1).x(0).measure(0, 0).build(), 100).build()).jobs().get(0);
                assertThat(qpu.state()).isEqualTo(JobState.COMPLETED);
                assertThat(qpu.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
                assertThat(qpu.counts().get("1")).isGreaterThan(90L);
            }
        }
    }

    @Test
    void statusStringsMapToTheEngineStates() {
        assertThat(QBraidJobStatus.toState("INITIALIZING")).isEqualTo(RemoteJobState.SUBMITTED);
        assertThat(QBraidJobStatus.toState("VALIDATING")).isEqualTo(RemoteJobState.SUBMITTED);
        assertThat(QBraidJobStatus.toState("QUEUED")).isEqualTo(RemoteJobState.QUEUED);
        assertThat(QBraidJobStatus.toState("RUNNING")).isEqualTo(RemoteJobState.RUNNING);
        assertThat(QBraidJobStatus.toState("CANCELLING")).isEqualTo(RemoteJobState.CANCELLING);
        assertThat(QBraidJobStatus.toState("COMPLETED")).isEqualTo(RemoteJobState.COMPLETED);
        assertThat(QBraidJobStatus.toState("FAILED")).isEqualTo(RemoteJobState.FAILED);
        assertThat(QBraidJobStatus.toState("CANCELLED")).isEqualTo(RemoteJobState.CANCELLED);
        assertThat(QBraidJobStatus.toState("HOLD")).isEqualTo(RemoteJobState.UNKNOWN);
    }

    /** Lets requests the emulator is still delaying reach their handlers, so late duplicates would be counted. */
    private static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
