package io.qexec.braket;

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

class BraketEndToEndTest {
    private static final String SV1 = "arn:aws:braket:::device/quantum-simulator/amazon/sv1";
    private static final Circuit X0 = Circuit.builder(2, 2).x(0).measure(0, 0).measure(1, 1).build();

    private static BraketEmulator emulator(String faults) throws IOException {
        return BraketEmulator.start(EmulatorOptions.defaults().withJobDuration(Duration.ofMillis(30))
                .withFaults(FaultSpec.parse(faults)));
    }

    private static Map<String, String> config(BraketEmulator e) {
        return Map.of("base_url", e.baseUrl().toString(), "region", "us-east-1", "aws_access_key_id", "AKIDEMULATOR",
                "aws_secret_access_key", "emulator-secret", "s3_bucket", "amazon-braket-tests", "request_timeout", "2");
    }

    private static BraketTasks tasks(BraketEmulator e, Duration jobTimeout) {
        BraketSettings s = BraketSettings.resolve(config(e), Map.of());
        s = new BraketSettings(s.remote().withPoll(new PollPolicy(Duration.ofMillis(5), Duration.ofMillis(20), jobTimeout, true)),
                s.endpointOverridden(), s.s3Endpoint(), s.region(), s.outputBucket(), s.outputPrefix(), s.profile(),
                s.accessKeyId(), s.secretAccessKey());
        return new BraketTasks(s);
    }

    @Test
    void xOnQubitZeroComesBackAs01FromResultsJson() throws IOException {
        try (BraketEmulator e = emulator(""); BraketTasks t = tasks(e, Duration.ofSeconds(10))) {
            RemoteOutcome<BraketResult> o = t.run(new BraketTaskRequest(X0, SV1, 100));
            assertThat(o.isCompleted()).as("%s", o.failure()).isTrue();
            assertThat(o.result().orElseThrow().counts()).containsExactly(Map.entry("01", 100L));
        }
    }

    @Test
    void measurementsAreRoutedToTheirClassicalBits() throws IOException {
        Circuit swapped = Circuit.builder(3, 2).x(2).measure(2, 0).measure(0, 1).build();
        try (BraketEmulator e = emulator(""); BraketTasks t = tasks(e, Duration.ofSeconds(10))) {
            assertThat(t.run(new BraketTaskRequest(swapped, SV1, 10)).result().orElseThrow().counts())
                    .containsExactly(Map.entry("01", 10L));
        }
    }

    @Test
    void devicesCarryQubitCountsAndStatus() throws IOException {
        try (BraketEmulator e = emulator(""); BraketTasks t = tasks(e, Duration.ofSeconds(10))) {
            List<BraketDevice> devices = t.devices();
            assertThat(devices).extracting(BraketDevice::arn).contains(SV1);
            BraketDevice sv1 = t.device(SV1);
            assertThat(sv1.qubits()).isEqualTo(34);
            assertThat(sv1.simulator()).isTrue();
            assertThatThrownBy(() -> t.device("arn:aws:braket:::device/none")).isInstanceOfSatisfying(RemoteException.class,
                    x -> assertThat(x.kind()).isEqualTo(RemoteFailureKind.NOT_FOUND));
        }
    }

    @Test
    void aProgramTooWideIsAValidationFailure() throws IOException {
        Circuit wide = Circuit.builder(21, 1).x(20).measure(20, 0).build();
        try (BraketEmulator e = emulator(""); BraketTasks t = tasks(e, Duration.ofSeconds(10))) {
            RemoteOutcome<BraketResult> o = t.run(new BraketTaskRequest(wide, "arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet", 10));
            assertThat(o.failure()).hasValueSatisfying(x -> assertThat(x.providerDetail().orElseThrow()).contains("offline"));
        }
    }

