package io.qexec.remote;

/** Reads a provider's error body into the provider's own words (its message), for typed failures. */
@FunctionalInterface
public interface ErrorDetail {

    /** The provider's message in {@code body}, or the body itself (shortened) when it has no known shape. */
    String read(String body);
}
