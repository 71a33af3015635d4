package io.qexec.ionq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qexec.remote.Authentication;
import io.qexec.remote.RemoteException;
import io.qexec.remote.RemoteFailureKind;
import io.qexec.remote.RemoteHttp;
import io.qexec.remote.RemoteJobApi;
import io.qexec.remote.RemoteJobRunner;
import io.qexec.remote.RemoteOutcome;
import io.qexec.remote.RemoteRequest;
import io.qexec.remote.RemoteSettings;
import io.qexec.remote.RemoteStatus;
import io.qexec.remote.RemoteSubmission;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A client for IonQ's Cloud API v0.4: backends, jobs in IonQ's JSON circuit format with the {@code qis} gate
 * set, status, probabilities turned into counts in the engine's bit order, and cancel. Every call goes through
 * {@link RemoteHttp} (deadlines, retries, rate limit); submissions, which IonQ cannot de-duplicate, are never
 * re-sent blindly: after an ambiguous failure the job is looked up by the tag kept in its metadata.
 *
 * <p>Thread-safe; one instance per configured IonQ account.
 */
public final class IonQClient implements AutoCloseable {
    /** IonQ's API, version 0.4. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.ionq.co/v0.4");
    /** The metadata key holding the engine's tag for each job. */
    static final String TAG_KEY = "qexec_tag";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOOKUP_PAGES = 5;

    private final RemoteSettings settings;
    private final RemoteHttp http;
    private final RemoteJobRunner runner;

    /** A client with the given settings (see {@link #settings}). */
    public IonQClient(RemoteSettings settings) {
        this.settings = settings;
        this.http = new RemoteHttp(settings, Authentication.header("Authorization", "apiKey "), IonQClient::errorDetail);
        this.runner = new RemoteJobRunner("ionq", settings.poll(), settings.retry(), settings.requestTimeout());
    }

    /**
     * IonQ settings from a configuration section and the environment: {@code QEXEC_IONQ_BASE_URL},
     * {@code api_key}, {@code QEXEC_IONQ_API_KEY} or {@code IONQ_API_KEY}, and the tuning keys of
     * {@link RemoteSettings#resolve}.
     */
    public static RemoteSettings settings(Map<String, String> config, Map<String, String> env) {
        return RemoteSettings.resolve("ionq", DEFAULT_BASE_URL, config, env, List.of("IONQ_API_KEY"));
    }

    /** The settings in use. */
    public RemoteSettings settings() {
        return settings;
    }

    /** The number of HTTP attempts made so far. */
    public long requestsSent() {
        return http.attempts();
    }

    /** Lists IonQ's backends (no key needed). */
    public List<IonQBackend> backends() {
        JsonNode array = read(http.send(RemoteRequest.get("/backends", "the backend list"), false).body());
        List<IonQBackend> out = new ArrayList<>();
        for (JsonNode b : array) {
            out.add(backendOf(b));
        }
        return out;
    }

    /** One backend; a typed {@link RemoteFailureKind#NOT_FOUND} failure when IonQ has none by that name. */
    public IonQBackend backend(String name) {
        return backendOf(read(http.send(RemoteRequest.get("/backends/" + encode(name), "backend '" + name + "'"), false)
                .body()));
    }

    /**
     * The calls for one job, for {@link RemoteJobRunner}. The circuit is translated here, so a circuit IonQ
     * cannot run is rejected before anything is sent.
     *
     * @throws IllegalArgumentException naming what IonQ cannot run
     */
    public RemoteJobApi<IonQResult> job(IonQJobRequest request) {
        IonQGateSet.Translation t = IonQGateSet.translate(request.circuit());
        return new Job(request, t);
    }

    /** Runs a job to its end on the calling thread (a virtual thread is best). */
    public RemoteOutcome<IonQResult> run(IonQJobRequest request) {
        return runner.run(job(request), newTag());
    }

