package io.qexec.braket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.qasm.OpenQasm;
import io.qexec.remote.RateLimiter;
import io.qexec.remote.RemoteException;
import io.qexec.remote.RemoteFailureKind;
import io.qexec.remote.RemoteJobApi;
import io.qexec.remote.RemoteJobRunner;
import io.qexec.remote.RemoteOutcome;
import io.qexec.remote.RemoteStatus;
import io.qexec.remote.RemoteSubmission;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.braket.BraketClient;
import software.amazon.awssdk.services.braket.model.DeviceSummary;
import software.amazon.awssdk.services.braket.model.GetDeviceResponse;
import software.amazon.awssdk.services.braket.model.GetQuantumTaskResponse;
import software.amazon.awssdk.services.braket.model.SearchDevicesResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A client for Amazon Braket through the AWS SDK for Java v2: devices, quantum tasks created with an OpenQASM 3
 * program and a {@code clientToken} (so a retried creation never makes a second task), status, results read from
 * the task's S3 {@code results.json} (counts built from the per-shot measurements, bit order converted), and
 * cancel. Region and credentials come the AWS way; the endpoints can be overridden (regional endpoints, proxies,
 * the emulator). Every SDK call passes the provider's rate limiter; the SDK's standard retries cover throttling
 * and server errors.
 *
 * <p>Thread-safe; one instance per configured account and region.
 */
