package io.qexec.ionq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import io.qexec.remote.ApiKey;
import io.qexec.remote.PollPolicy;
import io.qexec.remote.RemoteException;
import io.qexec.remote.RemoteFailureKind;
import io.qexec.remote.RemoteJobState;
import io.qexec.remote.RemoteOutcome;
import io.qexec.remote.RemoteSettings;
import io.qexec.remote.RetryPolicy;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.FaultSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IonQEndToEndTest {
    private static final String KEY = "ionq-test-key-123";
    private static final Circuit X0 = Circuit.builder(2, 2).x(0).measure(0, 0).measure(1, 1).build();

    private static IonQEmulator emulator(String faults) throws IOException {
        return IonQEmulator.start(EmulatorOptions.defaults().withJobDuration(Duration.ofMillis(30))
                .withFaults(FaultSpec.parse(faults)), KEY);
    }

    private static IonQClient client(IonQEmulator e, String key, Duration jobTimeout) {
        RemoteSettings s = IonQClient.settings(Map.of(), Map.of("QEXEC_IONQ_BASE_URL", e.baseUrl().toString(),
                        "IONQ_API_KEY", key))
                .withRequestTimeout(Duration.ofMillis(1000))
                // ten sends: with a 502 on a random quarter of requests, six straight 502s on one job's sends
                // (1 in 4096 per job) made the fault test fail now and then; ten make it one in a million
                .withRetry(new RetryPolicy(10, Duration.ofMillis(2), Duration.ofMillis(20), Duration.ofSeconds(2)))
                .withPoll(new PollPolicy(Duration.ofMillis(5), Duration.ofMillis(20), jobTimeout, true));
        return new IonQClient(s);
    }

    private static IonQClient client(IonQEmulator e) {
        return client(e, KEY, Duration.ofSeconds(10));
    }

    @Test
    void xOnQubitZeroComesBackAs01() throws IOException {
        try (IonQEmulator e = emulator(""); IonQClient c = client(e)) {
            RemoteOutcome<IonQResult> o = c.run(IonQJobRequest.of(X0, "simulator", 100));
            assertThat(o.isCompleted()).as("%s", o.failure()).isTrue();
            assertThat(o.result().orElseThrow().counts()).containsExactly(Map.entry("01", 100L));
            assertThat(e.submissions()).isEqualTo(1);
        }
    }

    @Test
    void aBellPairOnTheSimulatorHasExactProbabilities() throws IOException {
        Circuit bell = Circuit.builder(2, 2).h(0).cx(0, 1).measureAll().build();
        try (IonQEmulator e = emulator(""); IonQClient c = client(e)) {
            IonQResult r = c.run(IonQJobRequest.of(bell, "simulator", 1000)).result().orElseThrow();
            assertThat(r.probabilities().get("00")).isCloseTo(0.5, within(1e-9));
            assertThat(r.counts()).containsExactly(Map.entry("00", 500L), Map.entry("11", 500L));
        }
    }

    @Test
    void aQpuRunIsSampledAndConservesShots() throws IOException {
        try (IonQEmulator e = emulator(""); IonQClient c = client(e)) {
            IonQResult r = c.run(IonQJobRequest.of(X0, "qpu.aria-1", 500)).result().orElseThrow();
            assertThat(r.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
            assertThat(r.counts().get("01")).isGreaterThan(450L);
        }
    }

    @Test
    void theNoiseModelOptionReachesTheSimulator() throws IOException {
        try (IonQEmulator e = emulator(""); IonQClient c = client(e)) {
            IonQResult r = c.run(IonQJobRequest.of(X0, "simulator", 4000).withNoise("harmony", 5)).result().orElseThrow();
            assertThat(r.counts()).containsKey("01").hasSizeGreaterThan(1);
        }
        assertThatThrownBy(() -> IonQJobRequest.of(X0, "qpu.aria-1", 10).withNoise("aria-1", 1))
                .hasMessageContaining("simulator option");
    }

    @Test
    void backendsAreListedWithStatusQubitsAndNoiseModels() throws IOException {
        try (IonQEmulator e = emulator(""); IonQClient c = client(e)) {
            List<IonQBackend> backends = c.backends();
            assertThat(backends).extracting(IonQBackend::name).contains("simulator", "qpu.aria-1", "qpu.forte-1");
            IonQBackend sim = c.backend("simulator");
            assertThat(sim.isOnline()).isTrue();
            assertThat(sim.noiseModels()).contains("ideal", "aria-1");
            assertThat(c.backend("qpu.aria-2").isOnline()).isFalse();
            assertThatThrownBy(() -> c.backend("qpu.nowhere")).isInstanceOfSatisfying(RemoteException.class, x -> {
                assertThat(x.kind()).isEqualTo(RemoteFailureKind.NOT_FOUND);
                assertThat(x.getMessage()).startsWith("backend 'qpu.nowhere' not found at ionq");
            });
        }
    }

    @Test
    void aWrongKeyIsReportedWithoutTheKey() throws IOException {
        try (IonQEmulator e = emulator(""); IonQClient c = client(e, "not-the-key-987", Duration.ofSeconds(5))) {
            RemoteOutcome<IonQResult> o = c.run(IonQJobRequest.of(X0, "simulator", 10));
            assertThat(o.failure()).hasValueSatisfying(x -> {
                assertThat(x.kind()).isEqualTo(RemoteFailureKind.AUTHENTICATION);
                assertThat(x.getMessage()).startsWith("invalid or missing API key for ionq").doesNotContain("not-the-key-987");
            });
            assertThat(e.submissions()).isZero();
        }
    }

    @Test
    void aCircuitTooLargeForTheBackendIsRejectedWithIonQsDetail() throws IOException {
        Circuit big = Circuit.builder(26, 26).x(25).measureAll().build();
        try (IonQEmulator e = emulator(""); IonQClient c = client(e)) {
            RemoteOutcome<IonQResult> o = c.run(IonQJobRequest.of(big, "qpu.aria-1", 10));
            assertThat(o.failure()).hasValueSatisfying(x -> {
                assertThat(x.kind()).isEqualTo(RemoteFailureKind.VALIDATION);
                assertThat(x.providerDetail().orElseThrow()).contains("NotEnoughQubits");
            });
        }
    }

    /** Each HTTP fault kind: every job completes with its result, and no job is submitted twice. */
    @ParameterizedTest
    @ValueSource(strings = {"429=0@every3", "500/status@every2", "502@0.25", "503/submit@first2",
            "503/result@first2", "drop/submit@first2", "drop=before/submit@first1", "drop/status@every3",
            "drop/result@first1", "latency=1200/submit@first1", "latency=1200/status@first1", "ratelimit=10"})
    void everyJobCompletesOnceThroughFaults(String faults) throws IOException {
        int jobs = 6;
        try (IonQEmulator e = emulator(faults); IonQClient c = client(e)) {
            List<CompletableFuture<RemoteOutcome<IonQResult>>> futures = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                futures.add(c.runAsync(IonQJobRequest.of(X0, "simulator", 64)));
            }
            for (CompletableFuture<RemoteOutcome<IonQResult>> f : futures) {
                RemoteOutcome<IonQResult> o = f.join();
                assertThat(o.isCompleted()).as("%s %s", o.failure(), o.events()).isTrue();
                assertThat(o.result().orElseThrow().counts()).containsExactly(Map.entry("01", 64L));
            }
            if (faults.startsWith("latency")) {
                settle();
            }
            assertThat(e.submissions()).as("jobs created at the provider").isEqualTo(jobs);
            assertThat(e.injectedFaults()).isPositive();
        }
    }

    @Test
    void anAmbiguousSubmissionIsRecordedAndResolvedByLookup() throws IOException {
        try (IonQEmulator e = emulator("drop/submit@first1"); IonQClient c = client(e)) {
            RemoteOutcome<IonQResult> o = c.run(IonQJobRequest.of(X0, "simulator", 10));
            assertThat(o.isCompleted()).isTrue();
            assertThat(o.events()).anyMatch(s -> s.startsWith("ambiguous submission"))
                    .anyMatch(s -> s.contains("by tag; not re-sent"));
            assertThat(e.submissions()).isEqualTo(1);
        }
    }

    @Test
    void aStuckJobTimesOutIsCancelledAndCanBeRetried() throws IOException {
        try (IonQEmulator e = emulator("stuck@first1"); IonQClient c = client(e, KEY, Duration.ofSeconds(1))) {
            RemoteOutcome<IonQResult> stuck = c.run(IonQJobRequest.of(X0, "simulator", 10));
            assertThat(stuck.state()).isEqualTo(RemoteJobState.FAILED);
            assertThat(stuck.failure().orElseThrow().kind()).isEqualTo(RemoteFailureKind.TIMEOUT);
            assertThat(e.cancellations()).isEqualTo(1);
            assertThat(c.status(stuck.jobId().orElseThrow()).state()).isEqualTo(RemoteJobState.CANCELLED);
            RemoteOutcome<IonQResult> retried = c.run(IonQJobRequest.of(X0, "simulator", 10));
            assertThat(retried.isCompleted()).isTrue();
            assertThat(e.submissions()).isEqualTo(2);
        }
    }

    @Test
    void aFailedJobCarriesIonQsFailureCode() throws IOException {
        try (IonQEmulator e = emulator("fail=QuantumComputerError@first1"); IonQClient c = client(e)) {
            RemoteOutcome<IonQResult> o = c.run(IonQJobRequest.of(X0, "simulator", 10));
            assertThat(o.state()).isEqualTo(RemoteJobState.FAILED);
            assertThat(o.failure()).hasValueSatisfying(x -> {
                assertThat(x.kind()).isEqualTo(RemoteFailureKind.JOB_FAILED);
                assertThat(x.providerDetail().orElseThrow()).startsWith("QuantumComputerError");
            });
        }
    }

    @Test
    void resultUrlsLoseTheirVersionPrefix() throws IOException {
        try (IonQEmulator e = emulator(""); IonQClient c = client(e)) {
            assertThat(c.relative("/v0.4/jobs/abc/results/probabilities")).isEqualTo("/jobs/abc/results/probabilities");
        }
        assertThat(new IonQClient(RemoteSettings.defaults("ionq", IonQClient.DEFAULT_BASE_URL).withApiKey(ApiKey.of("k")))
                .relative("/v0.4/jobs/x/results/probabilities")).isEqualTo("/jobs/x/results/probabilities");
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
