package io.qexec.remote.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as an emulator's route sees it.
 *
 * @param method the HTTP method
 * @param path the decoded path
 * @param query the decoded query parameters (first value of each)
 * @param headers the request headers (names lower-case)
 * @param body the body text
 * @param pathParams the route pattern's captured groups, decoded
 */
public record EmulatorRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                              String body, List<String> pathParams) {

    public EmulatorRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        pathParams = List.copyOf(pathParams);
    }

    /** A header's value (name matched case-insensitively). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The {@code i}-th captured path parameter. */
    public String param(int i) {
        return pathParams.get(i);
    }
}
