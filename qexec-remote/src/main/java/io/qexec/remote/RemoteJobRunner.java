package io.qexec.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries one remote job from submission to result: submits it (resolving ambiguous submissions by looking
 * the job up by its tag before re-sending), polls with a backing-off interval until a final state or the
 * job timeout (cancelling on timeout when the policy says so), and fetches the result. Failures end as
 * values in the {@link RemoteOutcome}, never as exceptions, so one job's failure never stops its siblings.
 *
 * <p>{@link #run} blocks (sleeping, never spinning) and is meant for virtual threads; {@link #runAsync}
 * runs it on one.
 */
public final class RemoteJobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteJobRunner.class);
    private final String provider;
    private final PollPolicy poll;
    private final RetryPolicy resubmission;
    private final Duration settle;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param provider the provider's name, for messages
     * @param poll the poll policy and job timeout
     * @param resubmission how often (at most {@code maxAttempts} sends in all) and how patiently a submission is
     *     re-sent after an ambiguous failure and a lookup that found nothing
     * @param settle how long to wait before looking a job up a second time when the submission timed out or its
     *     connection dropped (the request may still be on its way through the provider); usually the request timeout
     */
    public RemoteJobRunner(String provider, PollPolicy poll, RetryPolicy resubmission, Duration settle) {
        this.provider = provider;
        this.poll = poll;
        this.resubmission = resubmission;
        this.settle = settle;
    }

    /** A runner re-sending with {@link RetryPolicy#DEFAULT}, settling for one second. */
    public RemoteJobRunner(String provider, PollPolicy poll) {
        this(provider, poll, RetryPolicy.DEFAULT, Duration.ofSeconds(1));
    }

    /** Runs the job on a virtual thread. */
    public <R> CompletableFuture<RemoteOutcome<R>> runAsync(RemoteJobApi<R> api, String tag) {
        return CompletableFuture.supplyAsync(() -> run(api, tag), executor);
    }

    /** Runs the job to its end. */
    public <R> RemoteOutcome<R> run(RemoteJobApi<R> api, String tag) {
        long deadline = System.nanoTime() + poll.jobTimeout().toNanos();
        RemoteSubmission submission;
        try {
            submission = submit(api, tag);
        } catch (RemoteException e) {
            return failed(null, tag, e, List.of(), 0);
        }
        return follow(api, submission.jobId(), tag, deadline, new ArrayList<>(submission.events()),
                submission.submissions());
    }

    /**
     * Submits a job, never re-sending it blindly: after an ambiguous failure the job is looked up by its tag and
     * re-sent only when the provider has no job with that tag (at most {@code resubmission.maxAttempts()} sends
     * in all). What happened is recorded in the returned events.
     *
     * @throws RemoteException when the job could not be submitted, or its fate is still unknown
     */
    public <R> RemoteSubmission submit(RemoteJobApi<R> api, String tag) {
        List<String> events = new ArrayList<>();
        int submissions = 0;
        while (true) {
            submissions++;
            try {
                return new RemoteSubmission(api.submit(tag), tag, submissions, events);
            } catch (RemoteException e) {
                boolean notSent = e.kind() == RemoteFailureKind.RATE_LIMITED || e.kind() == RemoteFailureKind.CONNECTION;
                if (notSent && submissions < resubmission.maxAttempts()) {
                    // refused before it was processed (429 throughout, or no connection): sending again is safe
                    events.add("submission refused (" + e.kind() + "); sending again");
                    sleepOrThrow(resubmission.delayAfter(submissions, Optional.empty()), tag);
                    continue;
                }
                if (e.kind() != RemoteFailureKind.AMBIGUOUS) {
                    throw e;
                }
                events.add("ambiguous submission (" + e.getMessage() + "); looking the job up by tag " + tag);
                LOG.info("{}: ambiguous submission of {}; looking it up before re-sending", provider, tag);
                Optional<String> found;
                try {
                    found = api.findByTag(tag);
                    if (found.isEmpty() && e.httpStatus() == 0 && !settle.isZero()) {
                        // no answer at all: the request may still be on its way; look again once it has settled
                        sleepOrThrow(settle, tag);
                        found = api.findByTag(tag);
                    }
                } catch (RemoteException lookup) {
                    if (!lookup.isTransient()) {
                        throw lookup;
                    }
                    throw new RemoteException(provider, RemoteFailureKind.AMBIGUOUS, e.httpStatus(),
                            e.getMessage() + "; the lookup by tag failed too (" + lookup.getMessage()
                                    + "), so the job was not re-sent", e.providerDetail().orElse(null), lookup);
                }
                if (found.isPresent()) {
                    events.add("found job " + found.get() + " by tag; not re-sent");
                    return new RemoteSubmission(found.get(), tag, submissions, events);
                }
                if (submissions >= resubmission.maxAttempts()) {
                    throw e;
                }
                events.add("no job with tag " + tag + "; re-sending");
                sleepOrThrow(resubmission.delayAfter(submissions, Optional.empty()), tag);
            }
        }
    }

    private void sleepOrThrow(Duration d, String tag) {
        try {
            TimeUnit.NANOSECONDS.sleep(d.toNanos());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new RemoteException(provider, RemoteFailureKind.INTERRUPTED, "interrupted before re-sending " + tag, ie);
        }
    }

    /** Follows an already submitted job (e.g. one resumed from a journal) to its end. */
    public <R> RemoteOutcome<R> resume(RemoteJobApi<R> api, String jobId, String tag) {
        return follow(api, jobId, tag, System.nanoTime() + poll.jobTimeout().toNanos(), new ArrayList<>(), 0);
    }

    private <R> RemoteOutcome<R> follow(RemoteJobApi<R> api, String jobId, String tag, long deadline,
                                        List<String> events, int submissions) {
        RemoteStatus status = null;
        RemoteException lastPollFailure = null;
        for (int polls = 0; ; polls++) {
            Duration wait = poll.interval(polls);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return timedOut(api, jobId, tag, status, lastPollFailure, events, submissions);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait.toNanos(), left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(jobId, tag, new RemoteException(provider, RemoteFailureKind.INTERRUPTED,
                        "interrupted while waiting for job " + jobId, e), events, submissions);
            }
            try {
                status = api.status(jobId);
                lastPollFailure = null;
            } catch (RemoteException e) {
                if (!e.isTransient()) {
                    return failed(jobId, tag, e, events, submissions);
                }
                lastPollFailure = e;
                events.add("status of " + jobId + " unavailable (" + e.kind() + "); polling on");
                continue;
            }
            switch (status.state()) {
                case COMPLETED -> {
                    return fetch(api, jobId, tag, deadline, events, submissions);
                }
                case FAILED -> {
                    return failed(jobId, tag, new RemoteException(provider, RemoteFailureKind.JOB_FAILED, 0,
                            "job " + jobId + " failed at " + provider + status.detail().map(d -> ": " + d).orElse(""),
                            status.detail().orElse(null), null), events, submissions);
                }
                case CANCELLED -> {
                    return new RemoteOutcome<>(Optional.of(jobId), tag, RemoteJobState.CANCELLED, Optional.empty(),
                            Optional.of(new RemoteException(provider, RemoteFailureKind.CANCELLED,
                                    "job " + jobId + " was cancelled at " + provider, null)), events, submissions);
                }
                default -> {
                }
            }
        }
    }

    private <R> RemoteOutcome<R> fetch(RemoteJobApi<R> api, String jobId, String tag, long deadline,
                                       List<String> events, int submissions) {
        for (int tries = 0; ; tries++) {
            try {
                R result = api.result(jobId);
                return new RemoteOutcome<>(Optional.of(jobId), tag, RemoteJobState.COMPLETED, Optional.of(result),
                        Optional.empty(), events, submissions);
            } catch (RemoteException e) {
                boolean again = (e.isTransient() || e.kind() == RemoteFailureKind.CONFLICT)
                        && System.nanoTime() < deadline;
                if (!again) {
                    return failed(jobId, tag, e, events, submissions);
                }
                events.add("result of " + jobId + " unavailable (" + e.kind() + "); trying again");
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.min(poll.interval(tries).toNanos(),
                            Math.max(deadline - System.nanoTime(), 0)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return failed(jobId, tag, new RemoteException(provider, RemoteFailureKind.INTERRUPTED,
                            "interrupted while fetching the result of job " + jobId, ie), events, submissions);
                }
            }
        }
    }

    private <R> RemoteOutcome<R> timedOut(RemoteJobApi<R> api, String jobId, String tag, RemoteStatus last,
                                          RemoteException lastPollFailure, List<String> events, int submissions) {
        String state = last == null ? "unknown" : last.providerState();
        RemoteException timeout = new RemoteException(provider, RemoteFailureKind.TIMEOUT, 0,
                "job " + jobId + " did not finish within " + poll.jobTimeout() + " (last status: " + state + ")",
                null, lastPollFailure);
        if (poll.cancelOnTimeout()) {
            try {
                api.cancel(jobId);
                events.add("cancelled " + jobId + " after the job timeout");
            } catch (RemoteException e) {
                events.add("cancel of " + jobId + " after the job timeout failed: " + e.getMessage());
            }
        }
        return failed(jobId, tag, timeout, events, submissions);
    }

    private <R> RemoteOutcome<R> failed(String jobId, String tag, RemoteException e, List<String> events,
                                        int submissions) {
        return new RemoteOutcome<>(Optional.ofNullable(jobId), tag, RemoteJobState.FAILED, Optional.empty(),
                Optional.of(e), events, submissions);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
