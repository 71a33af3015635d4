package io.qexec.cli;

import io.qexec.journal.RunSummary;
import io.qexec.journal.SqliteJobStore;
import io.qexec.result.JobResult;
import io.qexec.store.StoredRun;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qexec status RUN}: one line per job. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a recorded run's jobs: state, target and the provider's job id.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see 'qexec runs')")
    String runId;

    @Mixin
    JournalOption journal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteJobStore store = journal.openExisting()) {
            StoredRun run = RunLookup.require(store, runId);
            RunSummary s = store.summary(runId).orElseThrow();
            out.printf(Locale.ROOT, "run %s (%s): %s, %d/%d jobs done, created %s UTC%s%n", s.id(), s.name(), s.status(),
                    s.done(), s.total(), RunsCommand.TIME.format(s.created()),
                    run.merged() == null ? "" : ", merged with " + run.merged().policy());
            List<JobResult> jobs = RunLookup.results(run);
            int idWidth = Math.max(3, jobs.stream().mapToInt(j -> j.jobId().length()).max().orElse(3));
            String format = "%-" + idWidth + "s %-10s %-28s %s%n";
            out.printf(Locale.ROOT, format, "JOB", "STATE", "TARGET", "PROVIDER JOB");
            for (JobResult j : jobs) {
                String detail = j.providerJobId().isEmpty() ? "-" : j.providerJobId();
                if (j.error() != null) {
                    detail += "  " + j.error();
                }
                out.printf(Locale.ROOT, format, j.jobId(), j.state(), j.provider() + "/" + j.backend(), detail);
            }
        }
        return ExitCode.OK;
    }
}
