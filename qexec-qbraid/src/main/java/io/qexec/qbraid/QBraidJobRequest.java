package io.qexec.qbraid;

import io.qexec.circuit.Circuit;
import java.util.Objects;
import java.util.Optional;

/**
 * One circuit to run on a qBraid device.
 *
 * @param circuit the circuit
 * @param deviceQrn the device's qBraid resource name
 * @param shots the number of shots (at least 1)
 * @param noiseModel a runtime noise model, where the device offers one
 */
public record QBraidJobRequest(Circuit circuit, String deviceQrn, int shots, Optional<String> noiseModel) {

    public QBraidJobRequest {
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(deviceQrn, "deviceQrn");
        if (shots < 1) {
            throw new IllegalArgumentException("shots must be at least 1, got " + shots);
        }
        noiseModel = noiseModel == null ? Optional.empty() : noiseModel;
    }

    /** A request without runtime options. */
    public static QBraidJobRequest of(Circuit circuit, String deviceQrn, int shots) {
        return new QBraidJobRequest(circuit, deviceQrn, shots, Optional.empty());
    }
}
