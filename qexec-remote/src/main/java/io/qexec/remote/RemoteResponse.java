package io.qexec.remote;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's HTTP answer.
 *
 * @param status the HTTP status
 * @param headers the response headers (names lower-case)
 * @param body the body text
 */
public record RemoteResponse(int status, Map<String, List<String>> headers, String body) {

    public RemoteResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** The first value of a header (name matched case-insensitively). */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
