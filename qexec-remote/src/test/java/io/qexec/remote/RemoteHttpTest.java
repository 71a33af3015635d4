package io.qexec.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.EmulatorReply;
import io.qexec.remote.emulator.EmulatorRoute;
import io.qexec.remote.emulator.EmulatorServer;
import io.qexec.remote.emulator.FaultSpec;
import io.qexec.remote.emulator.RequestScope;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteHttpTest {
    private static final String KEY = "sk-test-0123456789";
    private final AtomicInteger created = new AtomicInteger();
    private EmulatorServer server;
    private RemoteHttp http;

    private RemoteHttp start(String faults, Duration latency, Duration requestTimeout) throws IOException {
        List<EmulatorRoute> routes = List.of(
                EmulatorRoute.of("GET", "/items/([^/]+)", RequestScope.STATUS,
                        r -> EmulatorReply.json(200, "{\"id\":\"" + r.param(0) + "\"}")),
                EmulatorRoute.of("POST", "/items", RequestScope.SUBMIT,
                        r -> EmulatorReply.json(201, "{\"id\":\"" + created.incrementAndGet() + "\"}")),
                EmulatorRoute.of("GET", "/secure", RequestScope.STATUS, r -> r.header("Authorization")
                        .filter(h -> h.equals("apiKey " + KEY)).isPresent()
                        ? EmulatorReply.json(200, "{}")
                        : EmulatorReply.json(401, "{\"statusCode\":401,\"error\":\"Unauthorized Error\",\"message\":\"Invalid key provided\"}")),
                EmulatorRoute.of("POST", "/invalid", RequestScope.SUBMIT,
                        r -> EmulatorReply.json(400, "{\"message\":\"shots must be at most 1000000\"}")));
        server = EmulatorServer.start("test", EmulatorOptions.defaults().withLatency(latency)
                .withFaults(FaultSpec.parse(faults)), routes, (status, msg) -> "{\"message\":\"" + msg + "\"}");
        RemoteSettings settings = RemoteSettings.defaults("test", server.baseUrl()).withApiKey(ApiKey.of(KEY))
                .withRequestTimeout(requestTimeout)
                .withRetry(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)));
        http = new RemoteHttp(settings, Authentication.header("Authorization", "apiKey "), body -> {
            int i = body.indexOf("\"message\":\"");
            return i < 0 ? body : body.substring(i + 11, body.indexOf('"', i + 11));
        });
        return http;
    }

    private RemoteHttp start(String faults) throws IOException {
        return start(faults, Duration.ZERO, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void idempotentCallsAreRetriedThrough5xxUntilTheyPass() throws IOException {
        RemoteHttp h = start("503@first2,502@first1");
        RemoteResponse r = h.send(RemoteRequest.get("/items/7", "item 7"));
        assertThat(r.body()).contains("\"7\"");
        assertThat(h.attempts()).isEqualTo(4);
        assertThat(h.retries()).isEqualTo(3);
    }

    @Test
    void a429IsRetriedEvenForASubmissionBecauseNothingWasProcessed() throws IOException {
        RemoteHttp h = start("429=0/submit@first2");
        RemoteResponse r = h.send(RemoteRequest.post("/items", "{}", "a submission"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(created).hasValue(1);
        assertThat(h.attempts()).isEqualTo(3);
    }

    @Test
    void aSubmissionAnswered503IsAmbiguousAndNotResent() throws IOException {
        RemoteHttp h = start("503/submit@first1");
        assertThatThrownBy(() -> h.send(RemoteRequest.post("/items", "{}", "a submission")))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteFailureKind.AMBIGUOUS);
                    assertThat(e.httpStatus()).isEqualTo(503);
                });
        assertThat(h.attempts()).isEqualTo(1);
        assertThat(created).hasValue(0);
    }

    @Test
    void aSubmissionWhoseConnectionDropsAfterProcessingIsAmbiguousAndNotResent() throws IOException {
        RemoteHttp h = start("drop/submit@first1");
        assertThatThrownBy(() -> h.send(RemoteRequest.post("/items", "{}", "a submission")))
                .isInstanceOfSatisfying(RemoteException.class,
                        e -> assertThat(e.kind()).isEqualTo(RemoteFailureKind.AMBIGUOUS));
        assertThat(created).hasValue(1);
        assertThat(h.attempts()).isEqualTo(1);
    }

    @Test
    void aReadWhoseConnectionDropsIsRetried() throws IOException {
        RemoteHttp h = start("drop/status@first2");
        assertThat(h.send(RemoteRequest.get("/items/3", "item 3")).status()).isEqualTo(200);
        assertThat(server.injectedFaults()).isEqualTo(2);
    }

    @Test
    void aSubmissionThatTimesOutAfterSendingIsAmbiguous() throws IOException {
        RemoteHttp h = start("latency=400/submit@first1", Duration.ZERO, Duration.ofMillis(100));
        assertThatThrownBy(() -> h.send(RemoteRequest.post("/items", "{}", "a submission")))
                .isInstanceOfSatisfying(RemoteException.class,
                        e -> assertThat(e.kind()).isEqualTo(RemoteFailureKind.AMBIGUOUS));
        assertThat(h.attempts()).isEqualTo(1);
    }

    @Test
    void aReadThatTimesOutIsRetriedWithinItsDeadline() throws IOException {
        RemoteHttp h = start("latency=1500/status@first1", Duration.ZERO, Duration.ofMillis(300));
        assertThat(h.send(RemoteRequest.get("/items/1", "item 1")).status()).isEqualTo(200);
        // the first attempt timed out; a loaded machine may time out a later one too
        assertThat(h.attempts()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void exhaustedRetriesEndInATypedFailure() throws IOException {
        RemoteHttp h = start("500/status");
        assertThatThrownBy(() -> h.send(RemoteRequest.get("/items/1", "item 1")))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteFailureKind.SERVER);
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.isTransient()).isTrue();
                });
        assertThat(h.attempts()).isEqualTo(4);
    }

    @Test
    void aWrongKeyIsReportedAsAnAuthenticationFailureWithoutTheKey() throws IOException {
        start("");
        RemoteSettings wrong = http.settings().withApiKey(ApiKey.of("sk-wrong-key-42"));
        try (RemoteHttp h = new RemoteHttp(wrong, Authentication.header("Authorization", "apiKey "), b -> b)) {
            assertThatThrownBy(() -> h.send(RemoteRequest.get("/secure", "the key check")))
                    .isInstanceOfSatisfying(RemoteException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RemoteFailureKind.AUTHENTICATION);
                        assertThat(e.getMessage()).startsWith("invalid or missing API key for test")
                                .doesNotContain("sk-wrong-key-42");
                        assertThat(e.httpStatus()).isEqualTo(401);
                    });
            assertThat(h.attempts()).isEqualTo(1);
        }
        assertThat(http.send(RemoteRequest.get("/secure", "the key check")).status()).isEqualTo(200);
    }

    @Test
    void aMissingKeyFailsBeforeAnythingIsSent() throws IOException {
        start("");
        RemoteSettings none = RemoteSettings.defaults("ionq", server.baseUrl());
        try (RemoteHttp h = new RemoteHttp(none, Authentication.header("Authorization", "apiKey "), b -> b)) {
            assertThatThrownBy(() -> h.send(RemoteRequest.get("/secure", "the key check")))
                    .isInstanceOfSatisfying(RemoteException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RemoteFailureKind.AUTHENTICATION);
                        assertThat(e.getMessage()).startsWith("invalid or missing API key for ionq");
                    });
            assertThat(h.attempts()).isZero();
        }
    }

    @Test
    void validationErrorsCarryTheProvidersDetail() throws IOException {
        RemoteHttp h = start("");
        assertThatThrownBy(() -> h.send(RemoteRequest.post("/invalid", "{}", "job submission")))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteFailureKind.VALIDATION);
                    assertThat(e.providerDetail()).contains("shots must be at most 1000000");
                    assertThat(e.getMessage()).contains("shots must be at most 1000000");
                });
    }

    @Test
    void unknownPathsMapToNotFound() throws IOException {
        RemoteHttp h = start("");
        assertThatThrownBy(() -> h.send(RemoteRequest.get("/nothing", "backend qpu.nowhere")))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteFailureKind.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("backend qpu.nowhere not found at test");
                });
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsAConnectionFailure() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RemoteSettings settings = RemoteSettings.defaults("test", URI.create("http://127.0.0.1:" + port))
                .withApiKey(ApiKey.of(KEY))
                .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)));
        try (RemoteHttp h = new RemoteHttp(settings, Authentication.header("Authorization", "apiKey "), b -> b)) {
            assertThatThrownBy(() -> h.send(RemoteRequest.post("/items", "{}", "a submission")))
                    .isInstanceOfSatisfying(RemoteException.class,
                            e -> assertThat(e.kind()).isEqualTo(RemoteFailureKind.CONNECTION));
            assertThat(h.attempts()).isEqualTo(3);
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(RemoteHttp.parseRetryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(RemoteHttp.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(RemoteHttp.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void requestsCarryTheProvidersAuthenticationHeader() {
        Map<String, String> h = Authentication.header("X-API-Key", "").headers(ApiKey.of("abc"));
        assertThat(h).containsEntry("X-API-Key", "abc");
    }
}
