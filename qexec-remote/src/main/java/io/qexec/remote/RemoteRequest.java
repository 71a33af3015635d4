package io.qexec.remote;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to a provider, relative to its base URL.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
 * @param path the path and query below the base URL, starting with {@code /}
 * @param body the JSON body, if any
 * @param idempotent whether sending it twice has the effect of sending it once; only idempotent requests
 *     are retried after the request may have reached the provider
 * @param what what the request is about, for messages (e.g. {@code job 1234} or {@code backend simulator})
 * @param headers extra headers (authentication is added by {@link RemoteHttp})
 */
public record RemoteRequest(String method, String path, Optional<String> body, boolean idempotent, String what,
                            Map<String, String> headers) {

    public RemoteRequest {
        Objects.requireNonNull(method, "method");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a request path starts with '/', got " + path);
        }
        body = body == null ? Optional.empty() : body;
        headers = Map.copyOf(headers);
    }

    /** An idempotent GET. */
    public static RemoteRequest get(String path, String what) {
        return new RemoteRequest("GET", path, Optional.empty(), true, what, Map.of());
    }

    /** A POST that is not idempotent (a submission without an idempotency key). */
    public static RemoteRequest post(String path, String json, String what) {
        return new RemoteRequest("POST", path, Optional.of(json), false, what, Map.of());
    }

    /** A PUT (idempotent by HTTP's definition). */
    public static RemoteRequest put(String path, String json, String what) {
        return new RemoteRequest("PUT", path, Optional.ofNullable(json), true, what, Map.of());
    }

    /** This request marked idempotent or not. */
    public RemoteRequest withIdempotent(boolean on) {
        return new RemoteRequest(method, path, body, on, what, headers);
    }
}
