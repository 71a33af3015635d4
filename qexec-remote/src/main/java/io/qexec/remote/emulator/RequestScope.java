package io.qexec.remote.emulator;

import java.util.Locale;

/** Which kind of request a fault applies to, as named after {@code /} in a SPEC. */
public enum RequestScope {
    /** Every request. */
    ANY,
    /** Job submissions. */
    SUBMIT,
    /** Job status reads. */
    STATUS,
    /** Result reads (IonQ results, qBraid results, Braket's S3 results object). */
    RESULT,
    /** Cancellations. */
    CANCEL,
    /** Device or backend listings and lookups, job searches. */
    LIST;

    static RequestScope bySpecName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown request scope '" + name
                    + "': use any, submit, status, result, cancel or list", e);
        }
    }

    /** Whether a fault with this scope applies to a request of scope {@code request}. */
    public boolean covers(RequestScope request) {
        return this == ANY || this == request;
    }
}
