package io.qexec.cli;

import io.qexec.journal.ResumeOptions;
import io.qexec.journal.RunResumer;
import io.qexec.journal.SqliteJobStore;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.VirtualProvider;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.ResultCollector;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qexec resume RUN}: continues an interrupted run without submitting any job twice. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a run whose process died: jobs a provider accepted are re-attached (polled, fetched), "
                + "jobs never sent are submitted, recorded results are kept, local simulations that had not finished "
                + "run again; the merge runs once every job is final.",
            "A job whose submission was under way when the process died is looked up at its provider; if the provider "
                    + "cannot look it up, resume stops before sending anything unless --resubmit-unknown is given."})
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see 'qexec runs')")
    String runId;

    @Option(names = "--resubmit-unknown",
            description = "send again jobs whose submission outcome is unknown (may run them twice)")
    boolean resubmitUnknown;

    @Option(names = "--detach", description = "continue in a background process and return at once")
    boolean detach;

    @Mixin
    JournalOption journal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (detach) {
            try (SqliteJobStore store = journal.openExisting()) {
                RunLookup.require(store, runId);
            }
            out.println(runId);
            spec.commandLine().getErr().println("qexec: run " + runId + " continues in the background (log: "
                    + BackgroundWorker.start(runId, journal.path()) + ")");
            return ExitCode.OK;
        }
        try (SqliteJobStore store = journal.openExisting();
             VirtualProvider providers = VirtualProvider.fromDefaultConfig()) {
            RunLookup.require(store, runId);
            ResultCollector run = RunResumer.of(store, providers, PolicyRegistry.withBuiltIns())
                    .resume(runId, new ResumeOptions(resubmitUnknown, true));
            Map<JobState, Integer> counts = run.stateCounts();
            out.println("run " + runId + ": " + run.jobs().size() + " jobs, " + counts.getOrDefault(JobState.COMPLETED, 0)
                    + " completed, " + counts.getOrDefault(JobState.FAILED, 0) + " failed, "
                    + counts.getOrDefault(JobState.CANCELLED, 0) + " cancelled"
                    + run.merged().map(m -> "; merged with " + m.policy()).orElse(""));
            return run.jobs().stream().allMatch(JobResult::isSuccess) ? ExitCode.OK : ExitCode.FAILED_JOBS;
        }
    }
}
