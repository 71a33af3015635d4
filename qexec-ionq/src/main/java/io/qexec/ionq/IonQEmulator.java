package io.qexec.ionq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qexec.circuit.Circuit;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * An offline stand-in for IonQ's Cloud API v0.4 on 127.0.0.1, following IonQ's published contract: the
 * {@code /v0.4} endpoints for backends, jobs (create, list, get, cancel) and probabilities; the
 * {@code Authorization: apiKey <key>} header; the {@code ionq.circuit.v1} input with the {@code qis} gate set
 * (rotations in radians); job statuses {@code submitted → ready → started → completed} (or {@code failed},
 * {@code canceled}); probabilities keyed by decimal outcomes with qubit 0 least significant; and IonQ's error
 * bodies {@code {statusCode, error, message}}. Results are computed by simulation; the simulator's noise models
 * and the QPUs are approximated by depolarizing noise and shot sampling.
 *
 * <pre>{@code
 * try (IonQEmulator ionq = IonQEmulator.start(0, Duration.ofMillis(5), "429@0.1")) {
 *     // point the client at ionq.baseUrl()
 * }
 * }</pre>
 */
public final class IonQEmulator implements ProviderEmulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V = "/v0\\.4";
    private static final List<String> NOISE_MODELS = List.of("ideal", "harmony", "aria-1", "aria-2", "forte-1");
    private static final Map<String, Device> DEVICES = Map.of(
            "simulator", new Device("simulator", "available", 29, 0.0),
            "qpu.aria-1", new Device("qpu.aria-1", "available", 25, 0.02),
            "qpu.aria-2", new Device("qpu.aria-2", "unavailable", 25, 0.02),
            "qpu.forte-1", new Device("qpu.forte-1", "available", 36, 0.01));

    private final EmulatorServer server;
    private final Optional<String> requiredKey;
    private final Map<String, EmulatedJob> jobs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<EmulatedJob> newestFirst = new ConcurrentLinkedDeque<>();

    private record Device(String name, String status, int qubits, double noise) {
    }

    private IonQEmulator(EmulatorOptions options, Optional<String> requiredKey) throws IOException {
        this.requiredKey = requiredKey;
        this.server = EmulatorServer.start("ionq", options, routes(), IonQEmulator::errorBody);
    }

    /**
     * Starts an emulator accepting any non-blank API key, with jobs taking one second.
     *
     * @param port the port (0 for a free one)
     * @param latency the delay before every answer
     * @param faults the faults, as a {@link FaultSpec} SPEC string (blank for none)
     */
    public static IonQEmulator start(int port, Duration latency, String faults) throws IOException {
        return start(EmulatorOptions.defaults().withPort(port).withLatency(latency).withFaults(FaultSpec.parse(faults)));
    }

    /** Starts an emulator accepting any non-blank API key. */
    public static IonQEmulator start(EmulatorOptions options) throws IOException {
        return new IonQEmulator(options, Optional.empty());
    }

    /** Starts an emulator accepting only {@code apiKey}. */
    public static IonQEmulator start(EmulatorOptions options, String apiKey) throws IOException {
        return new IonQEmulator(options, Optional.of(apiKey));
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    /** The API's base URL, {@code http://127.0.0.1:<port>/v0.4}. */
    @Override
    public URI baseUrl() {
        return URI.create(server.baseUrl() + "/v0.4");
    }

    private List<EmulatorRoute> routes() {
        return List.of(
                EmulatorRoute.of("GET", V + "/backends", RequestScope.LIST, r -> backends()),
                EmulatorRoute.of("GET", V + "/backends/([^/]+)", RequestScope.LIST, r -> backend(r.param(0))),
                EmulatorRoute.of("GET", V + "/whoami", RequestScope.LIST, r -> authorized(r, () -> json(200, "{\"id\":\"emulated-user\"}"))),
                EmulatorRoute.of("POST", V + "/jobs", RequestScope.SUBMIT, r -> authorized(r, () -> create(r))),
                EmulatorRoute.of("GET", V + "/jobs", RequestScope.LIST, r -> authorized(r, () -> list(r))),
                EmulatorRoute.of("GET", V + "/jobs/([^/]+)", RequestScope.STATUS, r -> authorized(r, () -> get(r.param(0)))),
                EmulatorRoute.of("PUT", V + "/jobs/([^/]+)/status/cancel", RequestScope.CANCEL,
                        r -> authorized(r, () -> cancel(r.param(0)))),
                EmulatorRoute.of("GET", V + "/jobs/([^/]+)/results/probabilities", RequestScope.RESULT,
                        r -> authorized(r, () -> probabilities(r.param(0)))));
    }

    private EmulatorReply authorized(EmulatorRequest r, java.util.function.Supplier<EmulatorReply> then) {
        String auth = r.header("Authorization").orElse("");
        boolean ok = auth.startsWith("apiKey ") && !auth.substring(7).isBlank()
                && requiredKey.map(k -> auth.substring(7).equals(k)).orElse(true);
        return ok ? then.get() : json(401, errorBody(401, "Invalid key provided"));
    }

    private EmulatorReply backends() {
        ArrayNode a = JSON.createArrayNode();
        DEVICES.values().stream().sorted((x, y) -> x.name().compareTo(y.name())).forEach(d -> a.add(backendJson(d)));
        return json(200, a.toString());
    }

    private EmulatorReply backend(String name) {
        Device d = DEVICES.get(name);
        return d == null ? json(404, errorBody(404, "Not Found Error")) : json(200, backendJson(d).toString());
    }

    private static ObjectNode backendJson(Device d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("backend", d.name());
        o.put("status", d.status());
        o.put("degraded", false);
        o.put("qubits", d.qubits());
        o.put("average_queue_time", d.name().equals("simulator") ? 0 : 120000);
        o.put("last_updated", Instant.now().toString());
        if (d.name().equals("simulator")) {
            ArrayNode m = o.putArray("noise_models");
            NOISE_MODELS.forEach(m::add);
        } else {
            o.put("characterization_id", UUID.nameUUIDFromBytes(d.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        }
        return o;
    }

    private EmulatorReply create(EmulatorRequest r) {
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            return badRequest("the request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            return badRequest("the request body must be a JSON object");
        }
        String type = body.path("type").asText("");
        if (!type.equals("ionq.circuit.v1")) {
            return badRequest(type.isEmpty() ? "\"type\" is required" : "\"type\" '" + type + "' is not supported by this emulator");
        }
        String backend = body.path("backend").asText("");
        Device device = DEVICES.get(backend);
        if (device == null) {
            return badRequest(backend.isEmpty() ? "\"backend\" is required" : "\"backend\" '" + backend + "' is not a valid backend");
        }
        int shots = body.path("shots").asInt(100);
        if (body.has("shots") && (!body.get("shots").canConvertToInt() || shots < 1 || shots > 1_000_000)) {
            return badRequest("\"shots\" must be between 1 and 1000000");
        }
        JsonNode input = body.path("input");
        if (!input.path("gateset").asText("qis").equals("qis")) {
            return badRequest("only the qis gateset is supported by this emulator");
        }
        int qubits = input.path("qubits").asInt(0);
        if (qubits < 1) {
            return badRequest("\"input.qubits\" must be a positive integer");
        }
        if (qubits > device.qubits()) {
            return badRequest("NotEnoughQubits: the circuit needs " + qubits + " qubits, " + backend + " has " + device.qubits());
        }
        Circuit circuit;
        try {
            circuit = IonQGateSet.toCircuit(input.get("circuit"), qubits);
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        Optional<String> noise = Optional.empty();
        long seed = server.nextSeed();
        if (body.has("noise")) {
            if (!device.name().equals("simulator")) {
                return badRequest("\"noise\" is only available on the simulator");
            }
            String model = body.path("noise").path("model").asText("ideal");
            if (!NOISE_MODELS.contains(model)) {
                return badRequest("\"noise.model\" must be one of " + NOISE_MODELS);
            }
            noise = Optional.of(model);
            if (body.path("noise").has("seed")) {
                seed = body.path("noise").path("seed").asLong();
            }
        }
        Map<String, String> metadata = new HashMap<>();
        body.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        JobFault fault = server.nextJobFault();
        server.recordSubmission(metadata.getOrDefault(IonQClient.TAG_KEY, body.path("name").asText("")));
        EmulatedJob job = new EmulatedJob(UUID.randomUUID().toString(), body.path("name").asText(""), backend, shots,
                circuit, noise, seed, metadata, fault, Instant.now(), System.nanoTime());
        jobs.put(job.id, job);
        newestFirst.addFirst(job);
        ObjectNode created = JSON.createObjectNode();
        created.put("id", job.id);
        created.put("status", "submitted");
        created.putNull("session_id");
        return json(201, created.toString());
    }

    private EmulatorReply list(EmulatorRequest r) {
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(r.query().getOrDefault("limit", "25"));
            offset = r.query().containsKey("next") ? Integer.parseInt(r.query().get("next")) : 0;
        } catch (NumberFormatException e) {
            return badRequest("\"limit\" and \"next\" must be integers");
        }
        if (limit < 1 || limit > 100) {
            return badRequest("\"limit\" must be between 1 and 100");
        }
        List<EmulatedJob> all = List.copyOf(newestFirst);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode a = out.putArray("jobs");
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            a.add(record(all.get(i)));
        }
        if (offset + limit < all.size()) {
            out.put("next", Integer.toString(offset + limit));
        } else {
            out.putNull("next");
        }
        return json(200, out.toString());
    }

    private EmulatorReply get(String id) {
        EmulatedJob job = jobs.get(id);
        return job == null ? json(404, errorBody(404, "Not Found Error")) : json(200, record(job).toString());
    }

    private EmulatorReply cancel(String id) {
        EmulatedJob job = jobs.get(id);
        if (job == null) {
            return json(404, errorBody(404, "Not Found Error"));
        }
        String status = status(job);
        if (!status.equals("completed") && !status.equals("failed") && !job.cancelled) {
            job.cancelled = true;
            server.recordCancellation();
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("status", status(job));
        return json(200, o.toString());
    }

    private EmulatorReply probabilities(String id) {
        EmulatedJob job = jobs.get(id);
        if (job == null) {
            return json(404, errorBody(404, "Not Found Error"));
        }
        if (!status(job).equals("completed")) {
            return badRequest("the job has no results: its status is " + status(job));
        }
        ObjectNode o = JSON.createObjectNode();
        results(job).forEach(o::put);
        return json(200, o.toString());
    }

    private String status(EmulatedJob job) {
        if (job.cancelled) {
            return "canceled";
        }
        JobPhase phase = JobPhase.at(Duration.ofNanos(System.nanoTime() - job.startNanos), server.jobDuration());
        if (job.fault.stuck() && phase.compareTo(JobPhase.QUEUED) > 0) {
            phase = JobPhase.QUEUED;
        }
        if (phase == JobPhase.DONE && job.fault.fails()) {
            return "failed";
        }
        if (phase == JobPhase.DONE && job.results() == null) {
            try {
                results(job);
            } catch (IllegalArgumentException e) {
                job.simulationError = e.getMessage();
            }
        }
        if (phase == JobPhase.DONE && job.simulationError != null) {
            return "failed";
        }
        return switch (phase) {
            case SUBMITTED -> "submitted";
            case QUEUED -> "ready";
            case RUNNING -> "started";
            case DONE -> "completed";
        };
    }

    private Map<String, Double> results(EmulatedJob job) {
        synchronized (job) {
            if (job.results() != null) {
                return job.results();
            }
            Map<String, Double> exact = CircuitSampler.probabilities(job.circuit);
            int n = job.circuit.numQubits();
            double depolarizing = job.noise.map(IonQEmulator::noiseOf).orElse(DEVICES.get(job.backend).noise());
            Map<String, Double> p = exact;
            if (depolarizing > 0) {
                p = new HashMap<>();
                for (long i = 0; i < 1L << n; i++) {
                    p.put(io.qexec.circuit.Bitstrings.format(i, n), depolarizing / (1L << n));
                }
                for (Map.Entry<String, Double> e : exact.entrySet()) {
                    p.merge(e.getKey(), (1 - depolarizing) * e.getValue(), Double::sum);
                }
            }
            boolean sampled = !job.backend.equals("simulator") || job.noise.filter(m -> !m.equals("ideal")).isPresent();
            Map<String, Double> byOutcome = new TreeMap<>();
            if (sampled) {
                SortedMap<String, Long> counts = CircuitSampler.sample(p, job.shots, job.seed);
                counts.forEach((k, c) -> byOutcome.put(Long.toString(Long.parseLong(k, 2)), c / (double) job.shots));
            } else {
                p.forEach((k, v) -> byOutcome.put(Long.toString(Long.parseLong(k, 2)), v));
            }
            job.results = byOutcome;
            return byOutcome;
        }
    }

    private static double noiseOf(String model) {
        return switch (model) {
            case "ideal" -> 0.0;
            case "harmony" -> 0.05;
            case "aria-1", "aria-2" -> 0.02;
            default -> 0.01;
        };
    }

    private ObjectNode record(EmulatedJob job) {
        String status = status(job);
        ObjectNode o = JSON.createObjectNode();
        o.put("id", job.id);
        o.put("status", status);
        o.put("type", "ionq.circuit.v1");
        o.put("backend", job.backend);
        o.put("name", job.name);
        o.put("dry_run", false);
        o.put("submitter_id", "emulated-user");
        o.putNull("parent_job_id");
        o.putNull("child_job_ids");
        o.putNull("session_id");
        ObjectNode md = o.putObject("metadata");
        job.metadata.forEach(md::put);
        o.put("shots", job.shots);
        o.put("submitted_at", job.submittedAt.toString());
        o.put("predicted_wait_time_ms", 0);
        job.noise.ifPresent(m -> o.putObject("noise").put("model", m).put("seed", job.seed));
        ObjectNode stats = o.putObject("stats");
        stats.put("qubits", job.circuit.numQubits());
        stats.put("circuits", 1);
        if (status.equals("completed")) {
            o.put("completed_at", job.submittedAt.plus(server.jobDuration()).toString());
            o.put("execution_duration_ms", server.jobDuration().toMillis());
            ObjectNode results = o.putObject("results");
            results.putObject("probabilities").put("url", "/v0.4/jobs/" + job.id + "/results/probabilities");
        } else {
            o.putNull("results");
        }
        if (status.equals("failed")) {
            ObjectNode f = o.putObject("failure");
            f.put("code", job.simulationError != null ? "SimulationError" : job.fault.failureCode().orElse("SimulationError"));
            f.put("message", job.simulationError != null ? job.simulationError : "the job failed (injected fault)");
        } else {
            o.putNull("failure");
        }
        return o;
    }

    private static final class EmulatedJob {
        final String id;
        final String name;
        final String backend;
        final int shots;
        final Circuit circuit;
        final Optional<String> noise;
        final long seed;
        final Map<String, String> metadata;
        final JobFault fault;
        final Instant submittedAt;
        final long startNanos;
        volatile boolean cancelled;
        volatile Map<String, Double> results;
        volatile String simulationError;

        EmulatedJob(String id, String name, String backend, int shots, Circuit circuit, Optional<String> noise, long seed,
                    Map<String, String> metadata, JobFault fault, Instant submittedAt, long startNanos) {
            this.id = id;
            this.name = name;
            this.backend = backend;
            this.shots = shots;
            this.circuit = circuit;
            this.noise = noise;
            this.seed = seed;
            this.metadata = Map.copyOf(metadata);
            this.fault = fault;
            this.submittedAt = submittedAt;
            this.startNanos = startNanos;
        }

        Map<String, Double> results() {
            return results;
        }
    }

    private static EmulatorReply badRequest(String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("statusCode", 400);
        o.put("error", "Bad Request");
        o.put("message", message);
        return json(400, o.toString());
    }

    static String errorBody(int status, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("statusCode", status);
        o.put("error", switch (status) {
            case 401 -> "Unauthorized Error";
            case 404 -> "Not Found Error";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Error";
        });
        o.put("message", message);
        return o.toString();
    }

    private static EmulatorReply json(int status, String body) {
        return EmulatorReply.json(status, body);
    }
}