public final class BraketTasks implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The results object every task writes under its S3 directory. */
    static final String RESULTS_FILE = "results.json";

    private final BraketSettings settings;
    private final BraketClient braket;
    private final S3Client s3;
    private final RateLimiter limiter;
    private final RemoteJobRunner runner;

    /** A client with the given settings. */
    public BraketTasks(BraketSettings settings) {
        this.settings = settings;
        AwsCredentialsProvider credentials = credentials(settings);
        Duration timeout = settings.remote().requestTimeout();
        var braketBuilder = BraketClient.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(timeout));
        if (settings.endpointOverridden()) {
            braketBuilder.endpointOverride(settings.remote().baseUrl());
        }
        this.braket = braketBuilder.build();
        var s3Builder = S3Client.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(timeout));
        settings.s3Endpoint().ifPresent(uri -> s3Builder.endpointOverride(uri).forcePathStyle(true));
        this.s3 = s3Builder.build();
        this.limiter = RateLimiter.perSecond(settings.remote().requestsPerSecond());
        this.runner = new RemoteJobRunner("braket", settings.remote().poll(), settings.remote().retry(), Duration.ZERO);
    }

    private static AwsCredentialsProvider credentials(BraketSettings s) {
        if (s.accessKeyId().isPresent() && s.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId().get(), s.secretAccessKey().get()));
        }
        if (s.profile().isPresent()) {
            return ProfileCredentialsProvider.create(s.profile().get());
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** The settings in use. */
    public BraketSettings settings() {
        return settings;
    }

    /** The devices, with their qubit counts and queue sizes from {@code GetDevice}. */
    public List<BraketDevice> devices() {
        SearchDevicesResponse found = call("the device list", () -> braket.searchDevices(r -> r.filters(List.of())));
        List<BraketDevice> out = new ArrayList<>();
        for (DeviceSummary d : found.devices()) {
            out.add(device(d.deviceArn()));
        }
        return out;
    }

    /** One device; a typed {@link RemoteFailureKind#NOT_FOUND} failure when Braket has none by that ARN. */
    public BraketDevice device(String arn) {
        GetDeviceResponse d = call("device '" + arn + "'", () -> braket.getDevice(r -> r.deviceArn(arn)));
        int qubits = 0;
        try {
            qubits = JSON.readTree(d.deviceCapabilities() == null ? "{}" : d.deviceCapabilities())
                    .path("paradigm").path("qubitCount").asInt(0);
        } catch (JsonProcessingException e) {
            // capabilities are informative; a device without readable ones reports 0 qubits
        }
        int queue = d.deviceQueueInfo().stream().filter(q -> "QUANTUM_TASKS_QUEUE".equals(q.queueAsString()))
                .mapToInt(q -> parseIntOr(q.queueSize(), -1)).findFirst().orElse(-1);
        return new BraketDevice(d.deviceArn(), d.deviceName(), d.providerName(), "SIMULATOR".equals(d.deviceTypeAsString()),
                d.deviceStatusAsString(), qubits, queue);
    }

    /** The calls for one task; the program is written here, before anything is sent. */
    public RemoteJobApi<BraketResult> task(BraketTaskRequest request) {
        String source;
        try {
            source = OpenQasm.write3(request.circuit());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Braket cannot take this circuit as OpenQASM 3: " + e.getMessage(), e);
        }
        return new Task(request, source, BraketBitOrder.clbitOfQubit(request.circuit()));
    }

    /** Runs a task to its end on the calling thread. */
    public RemoteOutcome<BraketResult> run(BraketTaskRequest request) {
        return runner.run(task(request), newClientToken());
    }

    /** Runs a task to its end on a virtual thread. */
    public CompletableFuture<RemoteOutcome<BraketResult>> runAsync(BraketTaskRequest request) {
        return runner.runAsync(task(request), newClientToken());
    }

    /** Creates a task without following it. */
    public RemoteSubmission submit(BraketTaskRequest request) {
        return submit(request, newClientToken());
    }

    /**
     * Creates a task with the caller's idempotency token: creating again with the same token returns the same
     * task (within the period AWS keeps tokens) instead of a second one.
     */
    public RemoteSubmission submit(BraketTaskRequest request, String clientToken) {
        return runner.submit(task(request), clientToken);
    }

    /** The idempotency token of a submission tag: a name-based UUID (36 characters, within Braket's 64). */
    public static String clientTokenOf(String tag) {
        return UUID.nameUUIDFromBytes(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** A fresh idempotency token (at most 64 characters). */
    public static String newClientToken() {
        return UUID.randomUUID().toString();
    }

    /** A task's status. */
    public RemoteStatus status(String taskArn) {
        GetQuantumTaskResponse t = call("task " + taskArn, () -> braket.getQuantumTask(r -> r.quantumTaskArn(taskArn)));
        return new RemoteStatus(BraketTaskStatus.toState(t.statusAsString()), t.statusAsString(),
                Optional.ofNullable(t.failureReason()));
    }

    /** A completed task's result, read from its {@code results.json}, keyed for the given registers. */
    public BraketResult result(String taskArn, int[] clbitOfQubit, List<ClassicalRegister> registers) {
        GetQuantumTaskResponse t = call("task " + taskArn, () -> braket.getQuantumTask(r -> r.quantumTaskArn(taskArn)));
        String key = t.outputS3Directory() + "/" + RESULTS_FILE;
        String body = call("the results of task " + taskArn,
                () -> s3.getObjectAsBytes(r -> r.bucket(t.outputS3Bucket()).key(key)).asUtf8String());
        try {
            JsonNode results = JSON.readTree(body);
            int shots = t.shots() == null ? 0 : t.shots().intValue();
            return new BraketResult(taskArn, BraketBitOrder.counts(results, clbitOfQubit, registers, shots));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RemoteException("braket", RemoteFailureKind.PROTOCOL, "the results of task " + taskArn
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Asks Braket to cancel a task. */
    public void cancel(String taskArn) {
        call("cancel of task " + taskArn, () -> braket.cancelQuantumTask(r -> r.quantumTaskArn(taskArn)
                .clientToken(newClientToken())));
    }

    private final class Task implements RemoteJobApi<BraketResult> {
        private final BraketTaskRequest request;
        private final String source;
        private final int[] clbitOfQubit;

        Task(BraketTaskRequest request, String source, int[] clbitOfQubit) {
            this.request = request;
            this.source = source;
            this.clbitOfQubit = clbitOfQubit;
        }

        @Override
        public String submit(String clientToken) {
            ObjectNode action = JSON.createObjectNode();
            action.putObject("braketSchemaHeader").put("name", "braket.ir.openqasm.program").put("version", "1");
            action.put("source", source);
            action.putObject("inputs");
            return call("task creation on " + request.deviceArn(), () -> braket.createQuantumTask(r -> r
                    .action(action.toString())
                    .clientToken(clientToken)
                    .deviceArn(request.deviceArn())
                    .shots((long) request.shots())
                    .outputS3Bucket(settings.outputBucket())
                    .outputS3KeyPrefix(settings.outputPrefix()))).quantumTaskArn();
        }

        @Override
        public Optional<String> findByTag(String tag) {
            // creation is idempotent by its clientToken: re-sending is the lookup
            return Optional.empty();
        }

        @Override
        public RemoteStatus status(String jobId) {
            return BraketTasks.this.status(jobId);
        }

        @Override
        public BraketResult result(String jobId) {
            return BraketTasks.this.result(jobId, clbitOfQubit, request.circuit().classicalRegisters());
        }

        @Override
        public void cancel(String jobId) {
            BraketTasks.this.cancel(jobId);
        }
    }

    private <T> T call(String what, Supplier<T> call) {
        try {
            limiter.acquire();
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("braket", RemoteFailureKind.INTERRUPTED, "interrupted before " + what, e);
        } catch (AwsServiceException e) {
            String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw RemoteException.forStatus("braket", e.statusCode(), what,
                    (code == null ? "" : code + ": ") + (detail == null ? "" : detail));
        } catch (SdkClientException e) {
            throw new RemoteException("braket", RemoteFailureKind.CONNECTION,
                    "cannot reach Braket for " + what + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new RemoteException("braket", RemoteFailureKind.PROTOCOL, "Braket call failed for " + what + ": "
                    + e.getMessage(), e);
        }
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }

    /** The SDK endpoint in use, for messages. */
    URI endpoint() {
        return settings.remote().baseUrl();
    }

    @Override
    public void close() {
        runner.close();
        braket.close();
        s3.close();
    }

    @Override
    public String toString() {
        return "BraketTasks[" + settings + "]";
    }
}
