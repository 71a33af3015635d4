package io.qexec.qbraid;

import java.util.List;

/**
 * A qBraid device as {@code GET /devices} describes it.
 *
 * @param qrn the device's qBraid resource name, e.g. {@code qbraid:qbraid:sim:qir-sv}
 * @param name the display name
 * @param vendor the vendor
 * @param simulator whether the device type is {@code SIMULATOR}
 * @param qubits the number of qubits
 * @param status {@code ONLINE}, {@code UNAVAILABLE}, {@code OFFLINE} or {@code RETIRED}
 * @param queueDepth jobs waiting, or -1 when not reported
 * @param runInputTypes the program formats it accepts ({@code qasm2}, {@code qasm3}, ...)
 * @param noiseModels the noise models it offers
 */
public record QBraidDevice(String qrn, String name, String vendor, boolean simulator, int qubits, String status,
                           int queueDepth, List<String> runInputTypes, List<String> noiseModels) {

    public QBraidDevice {
        runInputTypes = List.copyOf(runInputTypes);
        noiseModels = List.copyOf(noiseModels);
    }

    /** Whether qBraid reports the device online. */
    public boolean isOnline() {
        return status.equalsIgnoreCase("ONLINE");
    }
}
