package io.qexec.braket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An offline stand-in for Amazon Braket on 127.0.0.1, following the service's REST-JSON contract as the AWS SDK
 * speaks it: {@code SearchDevices} ({@code POST /devices}), {@code GetDevice} ({@code GET /device/{arn}}),
 * {@code CreateQuantumTask} ({@code POST /quantum-task}, idempotent by {@code clientToken}),
 * {@code GetQuantumTask}, {@code CancelQuantumTask}, errors typed by {@code __type}, statuses
 * {@code CREATED → QUEUED → RUNNING → COMPLETED} (or {@code FAILED}, {@code CANCELLED}), and the path-style S3
 * {@code GET /{bucket}/{key}} of each task's {@code results.json} (a gate-model task result with per-shot
 * {@code measurements} in {@code measuredQubits} order). Requests must carry a SigV4 {@code Authorization}
 * header; signatures are not checked.
 */
public final class BraketEmulator implements ProviderEmulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Device> DEVICES = Map.of(
            "arn:aws:braket:::device/quantum-simulator/amazon/sv1", new Device("arn:aws:braket:::device/quantum-simulator/amazon/sv1", "SV1", "Amazon Braket", "SIMULATOR", "ONLINE", 34),
            "arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1", new Device("arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1", "Forte 1", "IonQ", "QPU", "ONLINE", 36),
            "arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet", new Device("arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet", "Garnet", "IQM", "QPU", "OFFLINE", 20));

    private final EmulatorServer server;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Map<String, String> byClientToken = new ConcurrentHashMap<>();
    private final Map<String, String> objects = new ConcurrentHashMap<>();

    private record Device(String arn, String name, String provider, String type, String status, int qubits) {
    }

    private BraketEmulator(EmulatorOptions options) throws IOException {
        this.server = EmulatorServer.start("braket", options, routes(), BraketEmulator::errorBody);
    }

    /**
     * Starts an emulator with tasks taking one second.
     *
     * @param port the port (0 for a free one)
     * @param latency the delay before every answer
     * @param faults the faults, as a {@link FaultSpec} SPEC string (blank for none)
     */
    public static BraketEmulator start(int port, Duration latency, String faults) throws IOException {
        return start(EmulatorOptions.defaults().withPort(port).withLatency(latency).withFaults(FaultSpec.parse(faults)));
    }

    /** Starts an emulator. */
    public static BraketEmulator start(EmulatorOptions options) throws IOException {
        return new BraketEmulator(options);
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    /** The endpoint for both Braket and S3 (path style), {@code http://127.0.0.1:<port>}. */
    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    private List<EmulatorRoute> routes() {
        return List.of(
                EmulatorRoute.of("POST", "/devices", RequestScope.LIST, r -> signed(r, this::searchDevices)),
                EmulatorRoute.of("GET", "/device/(.+)", RequestScope.LIST, r -> signed(r, () -> device(r.param(0)))),
                EmulatorRoute.of("POST", "/quantum-task", RequestScope.SUBMIT, r -> signed(r, () -> create(r))),
                EmulatorRoute.of("PUT", "/quantum-task/(.+)/cancel", RequestScope.CANCEL, r -> signed(r, () -> cancel(r.param(0)))),
                EmulatorRoute.of("GET", "/quantum-task/(.+)", RequestScope.STATUS, r -> signed(r, () -> get(r.param(0)))),
                EmulatorRoute.of("GET", "/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+)", RequestScope.RESULT,
                        r -> signed(r, () -> s3Get(r.param(0), r.param(1)))));
    }

    private EmulatorReply signed(EmulatorRequest r, Supplier<EmulatorReply> then) {
        return r.header("Authorization").filter(a -> a.startsWith("AWS4-HMAC-SHA256 Credential=")).isPresent()
                ? then.get() : error(403, "AccessDeniedException", "Missing Authentication Token");
    }

    private EmulatorReply searchDevices() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode a = out.putArray("devices");
        DEVICES.values().stream().sorted((x, y) -> x.arn().compareTo(y.arn())).forEach(d -> {
            ObjectNode o = a.addObject();
            o.put("deviceArn", d.arn());
            o.put("deviceName", d.name());
            o.put("providerName", d.provider());
            o.put("deviceType", d.type());
            o.put("deviceStatus", d.status());
        });
        return EmulatorReply.json(200, out.toString());
    }

    private EmulatorReply device(String arn) {
        Device d = DEVICES.get(arn);
        if (d == null) {
            return error(404, "ResourceNotFoundException", "Braket device '" + arn + "' not found");
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("deviceArn", d.arn());
        o.put("deviceName", d.name());
        o.put("providerName", d.provider());
        o.put("deviceType", d.type());
        o.put("deviceStatus", d.status());
        ObjectNode caps = JSON.createObjectNode();
        caps.putObject("paradigm").put("qubitCount", d.qubits());
        caps.putObject("action").putObject("braket.ir.openqasm.program").put("version", "1");
        o.put("deviceCapabilities", caps.toString());
        ArrayNode q = o.putArray("deviceQueueInfo");
        q.addObject().put("queue", "QUANTUM_TASKS_QUEUE").put("queueSize", "0").put("queuePriority", "Normal");
        return EmulatorReply.json(200, o.toString());
    }

    private EmulatorReply create(EmulatorRequest r) {
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            return error(400, "ValidationException", "Request body is not valid JSON");
        }
        for (String required : List.of("action", "clientToken", "deviceArn", "outputS3Bucket", "outputS3KeyPrefix", "shots")) {
            if (!body.hasNonNull(required)) {
                return error(400, "ValidationException", "1 validation error detected: '" + required + "' must not be null");
            }
        }
        String token = body.path("clientToken").asText();
        if (token.isEmpty() || token.length() > 64) {
            return error(400, "ValidationException", "clientToken must be 1 to 64 characters");
        }
        String existing = byClientToken.get(token);
        if (existing != null) {
            return EmulatorReply.json(201, JSON.createObjectNode().put("quantumTaskArn", existing).toString());
        }
        Device device = DEVICES.get(body.path("deviceArn").asText());
        if (device == null) {
            return error(404, "ResourceNotFoundException", "Braket device '" + body.path("deviceArn").asText() + "' not found");
        }
        if (device.status().equals("OFFLINE")) {
            return error(424, "DeviceOfflineException", "Device " + device.arn() + " is offline");
        }
        long shots = body.path("shots").asLong();
        if (shots < 0 || shots > 100_000) {
            return error(400, "ValidationException", "shots must be between 0 and 100000");
        }
        if (shots == 0) {
            return error(400, "ValidationException", "this emulator runs tasks with at least one shot");
        }
        Circuit circuit;
        try {
            JsonNode action = JSON.readTree(body.path("action").asText());
            if (!"braket.ir.openqasm.program".equals(action.path("braketSchemaHeader").path("name").asText())) {
                return error(400, "ValidationException", "action must be a braket.ir.openqasm.program");
            }
            circuit = OpenQasm.parse(action.path("source").asText(""));
        } catch (JsonProcessingException e) {
            return error(400, "ValidationException", "action is not valid JSON");
        } catch (RuntimeException e) {
            return error(400, "ValidationException", "Invalid OpenQASM program: " + e.getMessage());
        }
        if (circuit.numQubits() > device.qubits()) {
            return error(400, "ValidationException", "the program uses " + circuit.numQubits() + " qubits; "
                    + device.name() + " has " + device.qubits());
        }
        JobFault fault = server.nextJobFault();
        String id = UUID.randomUUID().toString();
        String region = device.arn().split(":")[3].isEmpty() ? "us-east-1" : device.arn().split(":")[3];
        String arn = "arn:aws:braket:" + region + ":000000000000:quantum-task/" + id;
        String previous = byClientToken.putIfAbsent(token, arn);
        if (previous != null) {
            return EmulatorReply.json(201, JSON.createObjectNode().put("quantumTaskArn", previous).toString());
        }
        server.recordSubmission(token);
        Task task = new Task(arn, id, device, (int) shots, circuit, body.path("outputS3Bucket").asText(),
                body.path("outputS3KeyPrefix").asText() + "/" + id, body.path("action").asText(), fault, Instant.now(),
                System.nanoTime(), server.nextSeed());
        tasks.put(arn, task);
        return EmulatorReply.json(201, JSON.createObjectNode().put("quantumTaskArn", arn).toString());
    }

    private EmulatorReply get(String arn) {
        Task t = tasks.get(arn);
        if (t == null) {
            return error(404, "ResourceNotFoundException", "Quantum task '" + arn + "' not found");
        }
        String status = status(t);
        ObjectNode o = JSON.createObjectNode();
        o.put("quantumTaskArn", arn);
        o.put("status", status);
        o.put("deviceArn", t.device.arn());
        o.put("shots", t.shots);
        o.put("outputS3Bucket", t.bucket);
        o.put("outputS3Directory", t.directory);
        o.put("createdAt", t.createdAt.toString());
        if (status.equals("COMPLETED") || status.equals("FAILED")) {
            o.put("endedAt", t.createdAt.plus(server.jobDuration()).toString());
        }
        if (status.equals("FAILED")) {
            o.put("failureReason", t.error != null ? t.error : t.fault.failureCode().orElse("Task failed (injected fault)"));
        }
        if (status.equals("QUEUED")) {
            o.putObject("queueInfo").put("queue", "QUANTUM_TASKS_QUEUE").put("position", "1").put("queuePriority", "Normal");
        }
        o.putObject("tags");
        return EmulatorReply.json(200, o.toString());
    }

    private EmulatorReply cancel(String arn) {
        Task t = tasks.get(arn);
        if (t == null) {
            return error(404, "ResourceNotFoundException", "Quantum task '" + arn + "' not found");
        }
        String status = status(t);
        if (status.equals("COMPLETED") || status.equals("FAILED")) {
            return error(409, "ConflictException", "Quantum task " + arn + " is " + status);
        }
        if (!t.cancelled) {
            t.cancelled = true;
            server.recordCancellation();
        }
        return EmulatorReply.json(200, JSON.createObjectNode().put("quantumTaskArn", arn)
                .put("cancellationStatus", "CANCELLED").toString());
    }

    private EmulatorReply s3Get(String bucket, String key) {
        String body = objects.get(bucket + "/" + key);
        if (body == null) {
            return new EmulatorReply(404, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                    + "<Message>The specified key does not exist.</Message><Key>" + key + "</Key></Error>", Map.of());
        }
        return new EmulatorReply(200, "application/json", body, Map.of());
    }

    private String status(Task t) {
        if (t.cancelled) {
            return "CANCELLED";
        }
        JobPhase phase = JobPhase.at(Duration.ofNanos(System.nanoTime() - t.startNanos), server.jobDuration());
        if (t.fault.stuck() && phase.compareTo(JobPhase.QUEUED) > 0) {
            phase = JobPhase.QUEUED;
        }
        if (phase == JobPhase.DONE) {
            if (t.fault.fails()) {
                return "FAILED";
            }
            synchronized (t) {
                if (!t.written && t.error == null) {
                    try {
                        objects.put(t.bucket + "/" + t.directory + "/" + BraketTasks.RESULTS_FILE, results(t));
                        t.written = true;
                    } catch (IllegalArgumentException e) {
                        t.error = e.getMessage();
                    }
                }
            }
            return t.error != null ? "FAILED" : "COMPLETED";
        }
        return switch (phase) {
            case SUBMITTED -> "CREATED";
            case QUEUED -> "QUEUED";
            default -> "RUNNING";
        };
    }

    /** The gate-model task result: per-shot rows of bits, one column per measured qubit in ascending order. */
    private String results(Task t) {
        TreeSet<Integer> measuredSet = new TreeSet<>();
        for (Instruction i : t.circuit.instructions()) {
            if (i instanceof Measure m) {
                measuredSet.add(m.qubit());
            }
        }
        if (measuredSet.isEmpty()) {
            for (int q = 0; q < t.circuit.numQubits(); q++) {
                measuredSet.add(q);
            }
        }
        List<Integer> measured = new ArrayList<>(measuredSet);
        List<Instruction> body = new ArrayList<>();
        for (Instruction i : t.circuit.instructions()) {
            if (!(i instanceof Measure)) {
                body.add(i);
            }
        }
        for (int k = 0; k < measured.size(); k++) {
            body.add(new Measure(measured.get(k), k));
        }
        Circuit probe = new Circuit(t.circuit.name(), t.circuit.quantumRegisters(),
                List.of(new ClassicalRegister("m", measured.size())), body, Map.of());
        SortedMap<String, Long> counts = CircuitSampler.sample(CircuitSampler.probabilities(probe), t.shots, t.seed);
        ObjectNode o = JSON.createObjectNode();
        o.putObject("braketSchemaHeader").put("name", "braket.task_result.gate_model_task_result").put("version", "1");
        ArrayNode rows = o.putArray("measurements");
        counts.forEach((key, c) -> {
            for (long s = 0; s < c; s++) {
                ArrayNode row = rows.addArray();
                for (int k = 0; k < measured.size(); k++) {
                    row.add(key.charAt(key.length() - 1 - k) == '1' ? 1 : 0);
                }
            }
        });
        ArrayNode mq = o.putArray("measuredQubits");
        measured.forEach(mq::add);
        ObjectNode meta = o.putObject("taskMetadata");
        meta.putObject("braketSchemaHeader").put("name", "braket.task_result.task_metadata").put("version", "1");
        meta.put("id", t.arn);
        meta.put("shots", t.shots);
        meta.put("deviceId", t.device.arn());
        meta.put("status", "COMPLETED");
        meta.put("createdAt", t.createdAt.toString());
        meta.put("endedAt", t.createdAt.plus(server.jobDuration()).toString());
        try {
            o.putObject("additionalMetadata").set("action", JSON.readTree(t.action));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return o.toString();
    }

    private static final class Task {
        final String arn;
        final String id;
        final Device device;
        final int shots;
        final Circuit circuit;
        final String bucket;
        final String directory;
        final String action;
        final JobFault fault;
        final Instant createdAt;
        final long startNanos;
        final long seed;
        volatile boolean cancelled;
        volatile boolean written;
        volatile String error;

        Task(String arn, String id, Device device, int shots, Circuit circuit, String bucket, String directory, String action,
             JobFault fault, Instant createdAt, long startNanos, long seed) {
            this.arn = arn;
            this.id = id;
            this.device = device;
            this.shots = shots;
            this.circuit = circuit;
            this.bucket = bucket;
            this.directory = directory;
            this.action = action;
            this.fault = fault;
            this.createdAt = createdAt;
            this.startNanos = startNanos;
            this.seed = seed;
        }
    }

    private static EmulatorReply error(int status, String type, String message) {
        return EmulatorReply.json(status, JSON.createObjectNode().put("__type", type).put("message", message).toString())
                .withHeader("x-amzn-ErrorType", type);
    }

    static String errorBody(int status, String message) {
        String type = switch (status) {
            case 429 -> "ThrottlingException";
            case 404 -> "ResourceNotFoundException";
            case 400 -> "ValidationException";
            default -> "InternalServiceException";
        };
        return JSON.createObjectNode().put("__type", type).put("message", message).toString();
    }
}
