package io.qexec.store;

import io.qexec.dispatch.Dispatch;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A run as started: enough to run it again or resume it elsewhere (policies are referenced by name plus data).
 *
 * @param runId the run's id
 * @param startedAt when it started
 * @param dispatch the jobs
 * @param mergePolicy the merge policy's name, empty for none
 * @param mergeData the data handed to the merge
 * @param options how the run was asked to run, as JSON-like values ({@code parallel}, {@code jobTimeout} as an
 *     ISO-8601 duration, {@code maxJobsPerBackend}); empty when unknown
 */
public record RunRecord(String runId, Instant startedAt, Dispatch dispatch, String mergePolicy,
                        Map<String, Object> mergeData, Map<String, Object> options) {
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(dispatch, "dispatch");
        mergePolicy = mergePolicy == null ? "" : mergePolicy;
        mergeData = mergeData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mergeData));
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A record without run options. */
    public RunRecord(String runId, Instant startedAt, Dispatch dispatch, String mergePolicy,
                     Map<String, Object> mergeData) {
        this(runId, startedAt, dispatch, mergePolicy, mergeData, Map.of());
    }
}
