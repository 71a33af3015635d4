package io.qexec.remote;

import java.util.Objects;

/**
 * A provider API key. Its {@link #toString()} never shows the key; use {@link #reveal()} only to put it in
 * a request header.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key.
     *
     * @throws IllegalArgumentException if the key is blank
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
        return new ApiKey(value.strip());
    }

    /** The key itself, for a request header. Never log or print it. */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of the key in {@code text} by {@code ***}. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code ApiKey[***]}. */
    @Override
    public String toString() {
        return "ApiKey[***]";
    }
}
