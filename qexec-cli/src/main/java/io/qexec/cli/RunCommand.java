package io.qexec.cli;

import io.qexec.executor.GeneratedDispatch;
import io.qexec.executor.InvalidDispatchException;
import io.qexec.executor.QuantumExecutor;
import io.qexec.experiment.Experiment;
import io.qexec.journal.RecordOnlyJobStore;
import io.qexec.journal.SqliteJobStore;
import io.qexec.experiment.ExperimentProblem;
import io.qexec.experiment.InvalidExperimentException;
import io.qexec.report.HtmlReport;
import io.qexec.report.ResultsConsole;
import io.qexec.report.ResultsJson;
import io.qexec.report.RunSummary;
import io.qexec.result.ResultCollector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qexec run FILE}: runs a YAML or JSON experiment and writes its results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment file (YAML or JSON; see docs/experiment-file.md).",
            "The file is checked as a whole before anything runs: every problem is listed with the path of its "
                    + "field (exit 2). Results go to stdout (or -o); live progress goes to stderr when it is a terminal.",
            "Exit codes: 0 every job completed, 2 invalid input, 3 some job failed or was cancelled, "
                    + "4 provider or configuration error, 130 interrupted (Ctrl-C cancels the jobs still running "
                    + "and prints what finished)."})
