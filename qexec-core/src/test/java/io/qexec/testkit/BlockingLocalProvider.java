package io.qexec.testkit;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderJobStatus;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.result.JobError;
import io.qexec.result.JobState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** A local-site provider: backend {@code hang} blocks until interrupted; backend {@code quick} answers at once. */
public final class BlockingLocalProvider implements Provider {
    public final CountDownLatch started = new CountDownLatch(1);
    public volatile boolean interrupted;

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public List<Backend> backends() {
        return List.of(Backend.builder("blocking", "hang").numQubits(2).build(),
                Backend.builder("blocking", "quick").numQubits(2).build());
    }

    @Override
    public Site site() {
        return Site.LOCAL;
    }

    @Override
    public Submission submit(Backend backend, Job job) {
        if (backend.name().equals("hang")) {
            started.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                interrupted = true;
                throw new ProviderException(JobError.Kind.CANCELLED, "interrupted", "");
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("a later job saw a stale interrupt");
        }
        return Submission.finished(ProviderJob.of("blocking", backend.name(), job.id()),
                ProviderResult.ofCounts(Map.of("0", (long) job.shots())));
    }

    @Override
    public ProviderJobStatus status(ProviderJob job) {
        return ProviderJobStatus.of(JobState.COMPLETED);
    }

    @Override
    public ProviderResult result(ProviderJob job) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean cancel(ProviderJob job) {
        return false;
    }
}
