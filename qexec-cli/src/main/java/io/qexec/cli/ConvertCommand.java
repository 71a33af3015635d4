package io.qexec.cli;

import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import io.qexec.qasm.QasmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qexec convert FILE --to qasm2|qasm3 [-o OUT]}. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a circuit between OpenQASM 2 and OpenQASM 3.")
final class ConvertCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { qasm2, qasm3 }

    @Parameters(index = "0", paramLabel = "FILE", description = "the OpenQASM file to convert")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "qasm2 or qasm3")
    Format to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here instead of standard output")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Circuit circuit = CircuitFiles.read(file);
        String text;
        try {
            text = to == Format.qasm2 ? OpenQasm.write2(circuit) : OpenQasm.write3(circuit);
        } catch (QasmException e) {
            throw new UserError(file + ": cannot write as " + to + ": " + e.getMessage(), ExitCode.INVALID_INPUT);
        }
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(output, text);
            } catch (IOException e) {
                throw new UserError("cannot write " + output + ": " + e.getMessage(), ExitCode.INVALID_INPUT);
            }
        }
        return ExitCode.OK;
    }
}
