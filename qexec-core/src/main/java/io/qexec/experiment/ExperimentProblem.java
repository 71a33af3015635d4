package io.qexec.experiment;

import java.util.Objects;

/**
 * One thing wrong with an experiment file, found before anything runs.
 *
 * @param path where: the offending field, such as {@code backends.local[1]} or {@code circuits[0].file}; empty
 *     for the file as a whole
 * @param message what is wrong, with a suggestion where one helps
 * @param kind whether the input is wrong or the environment (a provider that is not configured or cannot start)
 */
public record ExperimentProblem(String path, String message, Kind kind) {

    /** What kind of problem it is. */
    public enum Kind {
        /** The experiment file itself is wrong. */
        INPUT,
        /** The file is fine but a provider it names is not configured, cannot start, or is offline. */
        CONFIGURATION
    }

    public ExperimentProblem {
        Objects.requireNonNull(message, "message");
        path = path == null ? "" : path;
        kind = kind == null ? Kind.INPUT : kind;
    }

    /** {@code path: message}, or the message alone when there is no path. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
