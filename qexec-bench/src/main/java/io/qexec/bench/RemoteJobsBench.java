package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.ionq.IonQClient;
import io.qexec.ionq.IonQEmulator;
import io.qexec.ionq.IonQJobRequest;
import io.qexec.ionq.IonQResult;
import io.qexec.remote.PollPolicy;
import io.qexec.remote.RemoteOutcome;
import io.qexec.remote.RemoteSettings;
import io.qexec.remote.RetryPolicy;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.FaultSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The remote-jobs measurement: many jobs against an IonQ emulator that answers every request after a latency
 * and finishes every job a fixed time after submission. It reports one job's own submit-poll-fetch chain, the
 * wall time of all jobs at once, their ratio, the peak number of platform threads in the JVM (client and
 * emulator together), and how many jobs failed. Run with {@code bench/remote-jobs.sh}.
 *
 * <p>Arguments: {@code jobs latencyMs jobMs rateLimitPerSecond} (defaults 1000 200 1000 0). With a rate limit the
 * emulator answers 429 beyond it and the client limits itself to the same rate.
 */
public final class RemoteJobsBench {
    private RemoteJobsBench() {
    }

    /** Runs the measurement and prints one line per figure. */
    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 200;
        long jobMs = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        Circuit bell = Circuit.builder(2, 2).h(0).cx(0, 1).measureAll().build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        EmulatorOptions options = EmulatorOptions.defaults().withLatency(Duration.ofMillis(latencyMs))
                .withJobDuration(Duration.ofMillis(jobMs))
                .withFaults(rate > 0 ? FaultSpec.parse("ratelimit=" + rate) : FaultSpec.none());
        try (IonQEmulator emulator = IonQEmulator.start(options)) {
            RemoteSettings settings = IonQClient.settings(Map.of(),
                            Map.of("QEXEC_IONQ_BASE_URL", emulator.baseUrl().toString(), "IONQ_API_KEY", "bench-key"))
                    .withRequestTimeout(Duration.ofSeconds(60))
                    .withRetry(new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60)))
                    .withPoll(new PollPolicy(Duration.ofMillis(jobMs), Duration.ofSeconds(8), Duration.ofHours(1), true))
                    .withRequestsPerSecond(rate);
            try (IonQClient client = new IonQClient(settings)) {
                // one job's own chain: the best of three runs, after a warm-up run
                double chain = Double.MAX_VALUE;
                for (int i = 0; i < 4; i++) {
                    long t0 = System.nanoTime();
                    RemoteOutcome<IonQResult> single = client.run(IonQJobRequest.of(bell, "simulator", 100));
                    if (!single.isCompleted()) {
                        throw new IllegalStateException("the single job failed: " + single.failure());
                    }
                    if (i > 0) {
                        chain = Math.min(chain, (System.nanoTime() - t0) / 1e9);
                    }
                }
                long requestsBefore = emulator.requests();
                threads.resetPeakThreadCount();
                long start = System.nanoTime();
                List<CompletableFuture<RemoteOutcome<IonQResult>>> futures = new ArrayList<>(jobs);
                double[] finishedAt = new double[jobs];
                for (int i = 0; i < jobs; i++) {
                    int index = i;
                    futures.add(client.runAsync(IonQJobRequest.of(bell, "simulator", 100)).whenComplete(
                            (o, e) -> finishedAt[index] = (System.nanoTime() - start) / 1e9));
                }
                int failed = 0;
                long shots = 0;
                for (CompletableFuture<RemoteOutcome<IonQResult>> f : futures) {
                    RemoteOutcome<IonQResult> o = f.join();
                    if (o.isCompleted()) {
                        shots += o.result().orElseThrow().counts().values().stream().mapToLong(Long::longValue).sum();
                    } else {
                        failed++;
                    }
                }
                double wall = (System.nanoTime() - start) / 1e9;
                double[] sorted = finishedAt.clone();
                java.util.Arrays.sort(sorted);
                print("jobs", jobs);
                print("latency_ms", latencyMs);
                print("job_duration_ms", jobMs);
                print("rate_limit_per_s", rate);
                print("single_job_chain_s", chain);
                print("all_jobs_wall_s", wall);
                print("ratio", wall / chain);
                print("job_finished_p50_s", sorted[sorted.length / 2]);
                print("job_finished_p90_s", sorted[(int) (sorted.length * 0.9)]);
                print("first_job_finished_s", sorted[0]);
                print("peak_platform_threads", threads.getPeakThreadCount());
                print("failed_jobs", failed);
                print("shots_returned", shots);
                print("emulator_submissions", emulator.submissions() - 4);
                print("requests", emulator.requests() - requestsBefore);
                print("http_429_injected", emulator.injectedFaults());
            }
        }
    }

    private static void print(String name, Object value) {
        String v = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
        System.out.println(name + " " + v);
    }
}
