package io.qexec.ionq;

import io.qexec.circuit.Circuit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One circuit to run on IonQ.
 *
 * @param circuit the circuit (terminal measurements only; IonQ measures every qubit at the end)
 * @param backend the backend, e.g. {@code simulator}, {@code qpu.aria-1}
 * @param shots the number of shots (1 to 1,000,000)
 * @param noiseModel the simulator's noise model ({@code ideal}, {@code aria-1}, ...), simulator only
 * @param noiseSeed the noise model's seed
 */
public record IonQJobRequest(Circuit circuit, String backend, int shots, Optional<String> noiseModel,
                             OptionalLong noiseSeed) {

    public IonQJobRequest {
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(backend, "backend");
        if (shots < 1 || shots > 1_000_000) {
            throw new IllegalArgumentException("IonQ takes 1 to 1,000,000 shots, got " + shots);
        }
        noiseModel = noiseModel == null ? Optional.empty() : noiseModel;
        noiseSeed = noiseSeed == null ? OptionalLong.empty() : noiseSeed;
        if (noiseModel.isPresent() && !backend.equals("simulator")) {
            throw new IllegalArgumentException("a noise model is a simulator option; backend " + backend + " is a QPU");
        }
    }

    /** A request without noise options. */
    public static IonQJobRequest of(Circuit circuit, String backend, int shots) {
        return new IonQJobRequest(circuit, backend, shots, Optional.empty(), OptionalLong.empty());
    }

    /** This request on the simulator with a noise model. */
    public IonQJobRequest withNoise(String model, long seed) {
        return new IonQJobRequest(circuit, backend, shots, Optional.of(model), OptionalLong.of(seed));
    }
}
