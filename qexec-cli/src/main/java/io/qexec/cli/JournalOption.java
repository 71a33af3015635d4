package io.qexec.cli;

import io.qexec.journal.SqliteJobStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --journal} option of the run-management commands. */
final class JournalOption {
    /** A system property naming the default journal (used by the tests, ahead of {@code $QEXEC_JOURNAL}). */
    static final String PROPERTY = "qexec.journal";

    @Option(names = "--journal", paramLabel = "FILE",
            description = "the run journal (default: $QEXEC_JOURNAL, else ~/.qexec/runs.db)")
    Path file;

    Path path() {
        if (file != null) {
            return file;
        }
        String property = System.getProperty(PROPERTY);
        return property != null && !property.isBlank() ? Path.of(property) : SqliteJobStore.defaultPath();
    }

    /** Opens the journal; failures surface as one {@code qexec:} line with exit code 5. */
    SqliteJobStore open() {
        return SqliteJobStore.open(path());
    }

    /** Opens the journal, which must already exist (reading commands never create one). */
    SqliteJobStore openExisting() {
        Path p = path();
        if (!java.nio.file.Files.exists(p)) {
            throw new UserError("no run journal at " + p + " (no run was recorded yet)", ExitCode.INVALID_INPUT);
        }
        return SqliteJobStore.open(p);
    }
}
