package io.qexec.cli;

import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import io.qexec.qasm.QasmException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads circuit files for the commands, turning every problem into a {@link UserError}. */
final class CircuitFiles {
    private CircuitFiles() {
    }

    /**
     * Parses an OpenQASM 2 or 3 file.
     *
     * @throws UserError with exit code 2 and a {@code FILE:LINE:COL: message} text for bad input
     */
    static Circuit read(Path file) {
        if (!Files.exists(file)) {
            throw new UserError(file + ": no such file", ExitCode.INVALID_INPUT);
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a directory, not an OpenQASM file", ExitCode.INVALID_INPUT);
        }
        try {
            return OpenQasm.parse(file);
        } catch (QasmException e) {
            throw new UserError(e.getMessage(), ExitCode.INVALID_INPUT);
        }
    }

    /** A one-line description of a circuit's facts. */
    static String summary(Circuit c) {
        return c.numQubits() + " qubits, " + c.numClbits() + " clbits, " + c.gateCount() + " gates, depth " + c.depth()
                + ", " + (c.isClifford() ? "Clifford" : "non-Clifford") + ", " + (c.isDynamic() ? "dynamic" : "static");
    }
}
