package io.qexec.journal;

import io.qexec.dispatch.Dispatch;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.Backend;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.VirtualProvider;
import io.qexec.result.ResultCollector;
import io.qexec.store.RunRecord;
import io.qexec.store.StoredRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continues a run recorded in a {@link SqliteJobStore}, in this process, after the process that drove it died.
 *
 * <ul>
 *   <li>a job with a final result in the journal is not fetched or run again: its recorded result is used;</li>
 *   <li>a remote job the provider accepted (its provider job id is recorded) is re-attached: polled and fetched,
 *       never sent again;</li>
 *   <li>a remote job never handed to its provider is submitted;</li>
 *   <li>a remote job whose submission was under way (no id recorded) is looked up at the provider where its API
 *       allows; otherwise it is sent again only if the provider deduplicates by job id or the caller asks for it
 *       ({@link ResumeOptions#resubmitUnknown()}); else the resume stops before doing anything and says so;</li>
 *   <li>an unfinished job of a re-runnable provider (a local simulator) is run again.</li>
 * </ul>
 *
 * <p>The merge runs once every job is final, and is recorded unless it was already. Only one process can
 * resume a run at a time ({@link RunBusyException}).
 *
 * <pre>{@code
 * try (SqliteJobStore journal = SqliteJobStore.open(SqliteJobStore.defaultPath());
 *      VirtualProvider providers = VirtualProvider.fromDefaultConfig()) {
 *     ResultCollector run = RunResumer.of(journal, providers, PolicyRegistry.withBuiltIns())
 *             .resume("k7qz3m", ResumeOptions.defaults());
 * }
 * }</pre>
 */
public final class RunResumer {
    private static final Logger LOG = LoggerFactory.getLogger(RunResumer.class);

    private final SqliteJobStore journal;
    private final VirtualProvider providers;
    private final PolicyRegistry policies;

    private RunResumer(SqliteJobStore journal, VirtualProvider providers, PolicyRegistry policies) {
        this.journal = journal;
        this.providers = providers;
        this.policies = policies;
    }

    /** A resumer over a journal, with the providers and policies the run needs (the caller closes them). */
    public static RunResumer of(SqliteJobStore journal, VirtualProvider providers, PolicyRegistry policies) {
        return new RunResumer(journal, providers, policies);
    }

    /**
     * Resumes a run.
     *
     * @return the run's collector, with every job's result (recorded or new) and the merge
     * @throws RunBusyException if another live process drives the run
     * @throws JournalException if there is no such run, or jobs of unknown outcome cannot be resolved safely
     */
    public ResultCollector resume(String runId, ResumeOptions options) {
        journal.acquire(runId);
        QuantumExecutor executor = null;
        try {
            StoredRun stored = journal.run(runId).orElseThrow(() -> new JournalException("no run " + runId));
            ResumePlan plan = plan(stored, options);
            LOG.info("resuming run {}: {}", runId, plan.counts());
            VirtualProvider.Builder view = VirtualProvider.builder().includeUnconfigured(false).discoverFactories(false);
            for (String name : stored.run().dispatch().targets().keySet()) {
                view.add(new ResumingProvider(providers.requireProvider(name), plan.forProvider(name)));
            }
            executor = QuantumExecutor.builder().virtualProvider(view.build()).policies(policies)
                    .jobStore(new ResumeJobStore(journal, plan, stored.merged() != null)).build();
            ResultCollector collector = executor.runDispatch(stored.run().dispatch(), runOptions(stored.run(), options));
            QuantumExecutor running = executor;
            collector.completion().whenComplete((c, e) -> {
                journal.release(runId);
                Thread.ofVirtual().start(running::close);
            });
            executor = null;
            return collector;
        } catch (RuntimeException e) {
            journal.release(runId);
            throw e;
        } finally {
            if (executor != null) {
                executor.close();
            }
        }
    }

    /** Decides every job's step; looks up jobs of unknown outcome where the provider can. */
    ResumePlan plan(StoredRun stored, ResumeOptions options) {
        String runId = stored.run().runId();
        Set<String> submitting = journal.submittingJobs(runId);
        Map<String, ResumePlan.Step> steps = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        for (Dispatch.Entry e : stored.run().dispatch()) {
            String id = e.job().id();
            StoredRun.StoredJob job = stored.jobs().get(id);
            Provider provider = providers.requireProvider(e.provider());
            boolean rerunnable = journal.isRerunnable(e.provider()) || provider.site() == Provider.Site.LOCAL;
            ResumePlan.Step step;
            if (job != null && job.result() != null && job.result().isDone()) {
                step = new ResumePlan.Step(JobAction.KEEP, e.provider(), job.handle(), job.result());
            } else if (rerunnable) {
                step = new ResumePlan.Step(JobAction.RERUN, e.provider(), null, null);
            } else if (job != null && job.handle() != null) {
                step = new ResumePlan.Step(JobAction.REATTACH, e.provider(), job.handle(), null);
            } else if (!submitting.contains(id)) {
                step = new ResumePlan.Step(JobAction.SUBMIT, e.provider(), null, null);
            } else {
                step = resolveUnknown(runId, e, provider, options);
                if (step.action() == JobAction.UNKNOWN) {
                    unresolved.add(id + " (" + e.provider() + "/" + e.backend() + ")");
                }
            }
            steps.put(id, step);
        }
        if (!unresolved.isEmpty()) {
            throw new JournalException("run " + runId + ": " + unresolved.size() + " job(s) may already be at their "
                    + "provider but have no provider job id, and the provider can neither look them up nor deduplicate: "
                    + String.join(", ", unresolved) + ". Check them at the provider, then resume with "
                    + "--resubmit-unknown to send them again (nothing was submitted)");
        }
        return new ResumePlan(runId, steps);
    }

    private ResumePlan.Step resolveUnknown(String runId, Dispatch.Entry e, Provider provider, ResumeOptions options) {
        if (provider.idempotentSubmit()) {
            return new ResumePlan.Step(JobAction.SUBMIT, e.provider(), null, null);
        }
        try {
            Backend backend = providers.backend(e.provider(), e.backend(), false);
            Optional<ProviderJob> found = provider.findSubmitted(backend, e.job(), Provider.tag(runId, e.job().id()));
            if (found.isPresent()) {
                LOG.info("run {}: job {} was found at {} as {}", runId, e.job().id(), e.provider(), found.get().id());
                journal.jobAccepted(runId, e.job().id(), found.get());
                return new ResumePlan.Step(JobAction.REATTACH, e.provider(), found.get(), null);
            }
            return new ResumePlan.Step(JobAction.SUBMIT, e.provider(), null, null);
        } catch (UnsupportedOperationException unsupported) {
            return new ResumePlan.Step(options.resubmitUnknown() ? JobAction.SUBMIT : JobAction.UNKNOWN, e.provider(),
                    null, null);
        }
    }

    private static RunOptions runOptions(RunRecord run, ResumeOptions options) {
        Map<String, Object> o = run.options();
        RunOptions r = RunOptions.defaults().waitForCompletion(options.blocking());
        if (Boolean.FALSE.equals(o.get("parallel"))) {
            r = r.sequential();
        }
        if (o.get("maxJobsPerBackend") instanceof Number n && n.intValue() > 0) {
            r = r.maxJobsPerBackend(n.intValue());
        }
        if (o.get("jobTimeout") instanceof String t) {
            r = r.jobTimeout(Duration.parse(t));
        }
        if (!run.mergePolicy().isEmpty()) {
            r = r.merge(run.mergePolicy(), run.mergeData());
        }
        return r;
    }
}
