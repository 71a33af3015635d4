package io.qexec.remote.emulator;

import java.util.Locale;

/** The faults an emulator can inject; the names are those of the {@code --faults} SPEC. */
public enum FaultKind {
    /** {@code latency=MS}: an extra delay before answering. */
    LATENCY("latency"),
    /** {@code 429=S}: answer 429 Too Many Requests with {@code Retry-After: S} (default 1), without processing. */
    TOO_MANY_REQUESTS("429"),
    /** {@code 500}: answer 500 without processing. */
    INTERNAL_ERROR("500"),
    /** {@code 502}: answer 502 without processing. */
    BAD_GATEWAY("502"),
    /** {@code 503}: answer 503 without processing. */
    UNAVAILABLE("503"),
    /**
     * {@code drop} or {@code drop=after}: process the request, then close the connection without answering (a
     * submission then exists though the client never heard so); {@code drop=before}: close without processing.
     */
    DROP("drop"),
    /** {@code stuck}: the job never leaves the queue. */
    STUCK("stuck"),
    /** {@code fail=CODE}: the job fails with the provider's failure code (default a simulation error). */
    FAIL("fail"),
    /** {@code ratelimit=N}: answer 429 with {@code Retry-After: 1} to requests beyond N per second. */
    RATE_LIMIT("ratelimit");

    private final String specName;

    FaultKind(String specName) {
        this.specName = specName;
    }

    /** The name in a SPEC. */
    public String specName() {
        return specName;
    }

    /** Whether the fault acts on jobs (decided at submission) rather than on HTTP requests. */
    public boolean isJobFault() {
        return this == STUCK || this == FAIL;
    }

    static FaultKind bySpecName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (FaultKind k : values()) {
            if (k.specName.equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "': use one of latency, 429, 500, 502, 503, drop, "
                + "stuck, fail, ratelimit");
    }
}
