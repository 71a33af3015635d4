package io.qexec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code qexec resume RUN} as a separate background process (same Java, same class path) that outlives
 * this one; its output goes to a log file next to the journal.
 */
final class BackgroundWorker {
    private BackgroundWorker() {
    }

    /** Starts the worker and returns its log file. */
    static Path start(String runId, Path journal) {
        Path logs = journal.toAbsolutePath().getParent().resolve("logs");
        Path log = logs.resolve(runId + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("resume", runId, "--journal", journal.toAbsolutePath().toString()));
        try {
            Files.createDirectories(logs);
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new UserError("cannot start a background worker for run " + runId + ": " + e.getMessage()
                    + " (run 'qexec resume " + runId + "' to complete it)", ExitCode.JOURNAL_ERROR);
        }
        return log;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
