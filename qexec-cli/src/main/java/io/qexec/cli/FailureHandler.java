package io.qexec.cli;

import picocli.CommandLine;

/** Turns an unexpected failure into one line on stderr and an exit code, never a stack trace. */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (ex instanceof UserError user) {
            cli.getErr().println("qexec: " + user.getMessage());
            return user.exitCode();
        }
        if (ex instanceof io.qexec.journal.JournalException journal) {
            cli.getErr().println("qexec: " + journal.getMessage());
            return ExitCode.JOURNAL_ERROR;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            cli.getErr().println("qexec: " + ex.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        cli.getErr().println("qexec: internal error: " + ex);
        if (System.getenv("QEXEC_DEBUG") != null) {
            ex.printStackTrace(new java.io.PrintWriter(cli.getErr(), true));
        } else {
            cli.getErr().println("  (set QEXEC_DEBUG=1 for the stack trace)");
        }
        return 1;
    }
}
