package io.qexec.provider;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A per-job option a backend understands, with the type its value must have.
 *
 * @param name the option's key in {@code Job.options()}
 * @param type the type of value it accepts
 * @param description what it does, for a person
 */
public record OptionSpec(String name, Type type, String description) {

    /** Option value types, matching JSON's. */
    public enum Type {
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A whole number (any integral {@link Number}). */
        INTEGER,
        /** Any number. */
        NUMBER,
        /** A string. */
        STRING,
        /** A list. */
        LIST,
        /** A map with string keys. */
        OBJECT,
        /** Any value. */
        ANY;

        /** Whether the value has this type. */
        public boolean accepts(Object value) {
            return switch (this) {
                case BOOLEAN -> value instanceof Boolean;
                case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof Short
                        || value instanceof Byte || value instanceof java.math.BigInteger;
                case NUMBER -> value instanceof Number;
                case STRING -> value instanceof String;
                case LIST -> value instanceof List<?>;
                case OBJECT -> value instanceof Map<?, ?>;
                case ANY -> true;
            };
        }

        /** The lower-case name used in messages. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }
}
