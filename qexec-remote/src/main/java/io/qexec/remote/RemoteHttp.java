package io.qexec.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resilient HTTP calls to one provider: a deadline per request, the provider's rate limit, retries with
 * exponential backoff and jitter on 429, 5xx and connection failures, and {@code Retry-After} honoured.
 *
 * <p>A request that is not {@linkplain RemoteRequest#idempotent() idempotent} is retried only when it
 * certainly did not take effect (429, or a refused connection). When it may have (a timeout or dropped
 * connection after sending, or a 5xx answer), the call fails with {@link RemoteFailureKind#AMBIGUOUS} so that
 * the caller looks the job up before sending it again (see {@link RemoteJobRunner}).
 *
 * <p>Calls block; make them from virtual threads. Thread-safe; one instance per provider.
 */
public final class RemoteHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHttp.class);
    private static final int MAX_DETAIL = 500;

    private final RemoteSettings settings;
    private final Authentication authentication;
    private final ErrorDetail errorDetail;
    private final RateLimiter rateLimiter;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Semaphore inFlight;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    /**
     * @param settings where the provider is, the key and the policies
     * @param authentication how the key is sent
     * @param errorDetail how the provider's error bodies are read
     */
    public RemoteHttp(RemoteSettings settings, Authentication authentication, ErrorDetail errorDetail) {
        this.settings = settings;
        this.authentication = authentication;
        this.errorDetail = errorDetail;
        this.rateLimiter = RateLimiter.perSecond(settings.requestsPerSecond());
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The settings this client uses. */
    public RemoteSettings settings() {
        return settings;
    }

    /** The number of HTTP attempts made so far (for measurements and tests). */
    public long attempts() {
        return attempts.get();
    }

    /** The number of retries made so far. */
    public long retries() {
        return retries.get();
    }

    /** Sends an authenticated request; see {@link #send(RemoteRequest, boolean)}. */
    public RemoteResponse send(RemoteRequest request) {
        return send(request, true);
    }

    /**
     * Sends a request, retrying as the class documentation says, and returns its 2xx response.
     *
     * @param authenticated whether to send the API key (a missing key then fails with {@link RemoteFailureKind#AUTHENTICATION})
     * @throws RemoteException typed by what went wrong, with the provider's detail
     */
    public RemoteResponse send(RemoteRequest request, boolean authenticated) {
        HttpRequest httpRequest = build(request, authenticated);
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            RemoteException failure;
            try {
                rateLimiter.acquire();
                attempts.incrementAndGet();
                HttpResponse<String> response = exchange(httpRequest);
                RemoteResponse answer = new RemoteResponse(response.statusCode(), response.headers().map(), response.body());
                if (answer.isSuccess()) {
                    return answer;
                }
                failure = statusFailure(request, answer);
                retryAfter = answer.header("Retry-After").flatMap(RemoteHttp::parseRetryAfter);
                if (!retryable(request, answer.status())) {
                    throw failure;
                }
                if (!request.idempotent() && answer.status() != 429) {
                    throw ambiguous(request, "HTTP " + answer.status(), failure);
                }
                if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                    throw failure;
                }
            } catch (ConnectException e) {
                failure = new RemoteException(settings.provider(), RemoteFailureKind.CONNECTION,
                        "cannot connect to " + settings.provider() + " at " + settings.baseUrl(), e);
            } catch (HttpTimeoutException e) {
                failure = new RemoteException(settings.provider(), RemoteFailureKind.CONNECTION,
                        settings.provider() + " did not answer " + request.what() + " within " + settings.requestTimeout(), e);
                if (!request.idempotent()) {
                    throw ambiguous(request, "timeout after sending", failure);
                }
            } catch (IOException e) {
                failure = new RemoteException(settings.provider(), RemoteFailureKind.CONNECTION,
                        "the connection to " + settings.provider() + " failed during " + request.what() + ": "
                                + e.getClass().getSimpleName(), e);
                if (!request.idempotent()) {
                    throw ambiguous(request, "connection lost after sending", failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteException(settings.provider(), RemoteFailureKind.INTERRUPTED,
                        "interrupted during " + request.what(), e);
            }
            if (attempt >= retry.maxAttempts()) {
                throw failure;
            }
            Duration delay = retry.delayAfter(attempt, retryAfter);
            retries.incrementAndGet();
            LOG.debug("{} {} {}: attempt {} failed ({}), retrying in {} ms", settings.provider(), request.method(),
                    request.path(), attempt, failure.kind(), delay.toMillis());
            sleep(delay, request);
        }
    }

    /**
     * Sends one request and waits for its answer at most the request timeout. The deadline is kept here rather
     * than by the HTTP client's own timers, whose shared bookkeeping serialises thousands of concurrent calls.
     */
    private HttpResponse<String> exchange(HttpRequest httpRequest) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        if (!inFlight.tryAcquire(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new ConnectException("no connection slot within " + settings.requestTimeout());
        }
        CompletableFuture<HttpResponse<String>> pending;
        try {
            pending = client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
        pending.whenComplete((r, e) -> inFlight.release());
        try {
            return pending.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no answer within " + settings.requestTimeout());
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private HttpRequest build(RemoteRequest request, boolean authenticated) {
        URI uri = URI.create(settings.baseUrl() + request.path());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header("User-Agent", "qexec/0.1");
        HttpRequest.BodyPublisher body = request.body().map(HttpRequest.BodyPublishers::ofString)
                .orElse(HttpRequest.BodyPublishers.noBody());
        if (request.body().isPresent()) {
            b.header("Content-Type", "application/json");
        }
        b.method(request.method(), body);
        if (authenticated) {
            for (Map.Entry<String, String> h : authentication.headers(settings.requireApiKey()).entrySet()) {
                b.header(h.getKey(), h.getValue());
            }
        }
        request.headers().forEach(b::header);
        return b.build();
    }

    private static boolean retryable(RemoteRequest request, int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504
                || (status >= 520 && status <= 529);
    }

    private RemoteException statusFailure(RemoteRequest request, RemoteResponse answer) {
        String detail = answer.body().isBlank() ? null : shorten(errorDetail.read(answer.body()));
        if (detail != null && settings.apiKey().isPresent()) {
            detail = settings.apiKey().get().redact(detail);
        }
        return RemoteException.forStatus(settings.provider(), answer.status(), request.what(), detail);
    }

    private RemoteException ambiguous(RemoteRequest request, String why, RemoteException cause) {
        return new RemoteException(settings.provider(), RemoteFailureKind.AMBIGUOUS, cause.httpStatus(),
                request.what() + " may or may not have reached " + settings.provider() + " (" + why + ")",
                cause.providerDetail().orElse(null), cause);
    }

    private static String shorten(String s) {
        return s == null || s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "...";
    }

    private void sleep(Duration delay, RemoteRequest request) {
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(settings.provider(), RemoteFailureKind.INTERRUPTED,
                    "interrupted while waiting to retry " + request.what(), e);
        }
    }

    /** Reads a {@code Retry-After} value: delay seconds or an HTTP date. */
    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            long s = Long.parseLong(v);
            return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    @Override
    public String toString() {
        return "RemoteHttp[" + settings + "]";
    }
}