    /** The SDK retries creation with the same clientToken, so faults never create a second task. */
    @ParameterizedTest
    @ValueSource(strings = {"429=0@every3", "500/status@every2", "503/submit@first2", "502/result@first1",
            "drop/submit@first1", "drop/status@every3"})
    void everyTaskCompletesOnceThroughFaults(String faults) throws IOException {
        int jobs = 4;
        try (BraketEmulator e = emulator(faults); BraketTasks t = tasks(e, Duration.ofSeconds(20))) {
            List<CompletableFuture<RemoteOutcome<BraketResult>>> futures = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                futures.add(t.runAsync(new BraketTaskRequest(X0, SV1, 16)));
            }
            for (CompletableFuture<RemoteOutcome<BraketResult>> f : futures) {
                RemoteOutcome<BraketResult> o = f.join();
                assertThat(o.isCompleted()).as("%s %s", o.failure(), o.events()).isTrue();
                assertThat(o.result().orElseThrow().counts()).containsExactly(Map.entry("01", 16L));
            }
            assertThat(e.submissions()).isEqualTo(jobs);
            assertThat(e.injectedFaults()).isPositive();
        }
    }

    @Test
    void stuckAndFailedTasksEndAsTypedFailures() throws IOException {
        try (BraketEmulator e = emulator("stuck@first1,fail=QPU_ERROR@every2");
             BraketTasks t = tasks(e, Duration.ofMillis(1500))) {
            RemoteOutcome<BraketResult> stuck = t.run(new BraketTaskRequest(X0, SV1, 10));
            assertThat(stuck.failure().orElseThrow().kind()).isEqualTo(RemoteFailureKind.TIMEOUT);
            assertThat(e.cancellations()).isEqualTo(1);
            RemoteOutcome<BraketResult> failed = t.run(new BraketTaskRequest(X0, SV1, 10));
            assertThat(failed.state()).isEqualTo(RemoteJobState.FAILED);
            assertThat(failed.failure().orElseThrow().providerDetail()).contains("QPU_ERROR");
        }
    }

    /** The braket provider configured for the emulator {@code e}, as a user's config file would. */
    private static VirtualProvider providers(BraketEmulator e) {
        String yaml = """
                providers:
                  braket:
                    base_url: %s
                    region: us-east-1
                    aws_access_key_id: AKIDEMULATOR
                    aws_secret_access_key: ${TEST_AWS_SECRET}
                    s3_bucket: amazon-braket-tests
                    poll_initial: 0.01
                """.formatted(e.baseUrl());
        return VirtualProvider.fromConfig(QexecConfig.parse(yaml, Map.of("TEST_AWS_SECRET", "emulator-secret"))
                .defaultProfile());
    }

    @Test
    void aTaggedSubmissionSentTwiceCreatesOneTask() throws Exception {
        try (BraketEmulator e = emulator("")) {
            try (VirtualProvider vp = providers(e)) {
                io.qexec.provider.Provider braket = vp.provider("braket").orElseThrow();
                io.qexec.provider.Backend sv1 = vp.backend("braket", SV1);
                io.qexec.dispatch.Job job = new io.qexec.dispatch.Job("j0", 0, X0, 10, Map.of());
                String tag = io.qexec.provider.Provider.tag("run-a", "j0");
                String first = braket.submit(sv1, job, tag).job().id();
                // a resumed run re-sends a job whose submission outcome it does not know
                assertThat(braket.idempotentSubmit()).isTrue();
                assertThat(braket.submit(sv1, job, tag).job().id()).isEqualTo(first);
                assertThat(braket.submit(sv1, job, io.qexec.provider.Provider.tag("run-b", "j0")).job().id())
                        .isNotEqualTo(first);
                assertThat(e.submissions()).isEqualTo(2);
                // the counters, as another process reads them
                String stats = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        e.baseUrl().resolve(io.qexec.remote.emulator.EmulatorServer.STATS_PATH)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                assertThat(stats).contains("\"submissions\":2").contains("\"" + BraketTasks.clientTokenOf(tag) + "\":1");
            }
        }
    }

    @Test
    void theExecutorRunsBraketTasksFromConfig() throws IOException {
        try (BraketEmulator e = emulator("")) {
            try (VirtualProvider vp = providers(e);
                 QuantumExecutor executor = QuantumExecutor.builder().virtualProvider(vp).build()) {
                assertThat(vp.backend("braket", SV1).status()).isEqualTo(BackendStatus.ONLINE);
                JobResult r = executor.runDispatch(Dispatch.builder().add("braket", SV1, X0, 50).build()).jobs().get(0);
                assertThat(r.state()).as("%s", r.error()).isEqualTo(JobState.COMPLETED);
                assertThat(r.counts()).containsExactly(Map.entry("01", 50L));
            }
        }
    }

    @Test
    void settingsNeverShowTheSecret() {
        BraketSettings s = BraketSettings.resolve(Map.of("aws_access_key_id", "AKIAEXAMPLE", "aws_secret_access_key",
                "very-secret-value"), Map.of("AWS_REGION", "eu-west-2"));
        assertThat(s.region()).isEqualTo("eu-west-2");
        assertThat(s.endpointOverridden()).isFalse();
        assertThat(s.toString()).doesNotContain("very-secret-value").doesNotContain("AKIAEXAMPLE");
    }

    @Test
    void statusStringsMapToTheEngineStates() {
        assertThat(BraketTaskStatus.toState("CREATED")).isEqualTo(RemoteJobState.SUBMITTED);
        assertThat(BraketTaskStatus.toState("QUEUED")).isEqualTo(RemoteJobState.QUEUED);
        assertThat(BraketTaskStatus.toState("RUNNING")).isEqualTo(RemoteJobState.RUNNING);
        assertThat(BraketTaskStatus.toState("CANCELLING")).isEqualTo(RemoteJobState.CANCELLING);
        assertThat(BraketTaskStatus.toState("COMPLETED")).isEqualTo(RemoteJobState.COMPLETED);
        assertThat(BraketTaskStatus.toState("FAILED")).isEqualTo(RemoteJobState.FAILED);
        assertThat(BraketTaskStatus.toState("CANCELLED")).isEqualTo(RemoteJobState.CANCELLED);
    }
}
