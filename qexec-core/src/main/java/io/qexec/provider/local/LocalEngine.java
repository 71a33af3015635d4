package io.qexec.provider.local;

import io.qexec.sim.Simulator;
import java.util.Objects;

/**
 * An embedded simulator offered by the {@code local} provider as the backend named after its method.
 *
 * @param simulator the simulator; its {@link Simulator#method()} names the backend
 * @param maxQubits the widest circuit it accepts
 */
public record LocalEngine(Simulator simulator, int maxQubits) {
    public LocalEngine {
        Objects.requireNonNull(simulator, "simulator");
        if (maxQubits < 1) {
            throw new IllegalArgumentException("maxQubits must be at least 1, got " + maxQubits);
        }
    }

    /** The method name, which is also the backend name. */
    public String method() {
        return simulator.method();
    }
}
