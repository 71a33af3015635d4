package io.qexec.cli;

import io.qexec.circuit.Circuit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qexec validate FILE...}: parses each circuit file and prints a summary or the error. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check OpenQASM 2/3 files: print a one-line summary of each valid file, "
                + "or FILE:LINE:COL: message for the first error in it.",
            "Exit code 0 when every file is valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "OpenQASM files (.qasm)")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int invalid = 0;
        for (Path file : files) {
            try {
                Circuit c = CircuitFiles.read(file);
                spec.commandLine().getOut().println(file + ": " + CircuitFiles.summary(c));
            } catch (UserError e) {
                invalid++;
                spec.commandLine().getOut().println(e.getMessage());
            }
        }
        if (files.size() > 1) {
            spec.commandLine().getErr().println((files.size() - invalid) + " valid, " + invalid + " invalid");
        }
        return invalid == 0 ? ExitCode.OK : ExitCode.INVALID_INPUT;
    }
}
