package io.qexec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing the files a command produces (results, reports), with their folders, as one clear error on failure. */
final class RunFiles {
    private RunFiles() {
    }

    /** Writes {@code text} to {@code path}, creating its folders. */
    static void write(Path path, String text) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UserError("cannot write " + path + ": " + e.getMessage(), ExitCode.INVALID_INPUT);
        }
    }
}
