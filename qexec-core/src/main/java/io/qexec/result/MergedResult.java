package io.qexec.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a merge policy produced.
 *
 * @param policy the merge policy's name
 * @param value the merged value (its type is the policy's choice; built-ins document theirs)
 * @param initialData the policy data the merge received
 * @param finalData the policy data the merge returned (equal to {@code initialData} when the merge failed)
 * @param error why the merge failed; {@code null} when it succeeded
 */
public record MergedResult(String policy, Object value, Map<String, Object> initialData, Map<String, Object> finalData,
                           JobError error) {

    public MergedResult {
        initialData = initialData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(initialData));
        finalData = finalData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(finalData));
    }

    /** Whether the merge succeeded. */
    public boolean isSuccess() {
        return error == null;
    }

    /** The error, when the merge failed. */
    public Optional<JobError> failure() {
        return Optional.ofNullable(error);
    }

    /**
     * The merged value as the given type.
     *
     * @throws IllegalStateException if the merge failed
     * @throws ClassCastException if the value has another type
     */
    public <T> T value(Class<T> type) {
        if (error != null) {
            throw new IllegalStateException("merge '" + policy + "' failed: " + error);
        }
        return type.cast(value);
    }
}
