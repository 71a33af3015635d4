package io.qexec.journal;

import io.qexec.dispatch.Dispatch;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.VirtualProvider;
import io.qexec.result.ResultCollector;
import java.nio.file.Path;

/**
 * The process the crash tests kill: {@code run DB FOLDER REMOTE LOCAL SUBMIT_DELAY_MS} starts a run of
 * {@link Experiments#mixed} on the folder providers with the journal at DB; {@code resume DB FOLDER RUN_ID}
 * resumes one (exit 3 with the reason on stderr when another process drives it).
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        Path folder = Path.of(args[2]);
        try (SqliteJobStore journal = SqliteJobStore.open(db);
             VirtualProvider providers = VirtualProvider.of(FolderProvider.remote(folder,
                     args[0].equals("run") ? Long.parseLong(args[5]) : 0, true), FolderProvider.local(folder))) {
            if (args[0].equals("run")) {
                Dispatch d = Experiments.mixed(Integer.parseInt(args[3]), 300, 150, Integer.parseInt(args[4]), 200);
                try (QuantumExecutor qe = QuantumExecutor.builder().virtualProvider(providers).jobStore(journal)
                        .localThreads(1).build()) {
                    ResultCollector c = qe.runDispatch(d, RunOptions.defaults().merge("aggregate"));
                    System.out.println("DONE " + c.runId());
                }
            } else {
                try {
                    ResultCollector c = RunResumer.of(journal, providers, PolicyRegistry.withBuiltIns())
                            .resume(args[3], ResumeOptions.defaults());
                    System.out.println("DONE " + c.runId());
                } catch (RunBusyException e) {
                    System.err.println(e.getMessage());
                    System.exit(3);
                }
            }
        }
        System.exit(0);
    }
}
