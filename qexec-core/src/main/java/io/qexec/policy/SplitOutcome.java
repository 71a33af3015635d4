package io.qexec.policy;

import io.qexec.dispatch.Dispatch;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a split policy returns for one circuit.
 *
 * @param dispatch the jobs for this circuit
 * @param data the policy data for the next call (or the merge)
 */
public record SplitOutcome(Dispatch dispatch, Map<String, Object> data) {
    public SplitOutcome {
        Objects.requireNonNull(dispatch, "dispatch");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
