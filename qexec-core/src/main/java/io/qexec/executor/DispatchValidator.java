package io.qexec.executor;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.provider.Backend;
import io.qexec.provider.OptionSpec;
import io.qexec.provider.VirtualProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a whole dispatch against the providers before anything is submitted, collecting every problem. */
final class DispatchValidator {
    private DispatchValidator() {
    }

    /**
     * The backends of the dispatch, keyed {@code provider/backend}.
     *
     * @throws InvalidDispatchException listing every problem
     */
    static Map<String, Backend> validate(Dispatch dispatch, VirtualProvider providers) {
        Set<String> problems = new LinkedHashSet<>();
        Map<String, Backend> backends = new LinkedHashMap<>();
        Map<String, String> targetProblems = new HashMap<>();
        dispatch.targets().forEach((provider, names) -> {
            for (String name : names) {
                String id = provider + "/" + name;
                try {
                    backends.put(id, providers.backend(provider, name, true));
                } catch (RuntimeException e) {
                    targetProblems.put(id, e.getMessage());
                    problems.add(id + ": " + e.getMessage());
                }
            }
        });
        Map<Circuit, Set<String>> parameters = new IdentityHashMap<>();
        Map<Circuit, Integer> widths = new IdentityHashMap<>();
        for (Dispatch.Entry e : dispatch) {
            String where = "job " + e.job().id() + " (" + e.provider() + "/" + e.backend() + ", circuit "
                    + e.job().circuitIndex() + ")";
            if (e.job().shots() < 1) {
                problems.add(where + ": shots must be at least 1, got " + e.job().shots());
            }
            Set<String> unbound = parameters.computeIfAbsent(e.job().circuit(), Circuit::parameters);
            if (!unbound.isEmpty()) {
                problems.add(where + ": unbound parameter" + (unbound.size() == 1 ? " " : "s ") + String.join(", ", unbound)
                        + "; bind values with Circuit.bind before running");
            }
            Backend b = backends.get(e.provider() + "/" + e.backend());
            if (b == null) {
                continue;
            }
            int width = widths.computeIfAbsent(e.job().circuit(), Circuit::numQubits);
            if (b.numQubits() > 0 && width > b.numQubits()) {
                problems.add(where + ": the circuit has " + width + " qubits but " + b.id() + " has " + b.numQubits());
            }
            checkOptions(where, b, e.job().options(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDispatchException(new ArrayList<>(problems));
        }
        return backends;
    }

    private static void checkOptions(String where, Backend b, Map<String, Object> options, Set<String> problems) {
        for (Map.Entry<String, Object> o : options.entrySet()) {
            var spec = b.option(o.getKey());
            if (spec.isEmpty()) {
                List<String> known = b.options().stream().map(OptionSpec::name).toList();
                problems.add(where + ": " + b.id() + " has no option '" + o.getKey() + "' (options: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            } else if (o.getValue() == null || !spec.get().type().accepts(o.getValue())) {
                problems.add(where + ": option '" + o.getKey() + "' must be " + spec.get().type().label() + ", got "
                        + (o.getValue() == null ? "null" : o.getValue().getClass().getSimpleName() + " " + o.getValue()));
            }
        }
    }
}
