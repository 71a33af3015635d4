package io.qexec.cli;

import io.qexec.journal.RunSummary;
import io.qexec.journal.SqliteJobStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qexec runs}: the runs in the journal; {@code qexec runs prune --older-than AGE} deletes old ones. */
@Command(name = "runs", mixinStandardHelpOptions = true, subcommands = RunsCommand.Prune.class,
        description = {"List the runs recorded in the run journal: id, name, created (UTC), status, jobs done/total.",
            "Status: RUNNING (a live process drives it), INTERRUPTED ('qexec resume RUN' continues it), FINISHED."})
final class RunsCommand implements Callable<Integer> {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    JournalOption journal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!java.nio.file.Files.exists(journal.path())) {
            out.println("no runs (no journal at " + journal.path() + ")");
            return ExitCode.OK;
        }
        try (SqliteJobStore store = journal.open()) {
            List<RunSummary> runs = store.summaries();
            if (runs.isEmpty()) {
                out.println("no runs");
                return ExitCode.OK;
            }
            int nameWidth = Math.max(4, runs.stream().mapToInt(r -> r.name().length()).max().orElse(4));
            String format = "%-8s %-" + nameWidth + "s %-19s %-11s %s%n";
            out.printf(Locale.ROOT, format, "ID", "NAME", "CREATED", "STATUS", "JOBS");
            for (RunSummary r : runs) {
                out.printf(Locale.ROOT, format, r.id(), r.name(), TIME.format(r.created()), r.status(),
                        r.done() + "/" + r.total());
            }
        }
        return ExitCode.OK;
    }

    /** {@code qexec runs prune --older-than AGE}. */
    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Delete the runs recorded longer ago than AGE (runs a live process drives are kept). "
                    + "Nothing is ever deleted otherwise.")
    static final class Prune implements Callable<Integer> {
        @Option(names = "--older-than", required = true, paramLabel = "AGE",
                description = "e.g. 30d, 12h, 45m, 90s or an ISO-8601 duration (P7D)")
        String olderThan;

        @Mixin
        JournalOption journal;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Duration age = parseAge(olderThan);
            try (SqliteJobStore store = journal.openExisting()) {
                List<String> deleted = store.prune(Instant.now().minus(age));
                spec.commandLine().getOut().println("deleted " + deleted.size() + (deleted.size() == 1 ? " run" : " runs")
                        + (deleted.isEmpty() ? "" : ": " + String.join(" ", deleted)));
            }
            return ExitCode.OK;
        }

        static Duration parseAge(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.startsWith("p")) {
                    return Duration.parse(t.toUpperCase(Locale.ROOT));
                }
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return switch (t.charAt(t.length() - 1)) {
                    case 'd' -> Duration.ofDays(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 's' -> Duration.ofSeconds(n);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                throw new UserError("--older-than: '" + text + "' is not an age (use e.g. 30d, 12h, 45m, 90s or P7D)",
                        ExitCode.INVALID_INPUT);
            }
        }
    }
}
