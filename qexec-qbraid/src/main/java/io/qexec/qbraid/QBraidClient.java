package io.qexec.qbraid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.qasm.OpenQasm;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A client for qBraid's Runtime API v2: devices, jobs submitted as OpenQASM 3 (or 2, for devices that take only
 * that), status, results ({@code measurementCounts}, converted to the engine's bit order) and cancel. Responses
 * are unwrapped from qBraid's {@code {success, data}} envelope. Submissions carry a {@code qexec_tag} tag so that
 * an ambiguous submission can be looked up ({@code GET /jobs?tags=...}) instead of being re-sent blindly.
 *
 * <p>Thread-safe; one instance per configured qBraid account.
 */
public final class QBraidClient implements AutoCloseable {
    /** qBraid's Runtime API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api-v2.qbraid.com/api/v1");
    static final String TAG_KEY = "qexec_tag";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteSettings settings;
    private final RemoteHttp http;
    private final RemoteJobRunner runner;

    /** A client with the given settings (see {@link #settings}). */
    public QBraidClient(RemoteSettings settings) {
        this.settings = settings;
        this.http = new RemoteHttp(settings, key -> Map.of("X-API-Key", key.reveal(), "X-Domain", "qbraid"),
                QBraidClient::errorDetail);
        this.runner = new RemoteJobRunner("qbraid", settings.poll(), settings.retry(), settings.requestTimeout());
    }

    /**
     * qBraid settings from a configuration section and the environment: {@code QEXEC_QBRAID_BASE_URL},
     * {@code api_key}, {@code QEXEC_QBRAID_API_KEY} or {@code QBRAID_API_KEY}, and the tuning keys of
     * {@link RemoteSettings#resolve}.
     */
    public static RemoteSettings settings(Map<String, String> config, Map<String, String> env) {
        return RemoteSettings.resolve("qbraid", DEFAULT_BASE_URL, config, env, List.of("QBRAID_API_KEY"));
    }

    /** The settings in use. */
    public RemoteSettings settings() {
        return settings;
    }

    /** The devices. */
    public List<QBraidDevice> devices() {
        List<QBraidDevice> out = new ArrayList<>();
        for (JsonNode d : data(http.send(RemoteRequest.get("/devices", "the device list")).body())) {
            out.add(deviceOf(d));
        }
        return out;
    }

    /** One device; a typed {@link RemoteFailureKind#NOT_FOUND} failure when qBraid has none by that QRN. */
    public QBraidDevice device(String qrn) {
        return deviceOf(data(http.send(RemoteRequest.get("/devices/" + encode(qrn), "device '" + qrn + "'")).body()));
    }

    /** The calls for one job, for {@link RemoteJobRunner}; the program is written here, before anything is sent. */
    public RemoteJobApi<QBraidResult> job(QBraidJobRequest request) {
        return new Job(request, program(request));
    }

    /** Runs a job to its end on the calling thread. */
    public RemoteOutcome<QBraidResult> run(QBraidJobRequest request) {
        return runner.run(job(request), newTag());
    }

    /** Runs a job to its end on a virtual thread. */
    public CompletableFuture<RemoteOutcome<QBraidResult>> runAsync(QBraidJobRequest request) {
        return runner.runAsync(job(request), newTag());
    }

    /** Submits a job without following it, resolving an ambiguous submission by its tag. */
    public RemoteSubmission submit(QBraidJobRequest request) {
        return submit(request, newTag());
    }

    /** As {@link #submit(QBraidJobRequest)}, with the caller's tag (kept in the job's tags as {@value #TAG_KEY}). */
    public RemoteSubmission submit(QBraidJobRequest request, String tag) {
        return runner.submit(job(request), tag);
    }

    /**
     * The job whose tags carry {@code tag}, from qBraid's job list filtered by tag.
     *
     * @throws RemoteException when the list cannot be read
     */
    public Optional<String> findByTag(String tag) {
        String tags = "{\"" + TAG_KEY + "\":\"" + tag + "\"}";
        JsonNode d = data(http.send(RemoteRequest.get("/jobs?tags=" + encode(tags) + "&limit=100", "the job list")).body());
        JsonNode jobs = d.isArray() ? d : d.path("jobs").isArray() ? d.path("jobs") : d.path("items");
        for (JsonNode job : jobs) {
            if (tag.equals(job.path("tags").path(TAG_KEY).asText(null))) {
                return Optional.of(job.path("jobQrn").asText());
            }
        }
        return Optional.empty();
    }

    /** A job's status. */
    public RemoteStatus status(String jobQrn) {
        JsonNode job = data(http.send(RemoteRequest.get("/jobs/" + encode(jobQrn), "job " + jobQrn)).body());
        String s = job.path("status").asText("");
        Optional<String> detail = job.path("statusMsg").isTextual() ? Optional.of(job.path("statusMsg").asText())
                : Optional.empty();
        return new RemoteStatus(QBraidJobStatus.toState(s), s, detail);
    }

    /** A completed job's result, keyed for the given classical registers. */
    public QBraidResult result(String jobQrn, List<ClassicalRegister> registers) {
        JsonNode d = data(http.send(RemoteRequest.get("/jobs/" + encode(jobQrn) + "/result", "the result of job " + jobQrn))
                .body());
        Map<String, Long> raw = new HashMap<>();
        d.path("resultData").path("measurementCounts").fields()
                .forEachRemaining(e -> raw.put(e.getKey(), e.getValue().asLong()));
        try {
            return new QBraidResult(jobQrn, QBraidBitOrder.counts(raw, registers), d.path("cost").asDouble(Double.NaN));
        } catch (IllegalArgumentException e) {
            throw new RemoteException("qbraid", RemoteFailureKind.PROTOCOL, e.getMessage(), e);
        }
    }

    /** Asks qBraid to cancel a job. */
    public void cancel(String jobQrn) {
        http.send(new RemoteRequest("POST", "/jobs/" + encode(jobQrn) + "/cancel", Optional.empty(), true,
                "cancel of job " + jobQrn, Map.of()));
    }

    /** A fresh tag for a submission. */
    public static String newTag() {
        return "qexec-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static ObjectNode program(QBraidJobRequest request) {
        ObjectNode p = JSON.createObjectNode();
        p.put("format", "qasm3");
        try {
            p.put("data", OpenQasm.write3(request.circuit()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("qBraid cannot take this circuit as OpenQASM 3: " + e.getMessage(), e);
        }
        return p;
    }

    private final class Job implements RemoteJobApi<QBraidResult> {
        private final QBraidJobRequest request;
        private final ObjectNode program;

        Job(QBraidJobRequest request, ObjectNode program) {
            this.request = request;
            this.program = program;
        }

        @Override
        public String submit(String tag) {
            ObjectNode body = JSON.createObjectNode();
            body.put("deviceQrn", request.deviceQrn());
            body.put("shots", request.shots());
            body.set("program", program);
            body.put("name", request.circuit().name().isEmpty() ? tag : request.circuit().name());
            body.putObject("tags").put(TAG_KEY, tag);
            request.noiseModel().ifPresent(m -> body.putObject("runtimeOptions").put("noiseModel", m));
            JsonNode created = data(http.send(RemoteRequest.post("/jobs", body.toString(),
                    "job submission to " + request.deviceQrn())).body());
            String qrn = created.path("jobQrn").asText("");
            if (qrn.isEmpty()) {
                throw new RemoteException("qbraid", RemoteFailureKind.PROTOCOL, "qBraid accepted the job but returned no jobQrn", null);
            }
            return qrn;
        }

        @Override
        public Optional<String> findByTag(String tag) {
            return QBraidClient.this.findByTag(tag);
        }

        @Override
        public RemoteStatus status(String jobId) {
            return QBraidClient.this.status(jobId);
        }

        @Override
        public QBraidResult result(String jobId) {
            return QBraidClient.this.result(jobId, request.circuit().classicalRegisters());
        }

        @Override
        public void cancel(String jobId) {
            QBraidClient.this.cancel(jobId);
        }
    }

    private static QBraidDevice deviceOf(JsonNode d) {
        List<String> inputs = new ArrayList<>();
        d.path("runInputTypes").forEach(n -> inputs.add(n.asText()));
        List<String> noise = new ArrayList<>();
        d.path("noiseModels").forEach(n -> noise.add(n.asText()));
        return new QBraidDevice(d.path("qrn").asText(), d.path("name").asText(), d.path("vendor").asText(),
                d.path("deviceType").asText().equalsIgnoreCase("SIMULATOR"), d.path("numberQubits").asInt(),
                d.path("status").asText("UNKNOWN"), d.path("queueDepth").asInt(-1), inputs, noise);
    }

    /** The {@code data} of qBraid's {@code {success, data}} envelope. */
    static JsonNode data(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n.has("success") && !n.path("success").asBoolean()) {
                throw new RemoteException("qbraid", RemoteFailureKind.PROTOCOL,
                        "qBraid reported a failure: " + errorDetail(body), null);
            }
            return n.has("data") ? n.get("data") : n;
        } catch (JsonProcessingException e) {
            throw new RemoteException("qbraid", RemoteFailureKind.PROTOCOL, "qBraid answered something that is not JSON", e);
        }
    }

    /** qBraid's error bodies: {@code message}, {@code error.message} or FastAPI's {@code detail}. */
    static String errorDetail(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n.path("error").isObject() && n.path("error").has("message")) {
                return n.path("error").path("message").asText();
            }
            if (n.hasNonNull("message")) {
                return n.path("message").asText();
            }
            if (n.has("detail")) {
                return n.path("detail").isTextual() ? n.path("detail").asText() : n.path("detail").toString();
            }
            return body;
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
        return "QBraidClient[" + settings + "]";
    }
}
