package io.qexec.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RemoteJobRunnerTest {
    private static final PollPolicy FAST = new PollPolicy(Duration.ofMillis(1), Duration.ofMillis(4),
            Duration.ofSeconds(5), true);

    /** A scripted provider: each job reports the given states in turn, then stays in the last one. */
    static class ScriptedProvider implements RemoteJobApi<String> {
        final Map<String, String> jobsByTag = new ConcurrentHashMap<>();
        final Map<String, Integer> polls = new HashMap<>();
        final List<String> cancelled = new ArrayList<>();
        int sent;
        List<RemoteJobState> script = List.of(RemoteJobState.QUEUED, RemoteJobState.RUNNING, RemoteJobState.COMPLETED);
        int ambiguousSubmissions;
        boolean ambiguousCreates = true;
        boolean searchable = true;
        int statusFailures;

        @Override
        public synchronized String submit(String tag) {
            sent++;
            String id = "job-" + sent;
            if (ambiguousSubmissions > 0) {
                ambiguousSubmissions--;
                if (ambiguousCreates) {
                    jobsByTag.put(tag, id);
                }
                throw new RemoteException("fake", RemoteFailureKind.AMBIGUOUS, 0, "submission dropped", null, null);
            }
            jobsByTag.put(tag, id);
            return id;
        }

        @Override
        public Optional<String> findByTag(String tag) {
            return searchable ? Optional.ofNullable(jobsByTag.get(tag)) : Optional.empty();
        }

        @Override
        public synchronized RemoteStatus status(String jobId) {
            if (statusFailures > 0) {
                statusFailures--;
                throw new RemoteException("fake", RemoteFailureKind.SERVER, 503, "down", null, null);
            }
            int n = polls.merge(jobId, 1, Integer::sum);
            RemoteJobState s = script.get(Math.min(n - 1, script.size() - 1));
            return new RemoteStatus(s, s.name().toLowerCase(), s == RemoteJobState.FAILED
                    ? Optional.of("SimulationError: boom") : Optional.empty());
        }

        @Override
        public String result(String jobId) {
            return "result of " + jobId;
        }

        @Override
        public synchronized void cancel(String jobId) {
            cancelled.add(jobId);
        }
    }

    @Test
    void aJobIsFollowedToItsResult() {
        ScriptedProvider p = new ScriptedProvider();
        try (RemoteJobRunner runner = new RemoteJobRunner("fake", FAST)) {
            RemoteOutcome<String> o = runner.run(p, "t1");
            assertThat(o.isCompleted()).isTrue();
            assertThat(o.result()).contains("result of job-1");
            assertThat(o.submissions()).isEqualTo(1);
            assertThat(p.polls.get("job-1")).isEqualTo(3);
        }
    }

    @Test
    void anAmbiguousSubmissionThatReachedTheProviderIsFoundByTagAndNotResent() {
        ScriptedProvider p = new ScriptedProvider();
        p.ambiguousSubmissions = 1;
        try (RemoteJobRunner runner = new RemoteJobRunner("fake", FAST)) {
            RemoteOutcome<String> o = runner.run(p, "t2");
            assertThat(o.isCompleted()).isTrue();
            assertThat(p.sent).isEqualTo(1);
            assertThat(o.jobId()).contains("job-1");
            assertThat(o.events()).anyMatch(e -> e.startsWith("ambiguous submission"))
                    .anyMatch(e -> e.equals("found job job-1 by tag; not re-sent"));
        }
    }

    @Test
    void anAmbiguousSubmissionThatDidNotReachTheProviderIsResentOnce() {
        ScriptedProvider p = new ScriptedProvider();
        p.ambiguousSubmissions = 1;
        p.ambiguousCreates = false;
        try (RemoteJobRunner runner = new RemoteJobRunner("fake", FAST)) {
            RemoteOutcome<String> o = runner.run(p, "t3");
            assertThat(o.isCompleted()).isTrue();
            assertThat(p.sent).isEqualTo(2);
            assertThat(o.submissions()).isEqualTo(2);
            assertThat(o.events()).contains("no job with tag t3; re-sending");
        }
    }

    @Test
    void aTimedOutSubmissionIsLookedUpAgainAfterSettlingBeforeItIsResent() {
        ScriptedProvider p = new ScriptedProvider() {
            int lookups;

            @Override
            public synchronized String submit(String tag) {
                sent++;
                if (sent == 1) {
                    throw new RemoteException("fake", RemoteFailureKind.AMBIGUOUS, 0, "timed out", null, null);
                }
                jobsByTag.put(tag, "job-" + sent);
                return "job-" + sent;
            }

            @Override
            public synchronized Optional<String> findByTag(String tag) {
                // the timed-out request reaches the provider only after the first lookup
                if (++lookups == 2) {
                    jobsByTag.put(tag, "job-late");
                }
                return Optional.ofNullable(jobsByTag.get(tag));
            }
        };
        try (RemoteJobRunner runner = new RemoteJobRunner("fake", FAST, RetryPolicy.DEFAULT, Duration.ofMillis(5))) {
            RemoteSubmission s = runner.submit(p, "t9");
            assertThat(s.jobId()).isEqualTo("job-late");
            assertThat(p.sent).isEqualTo(1);
            assertThat(s.wasAmbiguous()).isTrue();
        }
    }

    @Test
    void aFailedJobEndsAsATypedFailureWithTheProvidersDetail() {
        ScriptedProvider p = new ScriptedProvider();
        p.script = List.of(RemoteJobState.RUNNING, RemoteJobState.FAILED);
        try (RemoteJobRunner runner = new RemoteJobRunner("fake", FAST)) {
            RemoteOutcome<String> o = runner.run(p, "t4");
            assertThat(o.state()).isEqualTo(RemoteJobState.FAILED);
            assertThat(o.failure()).hasValueSatisfying(e -> {
                assertThat(e.kind()).isEqualTo(RemoteFailureKind.JOB_FAILED);
                assertThat(e.providerDetail()).contains("SimulationError: boom");
            });
        }
    }

    @Test
    void aStuckJobTimesOutAndIsCancelled() {
        ScriptedProvider p = new ScriptedProvider();
        p.script = List.of(RemoteJobState.QUEUED);
        PollPolicy shortTimeout = FAST.withJobTimeout(Duration.ofMillis(60));
        try (RemoteJobRunner runner = new RemoteJobRunner("fake", shortTimeout)) {
            RemoteOutcome<String> o = runner.run(p, "t5");
            assertThat(o.state()).isEqualTo(RemoteJobState.FAILED);
            assertThat(o.failure()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(RemoteFailureKind.TIMEOUT));
            assertThat(p.cancelled).containsExactly("job-1");
            assertThat(o.jobId()).contains("job-1");
        }
    }

    @Test
    void transientStatusFailuresDoNotLoseTheJob() {
        ScriptedProvider p = new ScriptedProvider();
        p.statusFailures = 3;
        try (RemoteJobRunner runner = new RemoteJobRunner("fake", FAST)) {
            RemoteOutcome<String> o = runner.run(p, "t6");
            assertThat(o.isCompleted()).isTrue();
            assertThat(o.events()).filteredOn(e -> e.contains("unavailable")).hasSize(3);
        }
    }

    @Test
    void manyJobsRunConcurrentlyOnVirtualThreads() {
        ScriptedProvider p = new ScriptedProvider();
        try (RemoteJobRunner runner = new RemoteJobRunner("fake", FAST)) {
            var futures = new ArrayList<java.util.concurrent.CompletableFuture<RemoteOutcome<String>>>();
            for (int i = 0; i < 200; i++) {
                futures.add(runner.runAsync(p, "tag-" + i));
            }
            assertThat(futures).allSatisfy(f -> assertThat(f.join().isCompleted()).isTrue());
            assertThat(p.sent).isEqualTo(200);
        }
    }
}
