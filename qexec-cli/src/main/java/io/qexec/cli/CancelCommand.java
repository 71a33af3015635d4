package io.qexec.cli;

import io.qexec.journal.RunCanceller;
import io.qexec.journal.SqliteJobStore;
import io.qexec.provider.VirtualProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qexec cancel RUN}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a recorded run's unfinished jobs at their providers and record them as CANCELLED "
                + "(a background worker driving the run on this machine is stopped first).")
final class CancelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see 'qexec runs')")
    String runId;

    @Mixin
    JournalOption journal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (SqliteJobStore store = journal.openExisting();
             VirtualProvider providers = VirtualProvider.fromDefaultConfig()) {
            RunLookup.require(store, runId);
            RunCanceller.Outcome o = RunCanceller.of(store, providers).cancel(runId);
            spec.commandLine().getOut().println("run " + runId + ": " + o.cancelled() + " jobs cancelled ("
                    + o.atProvider() + " at their provider)" + (o.stoppedPid() == 0 ? "" : "; stopped process "
                    + o.stoppedPid()));
        }
        return ExitCode.OK;
    }
}
