package io.qexec.remote;

import java.util.Objects;
import java.util.Optional;

/**
 * A remote job's status as last read.
 *
 * @param state the state in the engine's terms
 * @param providerState the provider's own status string
 * @param detail the provider's failure code and message, for failed jobs
 */
public record RemoteStatus(RemoteJobState state, String providerState, Optional<String> detail) {

    public RemoteStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(providerState, "providerState");
        detail = detail == null ? Optional.empty() : detail;
    }

    /** A status without detail. */
    public static RemoteStatus of(RemoteJobState state, String providerState) {
        return new RemoteStatus(state, providerState, Optional.empty());
    }
}
