package io.qexec.qbraid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import io.qexec.remote.emulator.CircuitSampler;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.EmulatorReply;
import io.qexec.remote.emulator.EmulatorRequest;
import io.qexec.remote.emulator.EmulatorRoute;
import io.qexec.remote.emulator.EmulatorServer;
import io.qexec.remote.emulator.FaultSpec;
import io.qexec.remote.emulator.JobFault;
import io.qexec.remote.emulator.JobPhase;
import io.qexec.remote.emulator.ProviderEmulator;
import io.qexec.remote.emulator.RequestScope;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * An offline stand-in for qBraid's Runtime API v2 on 127.0.0.1, following the published contract: the
 * {@code /api/v1} endpoints for devices and jobs (create, list with a {@code tags} filter, get, result, cancel);
 * the {@code X-API-Key} header; the {@code {success, data}} envelope; programs as {@code qasm2}/{@code qasm3}
 * text; statuses {@code INITIALIZING → QUEUED → RUNNING → COMPLETED} (or {@code FAILED}, {@code CANCELLED}); 409
 * while a result is not yet available; and {@code measurementCounts} keyed by bitstrings over the classical bits,
 * bit 0 rightmost. Results are sampled from the embedded simulator.
 */
public final class QBraidEmulator implements ProviderEmulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V = "/api/v1";
    private static final Map<String, Device> DEVICES = Map.of(
            "qbraid:qbraid:sim:qir-sv", new Device("qbraid:qbraid:sim:qir-sv", "QIR sparse simulator", "qbraid", "SIMULATOR", 30, "ONLINE", List.of("qasm2", "qasm3"), 0.0),
            "aws:ionq:qpu:forte-1", new Device("aws:ionq:qpu:forte-1", "IonQ Forte-1", "aws", "QPU", 36, "ONLINE", List.of("qasm3"), 0.01),
            "aws:quera:qpu:aquila", new Device("aws:quera:qpu:aquila", "QuEra Aquila", "aws", "QPU", 256, "OFFLINE", List.of("braket_ahs"), 0.0));

    private final EmulatorServer server;
    private final Optional<String> requiredKey;
    private final Map<String, EmulatedJob> jobs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<EmulatedJob> newestFirst = new ConcurrentLinkedDeque<>();

    private record Device(String qrn, String name, String vendor, String type, int qubits, String status,
                          List<String> inputs, double noise) {
    }

    private QBraidEmulator(EmulatorOptions options, Optional<String> requiredKey) throws IOException {
        this.requiredKey = requiredKey;
        this.server = EmulatorServer.start("qbraid", options, routes(), QBraidEmulator::errorBody);
    }

    /**
     * Starts an emulator accepting any non-blank API key, with jobs taking one second.
     *
     * @param port the port (0 for a free one)
     * @param latency the delay before every answer
     * @param faults the faults, as a {@link FaultSpec} SPEC string (blank for none)
     */
    public static QBraidEmulator start(int port, Duration latency, String faults) throws IOException {
        return start(EmulatorOptions.defaults().withPort(port).withLatency(latency).withFaults(FaultSpec.parse(faults)));
    }

    /** Starts an emulator accepting any non-blank API key. */
    public static QBraidEmulator start(EmulatorOptions options) throws IOException {
        return new QBraidEmulator(options, Optional.empty());
    }

    /** Starts an emulator accepting only {@code apiKey}. */
    public static QBraidEmulator start(EmulatorOptions options, String apiKey) throws IOException {
        return new QBraidEmulator(options, Optional.of(apiKey));
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    /** The API's base URL, {@code http://127.0.0.1:<port>/api/v1}. */
    @Override
    public URI baseUrl() {
        return URI.create(server.baseUrl() + V);
    }

    private List<EmulatorRoute> routes() {
        return List.of(
                EmulatorRoute.of("GET", V + "/devices", RequestScope.LIST, r -> authorized(r, this::devices)),
                EmulatorRoute.of("GET", V + "/devices/([^/]+)", RequestScope.LIST, r -> authorized(r, () -> device(r.param(0)))),
                EmulatorRoute.of("POST", V + "/jobs", RequestScope.SUBMIT, r -> authorized(r, () -> create(r))),
                EmulatorRoute.of("GET", V + "/jobs", RequestScope.LIST, r -> authorized(r, () -> list(r))),
                EmulatorRoute.of("GET", V + "/jobs/([^/]+)", RequestScope.STATUS, r -> authorized(r, () -> get(r.param(0)))),
                EmulatorRoute.of("GET", V + "/jobs/([^/]+)/result", RequestScope.RESULT, r -> authorized(r, () -> result(r.param(0)))),
                EmulatorRoute.of("POST", V + "/jobs/([^/]+)/cancel", RequestScope.CANCEL, r -> authorized(r, () -> cancel(r.param(0)))));
    }

    private EmulatorReply authorized(EmulatorRequest r, Supplier<EmulatorReply> then) {
        String key = r.header("X-API-Key").orElse("");
        boolean ok = !key.isBlank() && requiredKey.map(key::equals).orElse(true);
        return ok ? then.get() : EmulatorReply.json(401, errorBody(401, "Invalid or missing API key"));
    }

    private EmulatorReply devices() {
        ArrayNode a = JSON.createArrayNode();
        DEVICES.values().stream().sorted((x, y) -> x.qrn().compareTo(y.qrn())).forEach(d -> a.add(deviceJson(d)));
        return ok(200, a);
    }

    private EmulatorReply device(String qrn) {
        Device d = DEVICES.get(qrn);
        return d == null ? EmulatorReply.json(404, errorBody(404, "Device '" + qrn + "' not found")) : ok(200, deviceJson(d));
    }

    private static ObjectNode deviceJson(Device d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("qrn", d.qrn());
        o.put("name", d.name());
        o.put("vendor", d.vendor());
        o.put("deviceType", d.type());
        o.put("paradigm", d.inputs().contains("braket_ahs") ? "analog" : "gate_model");
        o.put("numberQubits", d.qubits());
        ArrayNode inputs = o.putArray("runInputTypes");
        d.inputs().forEach(inputs::add);
        ArrayNode noise = o.putArray("noiseModels");
        if (d.type().equals("SIMULATOR")) {
            noise.add("ideal");
            noise.add("depolarizing");
        }
        o.put("status", d.status());
        o.put("queueDepth", 0);
        o.put("directAccess", true);
        o.putObject("pricing").put("perTask", 0).put("perShot", 0).put("perMinute", 0);
        return o;
    }

    private EmulatorReply create(EmulatorRequest r) {
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            return validation("body: invalid JSON");
        }
        if (body == null || !body.isObject()) {
            return validation("body: must be an object");
        }
        String qrn = body.path("deviceQrn").asText("");
        if (qrn.isEmpty()) {
            return validation("deviceQrn: field required");
        }
        Device device = DEVICES.get(qrn);
        if (device == null) {
            return EmulatorReply.json(404, errorBody(404, "Device '" + qrn + "' not found"));
        }
        if (!device.status().equals("ONLINE")) {
            return EmulatorReply.json(400, errorBody(400, "Device '" + qrn + "' is " + device.status()));
        }
        if (!body.path("shots").canConvertToInt() || body.path("shots").asInt() < 1) {
            return validation("shots: must be a positive integer");
        }
        int shots = body.path("shots").asInt();
        String format = body.path("program").path("format").asText("");
        if (!device.inputs().contains(format)) {
            return EmulatorReply.json(400, errorBody(400, "Device '" + qrn + "' does not accept program format '" + format
                    + "'; accepted: " + device.inputs()));
        }
        Circuit circuit;
        try {
            circuit = OpenQasm.parse(body.path("program").path("data").asText(""));
        } catch (RuntimeException e) {
            return EmulatorReply.json(400, errorBody(400, "Invalid " + format + " program: " + e.getMessage()));
        }
        if (circuit.numQubits() > device.qubits()) {
            return EmulatorReply.json(400, errorBody(400, "The program needs " + circuit.numQubits() + " qubits; '" + qrn
                    + "' has " + device.qubits()));
        }
        Map<String, String> tags = new HashMap<>();
        body.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        Optional<String> noise = body.path("runtimeOptions").path("noiseModel").isTextual()
                ? Optional.of(body.path("runtimeOptions").path("noiseModel").asText()) : Optional.empty();
        JobFault fault = server.nextJobFault();
        long n = server.recordSubmission(tags.getOrDefault("qexec_tag", body.path("name").asText("")));
        String jobQrn = qrn + "-emu-qjob-" + Long.toString(n, 36) + Long.toHexString(server.nextSeed() & 0xffffffL);
        EmulatedJob job = new EmulatedJob(jobQrn, body.path("name").asText(""), device, shots, circuit, noise,
                server.nextSeed(), tags, fault, Instant.now(), System.nanoTime());
        jobs.put(jobQrn, job);
        newestFirst.addFirst(job);
        return ok(201, record(job));
    }

    private EmulatorReply list(EmulatorRequest r) {
        Map<String, String> wanted = new HashMap<>();
        if (r.query().containsKey("tags")) {
            try {
                JSON.readTree(r.query().get("tags")).fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
            } catch (JsonProcessingException e) {
                return validation("tags: must be a JSON object");
            }
        }
        int limit = 10;
        try {
            limit = Integer.parseInt(r.query().getOrDefault("limit", "10"));
        } catch (NumberFormatException e) {
            return validation("limit: must be an integer");
        }
        ArrayNode out = JSON.createArrayNode();
        for (EmulatedJob job : newestFirst) {
            if (out.size() >= limit) {
                break;
            }
            if (wanted.entrySet().stream().allMatch(w -> w.getValue().equals(job.tags.get(w.getKey())))) {
                out.add(record(job));
            }
        }
        return ok(200, out);
    }

    private EmulatorReply get(String qrn) {
        EmulatedJob job = jobs.get(qrn);
        return job == null ? EmulatorReply.json(404, errorBody(404, "Job '" + qrn + "' not found")) : ok(200, record(job));
    }

    private EmulatorReply cancel(String qrn) {
        EmulatedJob job = jobs.get(qrn);
        if (job == null) {
            return EmulatorReply.json(404, errorBody(404, "Job '" + qrn + "' not found"));
        }
        String status = status(job);
        if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")) {
            return EmulatorReply.json(400, errorBody(400, "Job '" + qrn + "' is " + status + " and cannot be cancelled"));
        }
        job.cancelled = true;
        server.recordCancellation();
        ObjectNode o = JSON.createObjectNode();
        o.put("jobQrn", qrn);
        o.put("status", "CANCELLED");
        return ok(200, o);
    }

    private EmulatorReply result(String qrn) {
        EmulatedJob job = jobs.get(qrn);
        if (job == null) {
            return EmulatorReply.json(404, errorBody(404, "Job '" + qrn + "' not found"));
        }
        String status = status(job);
        if (!status.equals("COMPLETED")) {
            return EmulatorReply.json(409, errorBody(409, "Job results are not yet available (status " + status + ")"));
        }
        ObjectNode d = JSON.createObjectNode();
        d.put("status", status);
        d.put("cost", 0);
        timeStamps(d, job);
        ObjectNode counts = d.putObject("resultData").putObject("measurementCounts");
        counts(job).forEach(counts::put);
        return ok(200, d);
    }

    private SortedMap<String, Long> counts(EmulatedJob job) {
        synchronized (job) {
            if (job.counts == null) {
                Map<String, Double> p = CircuitSampler.probabilities(job.circuit);
                double noise = job.noise.filter(m -> !m.equals("ideal")).isPresent() ? 0.02 : job.device.noise();
                if (noise > 0) {
                    Map<String, Double> mixed = new HashMap<>();
                    int width = p.keySet().iterator().next().replace(" ", "").length();
                    for (long i = 0; i < 1L << width; i++) {
                        mixed.put(io.qexec.circuit.Bitstrings.format(i, width), noise / (1L << width));
                    }
                    p.forEach((k, v) -> mixed.merge(k.replace(" ", ""), (1 - noise) * v, Double::sum));
                    p = mixed;
                }
                Map<String, Double> flat = new HashMap<>();
                p.forEach((k, v) -> flat.merge(k.replace(" ", ""), v, Double::sum));
                job.counts = CircuitSampler.sample(flat, job.shots, job.seed);
            }
            return job.counts;
        }
    }

    private String status(EmulatedJob job) {
        if (job.cancelled) {
            return "CANCELLED";
        }
        JobPhase phase = JobPhase.at(Duration.ofNanos(System.nanoTime() - job.startNanos), server.jobDuration());
        if (job.fault.stuck() && phase.compareTo(JobPhase.QUEUED) > 0) {
            phase = JobPhase.QUEUED;
        }
        if (phase == JobPhase.DONE && job.fault.fails()) {
            return "FAILED";
        }
        if (phase == JobPhase.DONE && job.error == null && job.counts == null) {
            try {
                counts(job);
            } catch (IllegalArgumentException e) {
                job.error = e.getMessage();
            }
        }
        if (phase == JobPhase.DONE && job.error != null) {
            return "FAILED";
        }
        return switch (phase) {
            case SUBMITTED -> "INITIALIZING";
            case QUEUED -> "QUEUED";
            case RUNNING -> "RUNNING";
            case DONE -> "COMPLETED";
        };
    }

    private ObjectNode record(EmulatedJob job) {
        String status = status(job);
        ObjectNode o = JSON.createObjectNode();
        o.put("jobQrn", job.qrn);
        o.putNull("batchJobQrn");
        o.put("name", job.name);
        o.put("shots", job.shots);
        o.put("deviceQrn", job.device.qrn());
        o.put("vendor", job.device.vendor());
        o.put("provider", job.device.qrn().split(":")[1]);
        o.put("status", status);
        if (status.equals("FAILED")) {
            o.put("statusMsg", job.error != null ? job.error : job.fault.failureCode().orElse("Job failed (injected fault)"));
        } else {
            o.putNull("statusMsg");
        }
        o.put("experimentType", "gate_model");
        if (status.equals("QUEUED")) {
            o.put("queuePosition", 0);
        } else {
            o.putNull("queuePosition");
        }
        timeStamps(o, job);
        o.put("cost", 0);
        o.put("estimatedCost", 0);
        ObjectNode tags = o.putObject("tags");
        job.tags.forEach(tags::put);
        ObjectNode options = o.putObject("runtimeOptions");
        job.noise.ifPresent(m -> options.put("noiseModel", m));
        o.putObject("metadata");
        return o;
    }

    private void timeStamps(ObjectNode o, EmulatedJob job) {
        ObjectNode t = o.putObject("timeStamps");
        t.put("createdAt", job.createdAt.toString());
        if (JobPhase.at(Duration.ofNanos(System.nanoTime() - job.startNanos), server.jobDuration()) == JobPhase.DONE
                && !job.fault.stuck()) {
            t.put("endedAt", job.createdAt.plus(server.jobDuration()).toString());
            t.put("executionDuration", server.jobDuration().toMillis());
        } else {
            t.putNull("endedAt");
            t.putNull("executionDuration");
        }
    }

    private static final class EmulatedJob {
        final String qrn;
        final String name;
        final Device device;
        final int shots;
        final Circuit circuit;
        final Optional<String> noise;
        final long seed;
        final Map<String, String> tags;
        final JobFault fault;
        final Instant createdAt;
        final long startNanos;
        volatile boolean cancelled;
        volatile SortedMap<String, Long> counts;
        volatile String error;

        EmulatedJob(String qrn, String name, Device device, int shots, Circuit circuit, Optional<String> noise, long seed,
                    Map<String, String> tags, JobFault fault, Instant createdAt, long startNanos) {
            this.qrn = qrn;
            this.name = name;
            this.device = device;
            this.shots = shots;
            this.circuit = circuit;
            this.noise = noise;
            this.seed = seed;
            this.tags = Map.copyOf(tags);
            this.fault = fault;
            this.createdAt = createdAt;
            this.startNanos = startNanos;
        }
    }

    private static EmulatorReply ok(int status, JsonNode data) {
        ObjectNode o = JSON.createObjectNode();
        o.put("success", true);
        o.set("data", data);
        return EmulatorReply.json(status, o.toString());
    }

    private static EmulatorReply validation(String detail) {
        ObjectNode o = JSON.createObjectNode();
        o.put("success", false);
        o.put("message", "Validation error: " + detail);
        o.put("detail", detail);
        return EmulatorReply.json(422, o.toString());
    }

    static String errorBody(int status, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("success", false);
        o.put("message", message);
        o.putObject("error").put("status", status).put("message", message);
        return o.toString();
    }
}
