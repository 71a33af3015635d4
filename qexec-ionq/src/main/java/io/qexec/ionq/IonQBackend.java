package io.qexec.ionq;

import java.util.List;

/**
 * An IonQ backend as {@code GET /backends} describes it.
 *
 * @param name the backend's name, e.g. {@code simulator} or {@code qpu.aria-1}
 * @param status IonQ's status string ({@code available}, {@code unavailable}, {@code retired}, ...)
 * @param qubits the number of qubits
 * @param averageQueueTimeMs the average queue time (milliseconds, as qBraid reads it)
 * @param degraded whether IonQ reports the backend degraded
 * @param noiseModels the noise models a simulator offers (empty for QPUs)
 */
public record IonQBackend(String name, String status, int qubits, double averageQueueTimeMs, boolean degraded,
                          List<String> noiseModels) {

    public IonQBackend {
        noiseModels = List.copyOf(noiseModels);
    }

    /** Whether IonQ reports the backend usable ({@code available}, or {@code running} in older payloads). */
    public boolean isOnline() {
        return status.equalsIgnoreCase("available") || status.equalsIgnoreCase("running");
    }

    /** Whether this is the simulator. */
    public boolean isSimulator() {
        return name.equals("simulator");
    }
}
