package io.qexec.qasm;

/**
 * A syntax or semantic error in an OpenQASM program, or a circuit that cannot be written in the requested
 * OpenQASM version.
 *
 * <p>For a reading error the message has the compiler-style form
 * <pre>
 * bell.qasm:5:1: unknown gate 'hh' (did you mean 'h'?)
 *   hh q[0];
 *   ^
 * </pre>
 * {@link #reason()} is the first line's message alone; {@link #file()}, {@link #line()} and
 * {@link #column()} locate it (1-based; the column counts characters). A writing error has no position
 * ({@code line() == 0}) and its message is the reason alone.
 */
public final class QasmException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String sourceLine;
    private final String reason;

    QasmException(String file, int line, int column, String sourceLine, String reason) {
        super(format(file, line, column, sourceLine, reason), null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
        this.reason = reason;
    }

    /** An error with no source position (used by the writers). */
    QasmException(String reason) {
        this("", 0, 0, "", reason);
    }

    private static String format(String file, int line, int column, String sourceLine, String reason) {
        if (line <= 0) {
            return reason;
        }
        return file + ":" + line + ":" + column + ": " + reason + "\n  " + sourceLine + "\n  " + caret(sourceLine, column);
    }

    private static String caret(String sourceLine, int column) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            // Keep tabs so the caret lines up under the same characters.
            s.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return s.append('^').toString();
    }

    /** The file name (or {@code <input>} for a string), empty for a writing error. */
    public String file() {
        return file;
    }

    /** The 1-based line, 0 when the error has no position. */
    public int line() {
        return line;
    }

    /** The 1-based column, 0 when the error has no position. */
    public int column() {
        return column;
    }

    /** The text of the offending line, without its line break. */
    public String sourceLine() {
        return sourceLine;
    }

    /** The line with a caret under the offending column, e.g. {@code "    ^"}; empty without a position. */
    public String caretLine() {
        return line <= 0 ? "" : caret(sourceLine, column);
    }

    /** What is wrong (and what was expected), without the position. */
    public String reason() {
        return reason;
    }

    /** The one-line form {@code FILE:LINE:COL: reason} (or the reason alone without a position). */
    public String summary() {
        return line <= 0 ? reason : file + ":" + line + ":" + column + ": " + reason;
    }
}
