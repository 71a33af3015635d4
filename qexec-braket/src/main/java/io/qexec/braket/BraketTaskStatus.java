package io.qexec.braket;

import io.qexec.remote.RemoteJobState;
import java.util.Locale;

/** Braket's quantum-task statuses mapped to the engine's states. */
final class BraketTaskStatus {
    private BraketTaskStatus() {
    }

    static RemoteJobState toState(String status) {
        return switch (status == null ? "" : status.toUpperCase(Locale.ROOT)) {
            case "CREATED" -> RemoteJobState.SUBMITTED;
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
