package io.qexec.qbraid;

import io.qexec.remote.RemoteJobState;
import java.util.Locale;

/** qBraid's job status strings mapped to the engine's states. */
final class QBraidJobStatus {
    private QBraidJobStatus() {
    }

    static RemoteJobState toState(String status) {
        return switch (status == null ? "" : status.toUpperCase(Locale.ROOT)) {
            case "INITIALIZING", "VALIDATING" -> RemoteJobState.SUBMITTED;
            case "QUEUED" -> RemoteJobState.QUEUED;
            case "RUNNING" -> RemoteJobState.RUNNING;
            case "CANCELLING" -> RemoteJobState.CANCELLING;
            case "COMPLETED" -> RemoteJobState.COMPLETED;
            case "FAILED" -> RemoteJobState.FAILED;
            case "CANCELLED" -> RemoteJobState.CANCELLED;
            default -> RemoteJobState.UNKNOWN;
        };
    }
}
