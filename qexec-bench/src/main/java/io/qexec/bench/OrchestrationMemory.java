package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.provider.Backend;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderJobStatus;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.provider.VirtualProvider;
import io.qexec.provider.local.LocalProvider;
import io.qexec.result.JobState;
import io.qexec.result.ResultCollector;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Heap held per pending job, and a run of 100,000 jobs in the default heap.
 *
 * <p>Part 1 holds every job of a 100,000-job dispatch pending (the only local worker thread is blocked on the
 * first job) and measures the used heap after a full GC, before and after {@code runDispatch}: the difference
 * divided by the job count is what the executor holds per pending job (collector slot, job store records,
 * queued task), on top of the dispatch itself. Part 2 runs 100,000 one-qubit jobs to completion on the
 * embedded statevector backend.
 *
 * <p>{@code java -cp qexec-bench/target/benchmarks.jar io.qexec.bench.OrchestrationMemory}
 */
public final class OrchestrationMemory {
    private static final int JOBS = 100_000;

    private OrchestrationMemory() {
    }

    /** Runs the three parts and prints the figures. */
    public static void main(String[] args) throws Exception {
        Circuit circuit = Circuit.builder(1, 1).x(0).measure(0, 0).build();
        cpuPerJob(circuit);
        CountDownLatch gate = new CountDownLatch(1);
        Provider held = new HeldProvider(gate);
        long beforeDispatch = usedHeap();
        Dispatch.Builder b = Dispatch.builder();
        for (int i = 0; i < JOBS; i++) {
            b.add("held", "gate", circuit, 100);
        }
        Dispatch dispatch = b.build();
        long withDispatch = usedHeap();
        try (QuantumExecutor qe = QuantumExecutor.builder().virtualProvider(VirtualProvider.of(held)).localThreads(1).build()) {
            ResultCollector run = qe.runDispatch(dispatch, RunOptions.defaults().nonBlocking());
            long pending = usedHeap();
            Map<JobState, Integer> states = run.stateCounts();
            System.out.printf("max heap %d MiB; %d jobs pending (states %s)%n", Runtime.getRuntime().maxMemory() >> 20, JOBS, states);
            System.out.printf("dispatch: %.0f bytes per job; executor while pending: %.0f bytes per job%n",
                    (withDispatch - beforeDispatch) / (double) JOBS, (pending - withDispatch) / (double) JOBS);
            gate.countDown();
            run.await(Duration.ofMinutes(5));
            System.out.printf("held run complete: %s%n", run.stateCounts());
        }
        try (QuantumExecutor qe = QuantumExecutor.builder().virtualProvider(VirtualProvider.of(LocalProvider.create())).build()) {
            Dispatch.Builder real = Dispatch.builder();
            for (int i = 0; i < JOBS; i++) {
                real.add("local", "statevector", circuit, 100, Map.of("seed", i));
            }
            long start = System.nanoTime();
            ResultCollector run = qe.runDispatch(real.build());
            long ms = (System.nanoTime() - start) / 1_000_000;
            long shots = run.jobs().stream().mapToLong(r -> r.totalCounts()).sum();
            System.out.printf("100,000 statevector jobs: %s, %d shots counted, %d ms, used heap after %d MiB%n",
                    run.stateCounts(), shots, ms, usedHeap() >> 20);
        }
    }

    /**
     * CPU time of the calling thread for 10,000 jobs through a sequential blocking {@code runDispatch} (which runs
     * every job in the caller's thread) and for the same simulator calls made directly, alternating, best of ten
     * rounds each. Thread CPU time does not count time spent waiting for a core, so the figure holds on a busy
     * machine.
     */
    private static void cpuPerJob(Circuit circuit) {
        int jobs = 10_000;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        StatevectorSimulator simulator = new StatevectorSimulator();
        SimulationOptions options = SimulationOptions.shots(100).withSeed(1).withThreads(1);
        Dispatch.Builder b = Dispatch.builder();
        for (int i = 0; i < jobs; i++) {
            b.add("local", "statevector", circuit, 100, Map.of("seed", 1));
        }
        Dispatch dispatch = b.build();
        long bestDirect = Long.MAX_VALUE;
        long bestExecutor = Long.MAX_VALUE;
        try (QuantumExecutor qe = QuantumExecutor.builder().virtualProvider(VirtualProvider.of(LocalProvider.create())).build()) {
            for (int round = 0; round < 10; round++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                long sink = 0;
                for (int i = 0; i < jobs; i++) {
                    sink += simulator.run(circuit, options).shots();
                }
                long t1 = cpu.getCurrentThreadCpuTime();
                ResultCollector run = qe.runDispatch(dispatch, RunOptions.defaults().sequential());
                long t2 = cpu.getCurrentThreadCpuTime();
                if (sink != 100L * jobs || run.stateCounts().get(JobState.COMPLETED) != jobs) {
                    throw new IllegalStateException("a run did not complete");
                }
                bestDirect = Math.min(bestDirect, t1 - t0);
                bestExecutor = Math.min(bestExecutor, t2 - t1);
            }
        }
        System.out.printf("CPU per job (best of 10 rounds of %d): direct %.2f us, runDispatch %.2f us, overhead %.2f us%n",
                jobs, bestDirect / 1e3 / jobs, bestExecutor / 1e3 / jobs, (bestExecutor - bestDirect) / 1e3 / jobs);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A local provider whose jobs wait for a gate to open (then run on the statevector simulator). */
    private static final class HeldProvider implements Provider {
        private final CountDownLatch gate;
        private final StatevectorSimulator simulator = new StatevectorSimulator();

        HeldProvider(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public String name() {
            return "held";
        }

        @Override
        public List<Backend> backends() {
            return List.of(Backend.builder("held", "gate").numQubits(1).simulator(true).build());
        }

        @Override
        public Site site() {
            return Site.LOCAL;
        }

        @Override
        public Submission submit(Backend backend, Job job) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var r = simulator.run(job.circuit(), SimulationOptions.shots(job.shots()).withThreads(1));
            return Submission.finished(ProviderJob.of("held", "gate", job.id()), ProviderResult.ofCounts(r.counts()));
        }

        @Override
        public ProviderJobStatus status(ProviderJob job) {
            return ProviderJobStatus.of(JobState.COMPLETED);
        }

        @Override
        public ProviderResult result(ProviderJob job) {
            throw new UnsupportedOperationException("results come with the submission");
        }

        @Override
        public boolean cancel(ProviderJob job) {
            return false;
        }
    }
}
