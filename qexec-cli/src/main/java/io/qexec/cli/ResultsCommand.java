package io.qexec.cli;

import io.qexec.journal.SqliteJobStore;
import io.qexec.result.JobResult;
import io.qexec.result.ResultTable;
import io.qexec.store.StoredRun;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qexec results RUN}: the results recorded so far. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Print the results of a recorded run, finished or not (unfinished jobs show their state).",
            "Counts are keyed in Qiskit bit order (classical bit 0 rightmost)."})
final class ResultsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, csv }

    @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see 'qexec runs')")
    String runId;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "also write the self-contained HTML report of the run as recorded so far")
    java.nio.file.Path report;

    @Mixin
    JournalOption journal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteJobStore store = journal.openExisting()) {
            StoredRun run = RunLookup.require(store, runId);
            List<JobResult> results = RunLookup.results(run);
            ResultTable table = ResultTable.of(results);
            switch (format) {
                case json -> out.println(table.toJson());
                case csv -> out.print(table.toCsv());
                default -> {
                    out.print(table.toConsole());
                    if (run.merged() != null) {
                        out.println("merged (" + run.merged().policy() + "): "
                                + (run.merged().isSuccess() ? run.merged().value() : run.merged().error()));
                    }
                }
            }
            out.flush();
            if (report != null) {
                String name = store.summary(runId).map(io.qexec.journal.RunSummary::name).orElse(runId);
                RunFiles.write(report, io.qexec.report.HtmlReport.render(io.qexec.report.RunSummary.ofRecorded(name,
                        run, results, java.time.Instant.now())));
                spec.commandLine().getErr().println("qexec: report written to " + report);
            }
            return results.stream().anyMatch(r -> r.isDone() && !r.isSuccess()) ? ExitCode.FAILED_JOBS : ExitCode.OK;
        }
    }
}
