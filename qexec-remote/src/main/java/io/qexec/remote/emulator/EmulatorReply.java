package io.qexec.remote.emulator;

import java.util.Map;

/**
 * An emulator's answer.
 *
 * @param status the HTTP status
 * @param contentType the content type
 * @param body the body
 * @param headers extra headers
 */
public record EmulatorReply(int status, String contentType, String body, Map<String, String> headers) {

    public EmulatorReply {
        headers = Map.copyOf(headers);
    }

    /** A JSON answer. */
    public static EmulatorReply json(int status, String body) {
        return new EmulatorReply(status, "application/json", body, Map.of());
    }

    /** This reply with one more header. */
    public EmulatorReply withHeader(String name, String value) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put(name, value);
        return new EmulatorReply(status, contentType, body, h);
    }
}
