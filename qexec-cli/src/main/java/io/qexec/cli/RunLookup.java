package io.qexec.cli;

import io.qexec.journal.SqliteJobStore;
import io.qexec.store.StoredRun;

/** Finds a run in the journal or says clearly that there is none. */
final class RunLookup {
    private RunLookup() {
    }

    static StoredRun require(SqliteJobStore store, String runId) {
        return store.run(runId).orElseThrow(() -> new UserError("no run '" + runId + "' in " + store.file()
                + " (see 'qexec runs')", ExitCode.INVALID_INPUT));
    }

    /** The newest result or state of each job, as a {@link io.qexec.result.JobResult}. */
    static java.util.List<io.qexec.result.JobResult> results(StoredRun run) {
        java.util.List<io.qexec.result.JobResult> out = new java.util.ArrayList<>();
        for (var e : run.run().dispatch()) {
            StoredRun.StoredJob j = run.jobs().get(e.job().id());
            if (j != null && j.result() != null) {
                out.add(j.result());
                continue;
            }
            io.qexec.result.JobResult r = io.qexec.result.JobResult.pending(e.job().circuitIndex(), e.job().circuit().name(),
                    e.job().id(), e.provider(), e.backend(), e.job().shots());
            if (j != null && !j.transitions().isEmpty()) {
                r = r.withState(j.transitions().get(j.transitions().size() - 1).state());
            }
            if (j != null && j.handle() != null) {
                r = r.withProviderJobId(j.handle().id());
            }
            out.add(r);
        }
        return out;
    }
}
