package io.qexec.remote.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server under every provider emulator: listens on 127.0.0.1 only, serves each request on a
 * virtual thread, delays answers by the configured latency, injects the {@link FaultSpec}'s faults, and
 * counts requests, submissions and injected faults so that tests can prove that no job was submitted twice.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    private final String provider;
    private final EmulatorOptions options;
    private final List<EmulatorRoute> routes;
    private final BiFunction<Integer, String, String> errorBody;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Fault> faults;
    private final AtomicLong[] faultEvents;
    private final Random random;
    private final ReentrantLock randomLock = new ReentrantLock();
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final ReentrantLock windowLock = new ReentrantLock();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong cancellations = new AtomicLong();
    private final Map<String, AtomicLong> submissionsByKey = new java.util.concurrent.ConcurrentHashMap<>();

    /** The emulator-only endpoint that reports the counters to other processes ({@link #statsJson()}). */
    public static final String STATS_PATH = "/_emulator/stats";

    private EmulatorServer(String provider, EmulatorOptions options, List<EmulatorRoute> routes,
                           BiFunction<Integer, String, String> errorBody) throws IOException {
        this.provider = provider;
        this.options = options;
        this.routes = List.copyOf(routes);
        this.errorBody = errorBody;
        this.faults = options.faults().faults();
        this.faultEvents = new AtomicLong[faults.size()];
        for (int i = 0; i < faultEvents.length; i++) {
            faultEvents[i] = new AtomicLong();
        }
        this.random = new Random(options.seed());
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 4096);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param provider the provider's name, for logs
     * @param options port, latency, faults, job duration, seed
     * @param routes the provider's endpoints
     * @param errorBody the provider's error body for a status and message
     * @throws IOException when the port cannot be bound
     */
    public static EmulatorServer start(String provider, EmulatorOptions options, List<EmulatorRoute> routes,
                                       BiFunction<Integer, String, String> errorBody) throws IOException {
        EmulatorServer s = new EmulatorServer(provider, options, routes, errorBody);
        s.server.start();
        LOG.info("{} emulator listening on {} (latency {} ms, faults '{}')", provider, s.baseUrl(),
                options.latency().toMillis(), options.faults());
        return s;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The options the server runs with. */
    public EmulatorOptions options() {
        return options;
    }

    /** The number of requests received. */
    public long requests() {
        return requests.get();
    }

    /** The number of jobs created by submissions (each accepted submission counts once). */
    public long submissions() {
        return submissions.get();
    }

    /** The number of faults injected so far. */
    public long injectedFaults() {
        return injected.get();
    }

    /** Records an accepted submission; returns a sequence number for the new job (1-based). */
    public long recordSubmission() {
        submissions.incrementAndGet();
        return jobs.incrementAndGet();
    }

    /**
     * Records an accepted submission of a job the client named {@code key} (its tag, client token or name; null
     * or empty for none), counted per key so that a duplicate submission of one job shows.
     */
    public long recordSubmission(String key) {
        if (key != null && !key.isEmpty()) {
            submissionsByKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }
        return recordSubmission();
    }

    /** The number of cancellations the emulator accepted. */
    public long cancellations() {
        return cancellations.get();
    }

    /** Records a cancellation the emulator accepted. */
    public void recordCancellation() {
        cancellations.incrementAndGet();
    }

    /** Accepted submissions per job key ({@link #recordSubmission(String)}). */
    public Map<String, Long> submissionsByKey() {
        Map<String, Long> out = new java.util.TreeMap<>();
        submissionsByKey.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /**
     * The counters as JSON, served at {@value #STATS_PATH} (never delayed or faulted):
     * {@code {"provider", "requests", "submissions", "cancellations", "injected_faults", "submissions_by_key": {key: n}}}.
     */
    public String statsJson() {
        StringBuilder b = new StringBuilder();
        b.append("{\"provider\":").append(quote(provider)).append(",\"requests\":").append(requests.get())
                .append(",\"submissions\":").append(submissions.get()).append(",\"cancellations\":")
                .append(cancellations.get()).append(",\"injected_faults\":")
                .append(injected.get()).append(",\"submissions_by_key\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : submissionsByKey().entrySet()) {
            b.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(e.getValue());
            first = false;
        }
        return b.append("}}").toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Draws the fault of a newly submitted job from the SPEC's job faults. */
    public JobFault nextJobFault() {
        JobFault chosen = JobFault.NONE;
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            // every job fault counts every job, so that "every N" and "first N" mean jobs, whichever fires
            if (f.kind().isJobFault() && fires(i) && chosen == JobFault.NONE) {
                injected.incrementAndGet();
                chosen = f.kind() == FaultKind.STUCK ? new JobFault(true, false, Optional.empty())
                        : new JobFault(false, true, f.argument());
            }
        }
        return chosen;
    }

    /** A fresh seed from the server's seeded source, for sampling one job's shots. */
    public long nextSeed() {
        randomLock.lock();
        try {
            return random.nextLong();
        } finally {
            randomLock.unlock();
        }
    }

    private boolean fires(int faultIndex) {
        long n = faultEvents[faultIndex].incrementAndGet();
        double r;
        randomLock.lock();
        try {
            r = random.nextDouble();
        } finally {
            randomLock.unlock();
        }
        return faults.get(faultIndex).trigger().fires(n, r);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] bodyBytes;
            try (InputStream in = exchange.getRequestBody()) {
                bodyBytes = in.readAllBytes();
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (method.equals("GET") && path.equals(STATS_PATH)) {
                send(exchange, EmulatorReply.json(200, statsJson()));
                return;
            }
            RouteMatch match = route(method, path, rawPath);
            RequestScope scope = match == null ? RequestScope.ANY : match.route.scope();
            delay(scope);
            if (match == null) {
                send(exchange, EmulatorReply.json(404, errorBody.apply(404, "Not Found: " + method + " " + path)));
                return;
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
            EmulatorRequest request = new EmulatorRequest(method, path, query(exchange.getRequestURI().getRawQuery()),
                    headers, new String(bodyBytes, StandardCharsets.UTF_8), match.params);
            Optional<Fault> fault = httpFault(scope);
            if (fault.isPresent()) {
                Fault f = fault.get();
                injected.incrementAndGet();
                LOG.debug("{} emulator: injecting {} on {} {}", provider, f, method, path);
                switch (f.kind()) {
                    case TOO_MANY_REQUESTS, RATE_LIMIT -> {
                        String retryAfter = f.kind() == FaultKind.RATE_LIMIT ? "1" : f.argument().orElse("1");
                        send(exchange, EmulatorReply.json(429, errorBody.apply(429, "Too Many Requests"))
                                .withHeader("Retry-After", retryAfter));
                    }
                    case INTERNAL_ERROR -> send(exchange, EmulatorReply.json(500, errorBody.apply(500, "Internal Server Error")));
                    case BAD_GATEWAY -> send(exchange, EmulatorReply.json(502, errorBody.apply(502, "Bad Gateway")));
                    case UNAVAILABLE -> send(exchange, EmulatorReply.json(503, errorBody.apply(503, "Service Unavailable")));
                    case DROP -> {
                        if (!f.argument().orElse("after").equals("before")) {
                            invoke(match.route, request);
                        }
                        // closing the exchange before any response closes the connection
                    }
                    default -> throw new IllegalStateException("not an HTTP fault: " + f);
                }
                return;
            }
            send(exchange, invoke(match.route, request));
        } catch (RuntimeException e) {
            LOG.warn("{} emulator failed on {} {}", provider, exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private EmulatorReply invoke(EmulatorRoute route, EmulatorRequest request) {
        try {
            return route.handler().apply(request);
        } catch (RuntimeException e) {
            LOG.warn("{} emulator: handler failed for {} {}", provider, request.method(), request.path(), e);
            return EmulatorReply.json(500, errorBody.apply(500, "Internal Server Error"));
        }
    }

    private Optional<Fault> httpFault(RequestScope scope) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.kind().isJobFault() || f.kind() == FaultKind.LATENCY || !f.scope().covers(scope)) {
                continue;
            }
            if (f.kind() == FaultKind.RATE_LIMIT) {
                if (overRate(Double.parseDouble(f.argument().orElseThrow()))) {
                    return Optional.of(f);
                }
            } else if (fires(i)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private boolean overRate(double perSecond) {
        long now = System.nanoTime();
        windowLock.lock();
        try {
            while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= perSecond) {
                return true;
            }
            window.addLast(now);
            return false;
        } finally {
            windowLock.unlock();
        }
    }

    private void delay(RequestScope scope) {
        long nanos = options.latency().toNanos();
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.kind() == FaultKind.LATENCY && f.scope().covers(scope) && fires(i)) {
                injected.incrementAndGet();
                nanos += (long) (Double.parseDouble(f.argument().orElseThrow()) * 1e6);
            }
        }
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private RouteMatch route(String method, String path, String rawPath) {
        for (EmulatorRoute r : routes) {
            if (!r.method().equals(method)) {
                continue;
            }
            Matcher m = r.pattern().matcher(path);
            if (m.matches()) {
                List<String> params = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    params.add(m.group(g));
                }
                return new RouteMatch(r, params);
            }
        }
        return null;
    }

    private record RouteMatch(EmulatorRoute route, List<String> params) {
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    private static void send(HttpExchange exchange, EmulatorReply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.info("{} emulator on port {} stopped after {} requests, {} submissions, {} injected faults", provider,
                port(), requests.get(), submissions.get(), injected.get());
    }

    /** How long the server's jobs take. */
    public Duration jobDuration() {
        return options.jobDuration();
    }
}
