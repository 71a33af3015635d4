package io.qexec.journal;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderJobStatus;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.result.JobResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider seen through the journal during a resume: a job the journal has a result for is answered from
 * the journal, a job the provider accepted is re-attached with its recorded handle, and only the rest reach
 * the real provider's {@link Provider#submit}.
 */
final class ResumingProvider implements Provider {
    private final Provider delegate;
    private final Map<String, ResumePlan.Step> steps;

    ResumingProvider(Provider delegate, Map<String, ResumePlan.Step> steps) {
        this.delegate = delegate;
        this.steps = steps;
    }

    @Override
    public Submission submit(Backend backend, Job job) {
        return submit(backend, job, null);
    }

    @Override
    public Submission submit(Backend backend, Job job, String tag) {
        ResumePlan.Step step = steps.get(job.id());
        if (step == null) {
            return send(backend, job, tag);
        }
        return switch (step.action()) {
            case KEEP -> kept(step, backend);
            case REATTACH -> Submission.accepted(step.handle());
            case SUBMIT, RERUN, UNKNOWN -> send(backend, job, tag);
        };
    }

    private Submission send(Backend backend, Job job, String tag) {
        return tag == null ? delegate.submit(backend, job) : delegate.submit(backend, job, tag);
    }

    private Submission kept(ResumePlan.Step step, Backend backend) {
        JobResult r = step.result();
        if (!r.isSuccess()) {
            throw new ProviderException(r.error().kind(), r.error().message(), r.error().providerDetail());
        }
        ProviderJob handle = step.handle() != null ? step.handle()
                : ProviderJob.of(delegate.name(), backend.name(), r.providerJobId().isEmpty() ? r.jobId() : r.providerJobId());
        return Submission.finished(handle, new ProviderResult(new TreeMap<>(r.counts()), r.memory(), r.metadata(),
                r.timings().started(), r.timings().finished()));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<Backend> backends() {
        return delegate.backends();
    }

    @Override
    public Optional<Backend> backend(String backendName) {
        return delegate.backend(backendName);
    }

    @Override
    public ProviderJobStatus status(ProviderJob job) {
        return delegate.status(job);
    }

    @Override
    public ProviderResult result(ProviderJob job) {
        return delegate.result(job);
    }

    @Override
    public boolean cancel(ProviderJob job) {
        return delegate.cancel(job);
    }

    @Override
    public Site site() {
        return delegate.site();
    }

    @Override
    public Duration pollInterval() {
        return delegate.pollInterval();
    }

    /** The real provider belongs to the caller: closing the view leaves it open. */
    @Override
    public void close() {
    }
}
