package io.qexec.executor;

import java.util.List;

/** A dispatch was rejected before anything was submitted; {@link #problems()} lists every problem found. */
public class InvalidDispatchException extends IllegalArgumentException {
    private final List<String> problems;

    /** @param problems one line per problem, each naming the job or target concerned */
    public InvalidDispatchException(List<String> problems) {
        super("the dispatch was not run: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, naming the job or target concerned. */
    public List<String> problems() {
        return problems;
    }
}