final class RunCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, csv }

    @Parameters(index = "0", paramLabel = "FILE", description = "the experiment file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--format", description = "table, json or csv (default: the file's output.format, else table)")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write the results to OUT instead of stdout")
    Path output;

    @Option(names = "--report", paramLabel = "FILE.html", description = "also write a self-contained HTML report")
    Path report;

    @Option(names = "--seed", paramLabel = "S", description = "seed for reproducible runs (overrides the file's seed)")
    Long seed;

    @Option(names = "--detach", description = "record the run, print its id and return; a background process runs it "
            + "(see 'qexec status RUN', 'qexec results RUN')")
    boolean detach;

    @Option(names = "--no-journal", description = "do not record the run in the run journal (it cannot be resumed)")
    boolean noJournal;

    @picocli.CommandLine.Mixin
    JournalOption journal;

    @Option(names = {"-q", "--quiet"}, description = "no progress and no notes on stderr (errors still shown)")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final ExecutorFactory executors;

    RunCommand() {
        this(ExecutorFactory.DEFAULT);
    }

    RunCommand(ExecutorFactory executors) {
        this.executors = executors;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (seed != null && seed < 0) {
            throw new UserError("--seed must be >= 0, got " + seed, ExitCode.INVALID_INPUT);
        }
        if (detach && noJournal) {
            throw new UserError("--detach needs the run journal; drop --no-journal", ExitCode.INVALID_INPUT);
        }
        try (SqliteJobStore store = noJournal ? null : journal.open();
             QuantumExecutor qe = withJournal(executors.builder(), store).build()) {
            Experiment experiment;
            try {
                experiment = Experiment.read(file, qe.virtualProvider(), qe.policies());
            } catch (InvalidExperimentException e) {
                for (ExperimentProblem p : e.problems()) {
                    err.println(file + (p.path().matches("\\d+:\\d+") ? ":" : ": ") + p);
                }
                err.println("qexec: " + file + " was not run: " + e.problems().size()
                        + (e.problems().size() == 1 ? " problem" : " problems"));
                return e.isConfigurationOnly() ? ExitCode.PROVIDER_ERROR : ExitCode.INVALID_INPUT;
            }
            if (seed != null) {
                experiment = experiment.withSeed(seed);
            }
            String chosenFormat = format != null ? format.name() : experiment.output().format().orElse("table");
            Path out = output != null ? output : experiment.output().file().orElse(null);
            Path html = report != null ? report : experiment.output().report().orElse(null);
            ResultCollector run;
            Instant started = Instant.now();
            try {
                GeneratedDispatch plan = experiment.plan(qe);
                run = qe.runDispatch(plan.dispatch(), experiment.runOptions(plan.splitData()));
            } catch (RecordOnlyJobStore.RunRecordedException recorded) {
                spec.commandLine().getOut().println(recorded.runId());
                Path log = BackgroundWorker.start(recorded.runId(), store.file());
                if (!quiet) {
                    err.println("qexec: run " + recorded.runId() + " runs in the background (log: " + log
                            + "); see 'qexec status " + recorded.runId() + "'");
                }
                return ExitCode.OK;
            } catch (InvalidDispatchException e) {
                e.problems().forEach(p -> err.println(file + ": " + p));
                err.println("qexec: " + file + " was not run");
                return ExitCode.INVALID_INPUT;
            } catch (IllegalArgumentException e) {
                err.println("qexec: " + file + ": " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            Interrupt interrupt = Interrupt.arm(run);
            boolean interrupted;
            try {
                interrupted = await(run, err, interrupt);
            } catch (InterruptedException e) {
                run.cancelAll();
                interrupt.disarm();
                interrupt.released();
                throw e;
            }
            RunSummary summary = RunSummary.of(experiment, run, started, Duration.between(started, Instant.now()));
            try {
                write(summary, run, chosenFormat, out, html, err);
                if (interrupted) {
                    err.println("qexec: interrupted: unfinished jobs were cancelled");
                    err.flush();
                    return ExitCode.INTERRUPTED;
                }
            } finally {
                interrupt.released();
            }
            return summary.hasFailures() ? ExitCode.FAILED_JOBS : ExitCode.OK;
        }
    }

    private QuantumExecutor.Builder withJournal(QuantumExecutor.Builder builder, SqliteJobStore store) {
        if (store == null) {
            return builder;
        }
        return builder.jobStore(detach ? new RecordOnlyJobStore(store) : store);
    }

    /** Waits for the run, drawing progress when stderr is a terminal; returns whether Ctrl-C interrupted it. */
    private boolean await(ResultCollector run, PrintWriter err, Interrupt interrupt) throws InterruptedException {
        ProgressDisplay progress = !quiet && Terminal.stderrIsTerminal() ? new ProgressDisplay(run, err) : null;
        try {
            while (!run.await(Duration.ofMillis(250))) {
                // the hook cancels the jobs on Ctrl-C, which completes the run
            }
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        return interrupt.disarm();
    }

    private void write(RunSummary summary, ResultCollector run, String chosenFormat, Path out, Path html, PrintWriter err)
            throws IOException {
        String text = switch (chosenFormat) {
            case "json" -> ResultsJson.write(summary) + System.lineSeparator();
            case "csv" -> run.table().toCsv();
            default -> ResultsConsole.render(summary);
        };
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
        } else {
            RunFiles.write(out, text);
            if (!quiet) {
                err.println("qexec: results written to " + out);
            }
        }
        if (html != null) {
            RunFiles.write(html, HtmlReport.render(summary));
            if (!quiet) {
                err.println("qexec: report written to " + html);
            }
        }
    }

    /**
     * Ctrl-C while a run is in flight: the shutdown hook cancels the unfinished jobs, then waits (at most 10 s)
     * for the command to print what finished before the JVM exits with 130.
     */
    static final class Interrupt {
        /** The run in flight, if any (tests fire it as the hook would). */
        static volatile Interrupt current;

        private final ResultCollector run;
        private final AtomicBoolean fired = new AtomicBoolean();
        private final CountDownLatch printed = new CountDownLatch(1);
        private final Thread hook;

        private Interrupt(ResultCollector run) {
            this.run = run;
            this.hook = new Thread(this::fire, "qexec-interrupt");
        }

        static Interrupt arm(ResultCollector run) {
            Interrupt i = new Interrupt(run);
            try {
                Runtime.getRuntime().addShutdownHook(i.hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
            current = i;
            return i;
        }

        /** What the hook does: cancel the unfinished jobs, then wait for the results to be printed. */
        void fire() {
            if (fired.compareAndSet(false, true)) {
                run.cancelAll();
            }
            try {
                printed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The run is complete; returns whether it was interrupted. */
        boolean disarm() {
            current = null;
            if (!fired.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already: the hook has fired or is about to
                }
            }
            return fired.get();
        }

        /** The results are printed: the hook may let the JVM exit. */
        void released() {
            printed.countDown();
        }
    }
}
