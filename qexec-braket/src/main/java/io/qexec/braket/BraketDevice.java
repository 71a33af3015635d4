package io.qexec.braket;

/**
 * An Amazon Braket device as {@code SearchDevices} and {@code GetDevice} describe it.
 *
 * @param arn the device ARN
 * @param name the device name
 * @param providerName who runs it
 * @param simulator whether the device type is {@code SIMULATOR}
 * @param status {@code ONLINE}, {@code OFFLINE} or {@code RETIRED}
 * @param qubits the qubit count from the device capabilities (0 when not reported)
 * @param queueSize the quantum-task queue size, or -1 when not reported
 */
public record BraketDevice(String arn, String name, String providerName, boolean simulator, String status, int qubits,
                           int queueSize) {

    /** Whether Braket reports the device online. */
    public boolean isOnline() {
        return status.equalsIgnoreCase("ONLINE");
    }
}
