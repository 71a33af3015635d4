package io.qexec.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code qexec} command: a thin layer over the library API. Exit codes: 0 success, 2 invalid input,
 * 3 a run finished with failed jobs, 4 provider or configuration error, 5 run journal error, 130 interrupted.
 */
@Command(name = "qexec",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Quantum Executor: run quantum experiments on any mix of simulators and cloud QPUs.",
        subcommands = {RunCommand.class, BackendsCommand.class, PoliciesCommand.class, ValidateCommand.class,
            ConvertCommand.class, SimulateCommand.class, EmulateCommand.class,
            RunsCommand.class, StatusCommand.class, ResultsCommand.class, ResumeCommand.class, CancelCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "2:invalid input (bad file, option or circuit)",
            "3:the run finished with failed jobs",
            "4:provider or configuration error",
            "5:the run journal cannot be used, or another process holds the run",
            "130:interrupted"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every subcommand, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, ExecutorFactory.DEFAULT);
    }

    /** Builds the command line with the commands that run experiments on executors from {@code executors}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, ExecutorFactory executors) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return (K) new RunCommand(executors);
                }
                if (type == BackendsCommand.class) {
                    return (K) new BackendsCommand(executors);
                }
                return defaults.create(type);
            }
        };
        CommandLine cli = new CommandLine(new Main(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("qexec: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.INVALID_INPUT;
        });
        return cli;
    }

    /** Runs the command with the process's streams and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
