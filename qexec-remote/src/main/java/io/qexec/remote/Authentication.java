package io.qexec.remote;

import java.util.Map;

/** How a provider wants its API key sent: the headers to add to every authenticated request. */
@FunctionalInterface
public interface Authentication {

    /** The headers carrying {@code key}. */
    Map<String, String> headers(ApiKey key);

    /** A header whose value is {@code prefix + key}, e.g. {@code Authorization: apiKey <key>}. */
    static Authentication header(String name, String prefix) {
        return key -> Map.of(name, prefix + key.reveal());
    }
}
