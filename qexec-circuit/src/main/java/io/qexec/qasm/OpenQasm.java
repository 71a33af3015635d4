package io.qexec.qasm;

import io.qexec.circuit.Circuit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes OpenQASM 2.0 and OpenQASM 3 (a documented subset; see {@code docs/openqasm.md}).
 *
 * <pre>{@code
 * Circuit c = OpenQasm.parse(Path.of("bell.qasm"));
 * String qasm3 = OpenQasm.write3(c);
 * }</pre>
 *
 * <p>The reader picks the language from the {@code OPENQASM 2.0;} or {@code OPENQASM 3;} header; a program
 * without a header is read as OpenQASM 3 (which also accepts {@code qreg}, {@code creg},
 * {@code measure q -> c;} and {@code if (c == n)}). {@code include "qelib1.inc";} and
 * {@code include "stdgates.inc";} are built in; other includes are read relative to the including file.
 * Every problem in the input is a {@link QasmException} naming file, line and column.
 */
public final class OpenQasm {
    private OpenQasm() {
    }

    /**
     * Parses a program held in a string. Its name in messages is {@code <input>}; relative includes are
     * looked up in the working directory.
     *
     * @throws QasmException for any syntax or semantic error, or an unsupported feature
     */
    public static Circuit parse(String source) {
        return parse(source, "<input>");
    }

    /**
     * Parses a program held in a string, naming it {@code fileName} in messages.
     *
     * @throws QasmException for any syntax or semantic error, or an unsupported feature
     */
    public static Circuit parse(String source, String fileName) {
        return Parser.parse(new SourceText(fileName, source, null));
    }

    /**
     * Parses a file; includes are resolved relative to its directory. The circuit is named after the file
     * (without {@code .qasm}).
     *
     * @throws QasmException for any syntax or semantic error, an unsupported feature, or an unreadable file
     *     (then with line 0)
     */
    public static Circuit parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new QasmException(file.toString(), 0, 0, "", "cannot read " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return Parser.parse(new SourceText(file.toString(), text, dir));
    }

    /**
     * Writes a circuit as OpenQASM 2.0 with {@code include "qelib1.inc";}. Library gates that
     * {@code qelib1.inc} lacks (e.g. {@code iswap}, {@code ecr}) and user gates are emitted as definitions
     * first.
     *
     * @throws QasmException if the circuit needs OpenQASM 3: symbolic parameters, gate modifiers, while
     *     loops, else branches or conditions that OpenQASM 2's {@code if (creg == n)} cannot express
     */
    public static String write2(Circuit circuit) {
        return new QasmWriter(circuit, false).write();
    }

    /**
     * Writes a circuit as OpenQASM 3 with {@code include "stdgates.inc";}; symbolic parameters become
     * {@code input float[64]} declarations.
     *
     * @throws QasmException if a condition cannot be expressed (bits that are not a whole register or one bit)
     */
    public static String write3(Circuit circuit) {
        return new QasmWriter(circuit, true).write();
    }
}
