package io.qexec.experiment;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how an experiment's results are written, as asked for in its file. Command-line options take
 * precedence over these.
 *
 * @param format {@code table}, {@code json} or {@code csv}; empty for the default
 * @param file the results file; empty for standard output
 * @param report the HTML report file; empty for none
 */
public record OutputSettings(Optional<String> format, Optional<Path> file, Optional<Path> report) {
    /** The formats an experiment may ask for. */
    public static final java.util.List<String> FORMATS = java.util.List.of("table", "json", "csv");

    /** No output setting. */
    public static final OutputSettings DEFAULT = new OutputSettings(Optional.empty(), Optional.empty(), Optional.empty());

    public OutputSettings {
        format = format == null ? Optional.empty() : format;
        file = file == null ? Optional.empty() : file;
        report = report == null ? Optional.empty() : report;
    }
}
