package io.qexec.circuit;

import java.util.Set;

/** Thrown when a value is needed from a circuit or expression that still holds symbolic parameters. */
public final class UnboundParameterException extends IllegalStateException {
    private final Set<String> parameters;

    /** @param parameters the names of the parameters that have no value */
    public UnboundParameterException(Set<String> parameters) {
        super("unbound parameter" + (parameters.size() == 1 ? " " : "s ") + String.join(", ", parameters)
                + ": bind " + (parameters.size() == 1 ? "it" : "them") + " with Circuit.bind(...) before running");
        this.parameters = Set.copyOf(parameters);
    }

    /** The names of the parameters that have no value. */
    public Set<String> parameters() {
        return parameters;
    }
}
