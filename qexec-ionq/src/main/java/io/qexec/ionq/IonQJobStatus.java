package io.qexec.ionq;

import io.qexec.remote.RemoteJobState;
import java.util.Locale;

/** IonQ's job status strings (v0.4, with v0.3's {@code running}) mapped to the engine's states. */
final class IonQJobStatus {
    private IonQJobStatus() {
    }

    static RemoteJobState toState(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "submitted" -> RemoteJobState.SUBMITTED;
            case "ready" -> RemoteJobState.QUEUED;
            case "started", "running" -> RemoteJobState.RUNNING;
            case "completed" -> RemoteJobState.COMPLETED;
            case "failed" -> RemoteJobState.FAILED;
            case "canceled", "cancelled" -> RemoteJobState.CANCELLED;
            default -> RemoteJobState.UNKNOWN;
        };
    }
}