    /** Runs a job to its end on a virtual thread. */
    public CompletableFuture<RemoteOutcome<IonQResult>> runAsync(IonQJobRequest request) {
        RemoteJobApi<IonQResult> api = job(request);
        return runner.runAsync(api, newTag());
    }

    /** A fresh tag for a submission. */
    public static String newTag() {
        return "qexec-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** A job's status. */
    public RemoteStatus status(String jobId) {
        return statusOf(jobRecord(jobId));
    }

    /** Asks IonQ to cancel a job. */
    public void cancel(String jobId) {
        http.send(RemoteRequest.put("/jobs/" + encode(jobId) + "/status/cancel", null, "cancel of job " + jobId));
    }

    private JsonNode jobRecord(String jobId) {
        return read(http.send(RemoteRequest.get("/jobs/" + encode(jobId), "job " + jobId)).body());
    }

    private static RemoteStatus statusOf(JsonNode job) {
        String s = job.path("status").asText("");
        JsonNode failure = job.path("failure");
        Optional<String> detail = Optional.empty();
        if (failure.isObject()) {
            String code = failure.path("code").asText(failure.path("error").asText(""));
            String msg = failure.path("message").asText("");
            detail = Optional.of((code + (msg.isEmpty() ? "" : ": " + msg)).strip());
        }
        return new RemoteStatus(IonQJobStatus.toState(s), s, detail);
    }

    private final class Job implements RemoteJobApi<IonQResult> {
        private final IonQJobRequest request;
        private final IonQGateSet.Translation translation;
        /** The job record read by the last status call: it holds the results' URLs, saving a request. */
        private volatile JsonNode lastRecord;

        Job(IonQJobRequest request, IonQGateSet.Translation translation) {
            this.request = request;
            this.translation = translation;
        }

        @Override
        public String submit(String tag) {
            ObjectNode body = JSON.createObjectNode();
            body.put("type", "ionq.circuit.v1");
            body.put("backend", request.backend());
            body.put("shots", request.shots());
            body.put("name", request.circuit().name().isEmpty() ? tag : request.circuit().name());
            body.putObject("metadata").put(TAG_KEY, tag);
            ObjectNode input = body.putObject("input");
            input.put("gateset", "qis");
            input.put("qubits", translation.qubits());
            input.set("circuit", translation.gates());
            request.noiseModel().ifPresent(m -> {
                ObjectNode noise = body.putObject("noise");
                noise.put("model", m);
                request.noiseSeed().ifPresent(s -> noise.put("seed", s));
            });
            JsonNode created = read(http.send(RemoteRequest.post("/jobs", body.toString(),
                    "job submission to " + request.backend())).body());
            String id = created.path("id").asText("");
            if (id.isEmpty()) {
                throw new RemoteException("ionq", RemoteFailureKind.PROTOCOL, "IonQ accepted the job but returned no id", null);
            }
            return id;
        }

        @Override
        public Optional<String> findByTag(String tag) {
            return IonQClient.this.findByTag(tag);
        }

        @Override
        public RemoteStatus status(String jobId) {
            JsonNode job = jobRecord(jobId);
            lastRecord = job;
            return statusOf(job);
        }

        @Override
        public IonQResult result(String jobId) {
            JsonNode job = lastRecord != null && jobId.equals(lastRecord.path("id").asText())
                    && lastRecord.path("results").isObject() ? lastRecord : null;
            return IonQClient.this.result(jobId, job, translation, request.circuit().classicalRegisters(), request.shots());
        }

        @Override
        public void cancel(String jobId) {
            IonQClient.this.cancel(jobId);
        }
    }

    /**
     * Fetches a completed job's result and converts it to the engine's bit order.
     *
     * @param record the job record if already read (it holds the results' URLs), or null
     */
    IonQResult result(String jobId, JsonNode record, IonQGateSet.Translation translation,
                      List<io.qexec.circuit.ClassicalRegister> registers, int requestedShots) {
        JsonNode job = record != null ? record : jobRecord(jobId);
        String url = job.path("results").path("probabilities").path("url").asText("");
        String path = url.isEmpty() ? "/jobs/" + encode(jobId) + "/results/probabilities" : relative(url);
        JsonNode probs = read(http.send(RemoteRequest.get(path, "the result of job " + jobId)).body());
        Map<String, Double> raw = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = probs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            raw.put(e.getKey(), e.getValue().asDouble());
        }
        Map<String, Double> probabilities = IonQBitOrder.probabilities(raw, translation, registers);
        int shots = job.path("shots").asInt(requestedShots);
        return new IonQResult(jobId, shots, IonQBitOrder.counts(probabilities, shots), probabilities);
    }

