package io.qexec.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.Expr;
import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.VirtualProvider;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import io.qexec.result.ResultCollector;
import io.qexec.result.RunListener;
import io.qexec.store.InMemoryJobStore;
import io.qexec.store.StoredRun;
import io.qexec.testkit.FakeRemoteProvider;
import io.qexec.testkit.TestProviders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantumExecutorTest {
    private FakeRemoteProvider remote;
    private InMemoryJobStore store;
    private QuantumExecutor qe;

    @BeforeEach
    void setUp() {
        remote = new FakeRemoteProvider("remote");
        store = new InMemoryJobStore();
        qe = QuantumExecutor.builder().virtualProvider(VirtualProvider.of(TestProviders.local(), remote))
                .jobStore(store).build();
    }

    @AfterEach
    void tearDown() {
        qe.close();
    }

    @ParameterizedTest(name = "parallel={0} blocking={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void everyModeRunsEveryJobAndKeepsDispatchOrder(boolean parallel, boolean blocking) throws Exception {
        Dispatch d = Dispatch.builder()
                .add("local", "statevector", TestProviders.xOnFirst(), 100)
                .add("local", "statevector", TestProviders.xcx(), 50)
                .add("remote", "qpu", TestProviders.xcx(), 30)
                .add("local", "stabilizer", TestProviders.xOnFirst(), 20)
                .build();
        ResultCollector run = qe.runDispatch(d, RunOptions.defaults().parallel(parallel).waitForCompletion(blocking));
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        List<JobResult> sv = run.results().get("local").get("statevector");
        assertThat(sv).extracting(r -> (Map<String, Long>) r.counts()).containsExactly(Map.of("01", 100L), Map.of("11", 50L));
        assertThat(run.results().get("remote").get("qpu").get(0).counts()).isEqualTo(Map.of("11", 30L));
        assertThat(run.jobs()).extracting(JobResult::jobId)
                .containsExactlyElementsOf(d.entries().stream().map(e -> e.job().id()).toList());
        assertThat(run.stateCounts()).isEqualTo(Map.of(JobState.COMPLETED, 4));
    }

    @Test
    void bitOrderIsQiskitOrderEndToEnd() {
        ResultCollector run = qe.runDispatch(Dispatch.builder().add("local", "auto", TestProviders.xOnFirst(), 10).build());
        assertThat(run.jobs().get(0).counts()).containsOnlyKeys("01");
    }

    @Test
    void nonBlockingShowsRegisteredPlaceholdersBeforeJobsFinish() throws Exception {
        Dispatch d = Dispatch.builder().add("remote", "busy", TestProviders.single(), 10)
                .add("local", "statevector", TestProviders.single(), 10).build();
        ResultCollector run = qe.runDispatch(d, RunOptions.defaults().nonBlocking());
        assertThat(run.results().get("remote").get("busy")).hasSize(1);
        assertThat(run.job(d.entries().get(0).job().id()).orElseThrow().state()).isIn(JobState.PENDING,
                JobState.SUBMITTED, JobState.QUEUED, JobState.RUNNING);
        assertThat(run.isComplete()).isFalse();
        assertThat(run.await(Duration.ZERO)).isFalse();
        assertThat(run.cancelAll()).isGreaterThanOrEqualTo(1);
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        assertThat(run.jobs().get(0).state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void validationReportsEveryProblemTogetherAndSubmitsNothing() {
        Circuit wide = Circuit.builder(6, 6).x(0).measureAll().build();
        Circuit unbound = Circuit.builder(1, 1).rx(Expr.symbol("theta"), 0).measure(0, 0).build();
        Dispatch d = Dispatch.builder()
                .add("remote", "qpu", TestProviders.single(), 10)
                .add("nowhere", "x", TestProviders.single(), 10)
                .add("remote", "qbu", TestProviders.single(), 10)
                .add("remote", "down", TestProviders.single(), 10)
                .add("remote", "qpu", TestProviders.single(), 0)
                .add("remote", "qpu", wide, 10)
                .add("remote", "qpu", unbound, 10)
                .add("remote", "qpu", TestProviders.single(), 10, Map.of("seed", "seven"))
                .add("remote", "qpu", TestProviders.single(), 10, Map.of("sed", 7))
                .build();
        assertThatThrownBy(() -> qe.runDispatch(d))
                .isInstanceOfSatisfying(InvalidDispatchException.class, e -> assertThat(e.problems()).satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).contains("unknown provider 'nowhere'"),
                        p -> assertThat(p).contains("no backend 'qbu'").contains("did you mean 'qpu'"),
                        p -> assertThat(p).contains("remote/down").contains("offline"),
                        p -> assertThat(p).contains("shots must be at least 1, got 0"),
                        p -> assertThat(p).contains("6 qubits").contains("has 5"),
                        p -> assertThat(p).contains("unbound parameter theta"),
                        p -> assertThat(p).contains("option 'seed' must be integer"),
                        p -> assertThat(p).contains("no option 'sed'")));
        assertThat(remote.submitted).isEmpty();
        assertThat(store.runs()).isEmpty();
    }

    @Test
    void failuresAreTypedValuesAndSiblingsStillComplete() {
        Dispatch d = Dispatch.builder()
                .add("remote", "broken", TestProviders.single(), 10)
                .add("remote", "refuses", TestProviders.single(), 10)
                .add("remote", "qpu", TestProviders.single(), 10)
                .add("local", "statevector", Circuit.builder(1, 1).h(0).measure(0, 0).build(), 10)
                .build();
        ResultCollector run = qe.runDispatch(d, RunOptions.defaults().merge("aggregate"));
        List<JobResult> jobs = run.jobs();
        assertThat(jobs.get(0).state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.get(0).error()).isEqualTo(new JobError(JobError.Kind.EXECUTION_FAILED, "calibration error", "E42"));
        assertThat(jobs.get(1).error().kind()).isEqualTo(JobError.Kind.SUBMISSION_FAILED);
        assertThat(jobs.get(1).error().providerDetail()).isEqualTo("HTTP 400");
        assertThat(jobs.get(2).state()).isEqualTo(JobState.COMPLETED);
        assertThat(jobs.get(3).error().kind()).isEqualTo(JobError.Kind.INVALID_INPUT);
        MergedResult merged = run.merged().orElseThrow();
        assertThat(merged.finalData().get("skipped_jobs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly(jobs.get(0).jobId(),
                jobs.get(1).jobId(), jobs.get(3).jobId());
    }

    @Test
    void emptyDispatchWithMergeCompletesAndMerges() throws Exception {
        ResultCollector run = qe.runDispatch(Dispatch.empty(), RunOptions.defaults().merge("aggregate").nonBlocking());
        assertThat(run.await(Duration.ZERO)).isTrue();
        assertThat(run.merged()).isPresent();
        assertThat(run.merged().get().value(Map.class)).isEmpty();
        assertThat(run.completion().get(1, TimeUnit.SECONDS)).isSameAs(run);
    }

    @Test
    void completionIncludesTheMerge() throws Exception {
        List<Boolean> mergedAtCompletion = new CopyOnWriteArrayList<>();
        List<Boolean> mergedInFuture = new CopyOnWriteArrayList<>();
        Dispatch d = Dispatch.builder().add("remote", "qpu", TestProviders.single(), 10).build();
        qe.policies().registerMerge("slow_merge", req -> {
            Thread.onSpinWait();
            return new io.qexec.policy.MergeOutcome("done", req.data());
        });
        for (int i = 0; i < 20; i++) {
            ResultCollector run = qe.runDispatch(freshCopy(d),
                    RunOptions.defaults().merge("slow_merge").nonBlocking());
            run.addListener(new RunListener() {
                @Override
                public void completed(ResultCollector c) {
                    mergedAtCompletion.add(c.merged().isPresent());
                }
            });
            run.completion().thenAccept(c -> mergedInFuture.add(c.merged().isPresent())).get(30, TimeUnit.SECONDS);
            assertThat(run.isComplete()).isTrue();
            assertThat(run.merged()).isPresent();
        }
        assertThat(mergedInFuture).hasSize(20).containsOnly(true);
        assertThat(mergedAtCompletion).containsOnly(true);
    }

    private static Dispatch freshCopy(Dispatch d) {
        Dispatch.Builder b = Dispatch.builder();
        for (Dispatch.Entry e : d) {
            b.add(e.provider(), e.backend(), e.job().withId(null));
        }
        return b.build();
    }

    @Test
    void failingMergeIsRecordedAsAnErrorNotThrown() {
        qe.policies().registerMerge("bad", req -> {
            throw new IllegalStateException("boom");
        });
        ResultCollector run = qe.runDispatch(Dispatch.builder().add("local", "statevector", TestProviders.single(), 5).build(),
                RunOptions.defaults().merge("bad", Map.of("k", 1)));
        MergedResult m = run.merged().orElseThrow();
        assertThat(m.isSuccess()).isFalse();
        assertThat(m.error().message()).contains("boom");
        assertThat(m.finalData()).isEqualTo(Map.of("k", 1));
    }

    @Test
    void unknownMergePolicyIsRejectedBeforeSubmission() {
        Dispatch d = Dispatch.builder().add("remote", "qpu", TestProviders.single(), 5).build();
        assertThatThrownBy(() -> qe.runDispatch(d, RunOptions.defaults().merge("nope")))
                .hasMessageContaining("unknown merge policy 'nope'");
        assertThat(remote.submitted).isEmpty();
    }

    @Test
    void cancellingOneJobCancelsItAtTheProviderAndLeavesOthers() throws Exception {
        Dispatch d = Dispatch.builder().add("remote", "busy", TestProviders.single(), 5)
                .add("remote", "qpu", TestProviders.single(), 5).build();
        ResultCollector run = qe.runDispatch(d, RunOptions.defaults().nonBlocking());
        String busy = d.entries().get(0).job().id();
        while (run.job(busy).orElseThrow().providerJobId().isEmpty()) {
            Thread.sleep(1);
        }
        assertThat(run.cancel(busy)).isTrue();
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        assertThat(run.job(busy).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(remote.cancelled).contains(run.job(busy).orElseThrow().providerJobId());
        assertThat(run.jobs().get(1).state()).isEqualTo(JobState.COMPLETED);
        assertThat(run.cancel(busy)).isFalse();
        assertThatThrownBy(() -> run.cancel("missing")).hasMessageContaining("no job 'missing'");
    }

    @Test
    void cancellingARunningLocalJobInterruptsItAndTheWorkerStaysUsable() throws Exception {
        io.qexec.testkit.BlockingLocalProvider blocking = new io.qexec.testkit.BlockingLocalProvider();
        try (QuantumExecutor one = QuantumExecutor.builder().virtualProvider(VirtualProvider.of(blocking)).localThreads(1).build()) {
            Dispatch d = Dispatch.builder().add("blocking", "hang", TestProviders.single(), 3)
                    .add("blocking", "quick", TestProviders.single(), 4).build();
            ResultCollector run = one.runDispatch(d, RunOptions.defaults().nonBlocking());
            assertThat(blocking.started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.cancel(d.entries().get(0).job().id())).isTrue();
            assertThat(run.await(Duration.ofSeconds(30))).isTrue();
            assertThat(blocking.interrupted).isTrue();
            assertThat(run.jobs().get(0).state()).isEqualTo(JobState.CANCELLED);
            assertThat(run.jobs().get(1).counts()).isEqualTo(Map.of("0", 4L));
        }
    }

    @Test
    void jobTimeoutFailsTheJobAndCancelsItRemotely() {
        Dispatch d = Dispatch.builder().add("remote", "busy", TestProviders.single(), 5).build();
        ResultCollector run = qe.runDispatch(d, RunOptions.defaults().jobTimeout(Duration.ofMillis(20)));
        JobResult r = run.jobs().get(0);
        assertThat(r.state()).isEqualTo(JobState.FAILED);
        assertThat(r.error().kind()).isEqualTo(JobError.Kind.TIMEOUT);
        assertThat(remote.cancelled).contains(r.providerJobId());
    }

    @Test
    void perBackendLimitIsRespected() {
        Dispatch.Builder b = Dispatch.builder();
        for (int i = 0; i < 12; i++) {
            b.add("remote", "qpu", TestProviders.single(), 5);
        }
        ResultCollector run = qe.runDispatch(b.build(), RunOptions.defaults().maxJobsPerBackend(2));
        assertThat(run.stateCounts()).isEqualTo(Map.of(JobState.COMPLETED, 12));
        assertThat(remote.maxConcurrent()).isLessThanOrEqualTo(2);
    }

    @Test
    void listenersSeeEveryTransitionInOrder() {
        List<JobState> states = new CopyOnWriteArrayList<>();
        Dispatch d = Dispatch.builder().add("remote", "qpu", TestProviders.single(), 5).build();
        ResultCollector run = qe.runDispatch(d, RunOptions.defaults().nonBlocking());
        run.addListener(new RunListener() {
            @Override
            public void jobUpdated(JobResult result) {
                states.add(result.state());
            }
        });
        run.completion().join();
        assertThat(states).last().isEqualTo(JobState.COMPLETED);
        assertThat(states).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void storeRecordsIntentBeforeSubmissionThenHandleTransitionsResultAndMerge() {
        List<Boolean> intentSeenAtSubmit = new ArrayList<>();
        remote.onSubmit = job -> intentSeenAtSubmit.add(store.runs().size() == 1
                && store.run(store.runs().get(0).runId()).orElseThrow().jobs().containsKey(job.id()));
        Dispatch d = Dispatch.builder().add("remote", "qpu", TestProviders.single(), 5).build();
        ResultCollector run = qe.runDispatch(d, RunOptions.defaults().merge("aggregate"));
        assertThat(intentSeenAtSubmit).containsExactly(true);
        StoredRun stored = store.run(run.runId()).orElseThrow();
        StoredRun.StoredJob job = stored.jobs().get(d.entries().get(0).job().id());
        assertThat(job.handle().id()).isEqualTo(run.jobs().get(0).providerJobId());
        assertThat(job.transitions()).extracting(StoredRun.Transition::state)
                .containsExactly(JobState.SUBMITTED, JobState.QUEUED, JobState.RUNNING, JobState.COMPLETED);
        assertThat(job.result().counts()).isEqualTo(Map.of("1", 5L));
        assertThat(stored.merged()).isEqualTo(run.merged().orElseThrow());
        assertThat(stored.run().mergePolicy()).isEqualTo("aggregate");
    }

    @Test
    void resultsCarryCircuitTimingsAndMetadata() {
        ResultCollector run = qe.runExperiment(List.of(TestProviders.xOnFirst(), TestProviders.xcx()), 40,
                Map.of("local", List.of("statevector")), "multiplier", Map.of("options", Map.of("seed", 3)),
                RunOptions.defaults());
        JobResult second = run.forCircuit(1).get(0);
        assertThat(second.circuitName()).isEqualTo("xcx");
        assertThat(second.shots()).isEqualTo(40);
        assertThat(second.metadata()).containsEntry("method", "statevector").containsEntry("seed", 3L);
        assertThat(second.timings().submitted()).isNotNull();
        assertThat(second.timings().started()).as("a local job starts after it is handed over")
                .isAfterOrEqualTo(second.timings().submitted());
        assertThat(second.timings().finished()).isAfterOrEqualTo(second.timings().started());
        assertThat(run.byCircuit().keySet()).containsExactly(0, 1);
    }

    @Test
    void memoryOptionReturnsEveryShot() {
        ResultCollector run = qe.runDispatch(Dispatch.builder()
                .add("local", "statevector", TestProviders.xOnFirst(), 4, Map.of("memory", true)).build());
        assertThat(run.jobs().get(0).memory()).containsExactly("01", "01", "01", "01");
    }

    @Test
    void noisyDeviceAppliesNoiseUnlessSwitchedOff() {
        Dispatch d = Dispatch.builder()
                .add("local", "fake_line5", TestProviders.xOnFirst(), 2000, Map.of("seed", 1))
                .add("local", "fake_line5", TestProviders.xOnFirst(), 2000, Map.of("seed", 1, "noise", false))
                .build();
        ResultCollector run = qe.runDispatch(d);
        assertThat(run.jobs().get(0).counts().size()).isGreaterThan(1);
        assertThat(run.jobs().get(1).counts()).isEqualTo(Map.of("01", 2000L));
    }

    @Test
    void runExperimentHandsSplitDataToTheMergeByDefault() {
        qe.policies().registerMerge("echo", req -> new io.qexec.policy.MergeOutcome(req.data(), req.data()));
        ResultCollector run = qe.runExperiment(TestProviders.single(), 10, Map.of("local", List.of("statevector")),
                "random", Map.of("seed", 99), RunOptions.defaults().merge("echo"));
        assertThat(run.merged().orElseThrow().value(Map.class)).containsEntry("seed", 99);
        ResultCollector explicit = qe.runExperiment(TestProviders.single(), 10, Map.of("local", List.of("statevector")),
                "random", Map.of("seed", 99), RunOptions.defaults().merge("echo", Map.of("mine", true)));
        assertThat(explicit.merged().orElseThrow().value(Map.class)).isEqualTo(Map.of("mine", true));
    }

    @Test
    void generateDispatchThreadsSplitDataThroughCircuitsAndIndexesThem() {
        List<Integer> seen = new ArrayList<>();
        qe.policies().registerSplit("counting", req -> {
            int n = ((Number) req.data().getOrDefault("n", 0)).intValue();
            seen.add(n);
            return new io.qexec.policy.SplitOutcome(Dispatch.builder()
                    .add("local", "statevector", req.circuit(), req.shots()).build(), Map.of("n", n + 1));
        });
        GeneratedDispatch g = qe.generateDispatch(List.of(TestProviders.single(), TestProviders.xcx(), TestProviders.xOnFirst()),
                List.of(1, 2, 3), Map.of("local", List.of("statevector")), "counting", Map.of());
        assertThat(seen).containsExactly(0, 1, 2);
        assertThat(g.splitData()).isEqualTo(Map.of("n", 3));
        assertThat(g.dispatch().entries()).extracting(e -> e.job().circuitIndex()).containsExactly(0, 1, 2);
        assertThat(g.dispatch().shotsByCircuit()).isEqualTo(Map.of(0, 1L, 1, 2L, 2, 3L));
    }

    @Test
    void generateDispatchRejectsBadArguments() {
        Map<String, List<String>> b = Map.of("local", List.of("statevector"));
        assertThatThrownBy(() -> qe.generateDispatch(List.of(TestProviders.single(), TestProviders.xcx()), List.of(1, 2, 3),
                b, "uniform", Map.of())).hasMessageContaining("2 circuits, 3 shot counts");
        assertThatThrownBy(() -> qe.generateDispatch(List.of(), 10, b, "uniform", Map.of())).hasMessageContaining("no circuits");
        assertThatThrownBy(() -> qe.generateDispatch(TestProviders.single(), 10, b, "nope", Map.of()))
                .hasMessageContaining("unknown split policy 'nope'");
        assertThatThrownBy(() -> qe.generateDispatch(TestProviders.single(), 0, b, "uniform", Map.of()))
                .hasMessageContaining("shots must be at least 1");
        assertThatThrownBy(() -> qe.generateDispatch(TestProviders.single(), 10, Map.of(), "uniform", Map.of()))
                .hasMessageContaining("no backends");
    }

    @Test
    void aQasmStringIsOneCircuitNeverASequenceOfCharacters() {
        String qasm = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\nx q[0];\nmeasure q[0] -> c[0];\n";
        GeneratedDispatch g = qe.generateDispatch(qasm, 10, Map.of("local", List.of("statevector")), "uniform", Map.of());
        assertThat(g.dispatch().size()).isEqualTo(1);
        assertThat(g.dispatch().entries().get(0).job().circuit().numQubits()).isEqualTo(1);
        ResultCollector run = qe.runExperiment(qasm, 10, Map.of("local", List.of("statevector", "stabilizer")), "uniform",
                Map.of(), RunOptions.defaults());
        assertThat(run.jobs()).extracting(JobResult::totalCounts).containsExactly(5L, 5L);
    }

    @Test
    void customProviderInstancesWorkInParallelMode() {
        Dispatch.Builder b = Dispatch.builder();
        for (int i = 0; i < 8; i++) {
            b.add("remote", "qpu", TestProviders.xcx(), 5);
        }
        ResultCollector run = qe.runDispatch(b.build(), RunOptions.defaults().parallel(true));
        assertThat(run.jobs()).allSatisfy(r -> assertThat(r.counts()).isEqualTo(Map.of("11", 5L)));
    }

    @Test
    void submissionStepsRewriteJobsAndAFailingStepFailsOnlyItsJob() {
        try (QuantumExecutor withSteps = QuantumExecutor.builder()
                .virtualProvider(VirtualProvider.of(TestProviders.local()))
                .policies(PolicyRegistry.withBuiltIns())
                .submissionStep((backend, job) -> {
                    if (job.shots() == 13) {
                        throw new IllegalArgumentException("unlucky");
                    }
                    return job.withCircuit(TestProviders.xcx());
                }).build()) {
            ResultCollector run = withSteps.runDispatch(Dispatch.builder()
                    .add("local", "statevector", TestProviders.xOnFirst(), 5)
                    .add("local", "statevector", TestProviders.xOnFirst(), 13).build());
            assertThat(run.jobs().get(0).counts()).isEqualTo(Map.of("11", 5L));
            assertThat(run.jobs().get(1).error().kind()).isEqualTo(JobError.Kind.INVALID_INPUT);
            assertThat(run.jobs().get(1).error().message()).contains("unlucky");
        }
    }

    @Test
    void localOptionsAreCheckedByTheProvider() {
        ResultCollector run = qe.runDispatch(Dispatch.builder()
                .add("local", "auto", TestProviders.single(), 5, Map.of("seed", -1))
                .add("local", "auto", TestProviders.single(), 5, Map.of("method", "magic"))
                .add("local", "auto", TestProviders.single(), 5, Map.of("method", "stabilizer")).build());
        assertThat(run.jobs().get(0).error().message()).contains("seed must be >= 0");
        assertThat(run.jobs().get(1).error().message()).contains("unknown simulation method 'magic'");
        assertThat(run.jobs().get(2).metadata()).containsEntry("method", "stabilizer");
    }

    @Test
    void aggregateKeepsCircuitsApart() {
        ResultCollector run = qe.runExperiment(List.of(TestProviders.xOnFirst(), TestProviders.xcx()), 10,
                Map.of("local", List.of("statevector", "stabilizer")), "multiplier", Map.of(),
                RunOptions.defaults().merge("aggregate"));
        @SuppressWarnings("unchecked")
        Map<Integer, SortedMap<String, Long>> merged = run.merged().orElseThrow().value(Map.class);
        assertThat(merged).isEqualTo(Map.of(0, Map.of("01", 20L), 1, Map.of("11", 20L)));
    }
}
