package io.qexec.policy;

import java.util.List;

/** A policy file could not be compiled or loaded; {@link #problems()} lists each problem with its position. */
public class PolicyLoadException extends RuntimeException {
    private final List<String> problems;

    /**
     * @param message the summary
     * @param problems one line per problem, {@code file:line:column: message} for compile errors
     */
    public PolicyLoadException(String message, List<String> problems) {
        super(problems.isEmpty() ? message : message + System.lineSeparator() + String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one per line. */
    public List<String> problems() {
        return problems;
    }
}
