package io.qexec.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A split or merge policy chosen by an experiment: its registered name and the data handed to it.
 *
 * @param name the policy's name in the registry
 * @param data the policy data (JSON-like values)
 */
public record PolicyChoice(String name, Map<String, Object> data) {
    public PolicyChoice {
        Objects.requireNonNull(name, "name");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