    /**
     * Submits a job without following it: the circuit is translated (and rejected before anything is sent if IonQ
     * cannot run it), and an ambiguous submission is resolved by looking the job up by its tag.
     *
     * @throws IllegalArgumentException naming what IonQ cannot run
     * @throws RemoteException when the submission failed
     */
    public RemoteSubmission submit(IonQJobRequest request) {
        return submit(request, newTag());
    }

    /**
     * As {@link #submit(IonQJobRequest)}, with the caller's tag (kept in the job's metadata under
     * {@value #TAG_KEY}, where {@link #findByTag(String)} finds it).
     */
    public RemoteSubmission submit(IonQJobRequest request, String tag) {
        return runner.submit(job(request), tag);
    }

    /**
     * The id of the newest job whose metadata carries {@code tag}, searching the job list page by page (at most
     * five pages of 100 jobs, newest first).
     *
     * @throws RemoteException when the list cannot be read
     */
    public Optional<String> findByTag(String tag) {
        String cursor = null;
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            String path = "/jobs?limit=100" + (cursor == null ? "" : "&next=" + encode(cursor));
            JsonNode list = read(http.send(RemoteRequest.get(path, "the job list")).body());
            for (JsonNode job : list.path("jobs")) {
                if (tag.equals(job.path("metadata").path(TAG_KEY).asText(null))) {
                    return Optional.of(job.path("id").asText());
                }
            }
            cursor = list.path("next").isTextual() ? list.path("next").asText() : null;
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return Optional.empty();
    }

    /** A result URL relative to the base URL: IonQ's URLs carry the version prefix, which the base URL already has. */
    String relative(String url) {
        String path = url.startsWith("http") ? URI.create(url).getRawPath() : url;
        String basePath = settings.baseUrl().getRawPath();
        if (!basePath.isEmpty() && path.startsWith(basePath + "/")) {
            return path.substring(basePath.length());
        }
        if (path.matches("^/v\\d+(\\.\\d+)?/.*")) {
            return path.substring(path.indexOf('/', 1));
        }
        return path;
    }

    private static IonQBackend backendOf(JsonNode b) {
        List<String> models = new ArrayList<>();
        b.path("noise_models").forEach(m -> models.add(m.asText()));
        return new IonQBackend(b.path("backend").asText(), b.path("status").asText("unknown"), b.path("qubits").asInt(),
                b.path("average_queue_time").asDouble(0), b.path("degraded").asBoolean(false), models);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RemoteException("ionq", RemoteFailureKind.PROTOCOL, "IonQ answered something that is not JSON", e);
        }
    }

    /** IonQ's error bodies: {@code {statusCode, error, message, validation?}}, or {@code {error: {type, message}}}, or {@code {code, message}}. */
    static String errorDetail(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n.path("error").isObject()) {
                return n.path("error").path("message").asText(n.path("error").toString());
            }
            String message = n.path("message").asText("");
            if (message.isEmpty()) {
                message = n.path("error").asText(body);
            }
            if (n.has("validation")) {
                message += " (" + n.get("validation") + ")";
            }
            return message;
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        runner.close();
        http.close();
    }

    @Override
    public String toString() {
        return "IonQClient[" + settings + "]";
    }
}
