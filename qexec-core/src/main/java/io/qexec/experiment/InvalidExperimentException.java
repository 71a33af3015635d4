package io.qexec.experiment;

import java.util.List;

/**
 * An experiment file was rejected before anything ran; {@link #problems()} lists every problem found, each with
 * the path of the offending field.
 */
public class InvalidExperimentException extends IllegalArgumentException {
    private final String file;
    private final List<ExperimentProblem> problems;

    /**
     * @param file the file's name as given (may be empty)
     * @param problems every problem found (at least one)
     */
    public InvalidExperimentException(String file, List<ExperimentProblem> problems) {
        super(message(file, problems));
        this.file = file == null ? "" : file;
        this.problems = List.copyOf(problems);
    }

    /** The file's name as given (may be empty). */
    public String file() {
        return file;
    }

    /** Every problem, in the order of the file. */
    public List<ExperimentProblem> problems() {
        return problems;
    }

    /** Whether every problem is a configuration problem (none is in the file itself). */
    public boolean isConfigurationOnly() {
        return problems.stream().allMatch(p -> p.kind() == ExperimentProblem.Kind.CONFIGURATION);
    }

    private static String message(String file, List<ExperimentProblem> problems) {
        StringBuilder s = new StringBuilder();
        s.append(file == null || file.isEmpty() ? "the experiment" : file).append(" was not run: ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (ExperimentProblem p : problems) {
            s.append(System.lineSeparator()).append("  ").append(p);
        }
        return s.toString();
    }
}
