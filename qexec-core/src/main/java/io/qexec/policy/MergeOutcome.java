package io.qexec.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a merge policy returns.
 *
 * @param value the merged value
 * @param data the final policy data
 */
public record MergeOutcome(Object value, Map<String, Object> data) {
    public MergeOutcome {
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
