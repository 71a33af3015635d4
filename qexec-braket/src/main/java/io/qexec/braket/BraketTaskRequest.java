package io.qexec.braket;

import io.qexec.circuit.Circuit;
import java.util.Objects;

/**
 * One circuit to run as a Braket quantum task.
 *
 * @param circuit the circuit (sent as an OpenQASM 3 program)
 * @param deviceArn the device ARN
 * @param shots the number of shots (at least 1)
 */
public record BraketTaskRequest(Circuit circuit, String deviceArn, int shots) {

    public BraketTaskRequest {
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(deviceArn, "deviceArn");
        if (shots < 1) {
            throw new IllegalArgumentException("shots must be at least 1, got " + shots);
        }
    }
}
