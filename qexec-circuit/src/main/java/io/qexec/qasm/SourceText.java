package io.qexec.qasm;

import java.nio.file.Path;

/**
 * The text of one OpenQASM file, with the name errors use and the directory includes resolve against.
 *
 * @param name the name shown in messages
 * @param text the program text
 * @param directory where relative includes are looked up (may be null: the working directory)
 */
record SourceText(String name, String text, Path directory) {

    /** The text of a 1-based line, without its line break. */
    String line(int number) {
        int start = 0;
        for (int n = 1; n < number; n++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, end);
    }

    QasmException error(int line, int column, String reason) {
        return new QasmException(name, line, column, line(line), reason);
    }
}
