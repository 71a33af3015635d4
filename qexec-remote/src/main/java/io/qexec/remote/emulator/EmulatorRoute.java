package io.qexec.remote.emulator;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One endpoint of an emulator: a method, a path pattern whose groups become path parameters, the request
 * scope faults see it as, and the handler.
 *
 * @param method the HTTP method
 * @param pattern the path pattern (matched against the whole decoded path)
 * @param scope the request scope, for faults
 * @param handler the handler
 */
public record EmulatorRoute(String method, Pattern pattern, RequestScope scope,
                            Function<EmulatorRequest, EmulatorReply> handler) {

    public EmulatorRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(handler, "handler");
    }

    /** A route from a regular expression. */
    public static EmulatorRoute of(String method, String regex, RequestScope scope,
                                   Function<EmulatorRequest, EmulatorReply> handler) {
        return new EmulatorRoute(method, Pattern.compile(regex), scope, handler);
    }
}
