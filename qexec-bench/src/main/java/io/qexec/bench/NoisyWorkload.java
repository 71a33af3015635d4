package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.density.DensityMatrixSimulator;
import io.qexec.sim.noise.DeviceProfiles;
import io.qexec.sim.noise.TrajectorySimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * The noisy workload of {@link DensityMatrixBench} and {@link TrajectoryBench}: {@code qubits} qubits, 100 random
 * gates (about a third cx, the rest rx, ry, h, sx), measure all, 1000 shots under the {@code fake_aria} noise model.
 * Run as a program it times both engines on one thread by the thread's CPU time (best of several runs after
 * warm-up), which a loaded machine does not inflate:
 * {@code java -cp qexec-bench/target/benchmarks.jar io.qexec.bench.NoisyWorkload [qubits] [runs]}.
 */
public final class NoisyWorkload {
    private NoisyWorkload() {
    }

    /** The circuit, the same for a given qubit count. */
    public static Circuit circuit(int qubits) {
        Random r = new Random(12345);
        CircuitBuilder b = Circuit.builder(qubits);
        for (int g = 0; g < 100; g++) {
            int q = r.nextInt(qubits);
            switch (r.nextInt(6)) {
                case 0, 1 -> b.cx(q, (q + 1 + r.nextInt(qubits - 1)) % qubits);
                case 2 -> b.rx(r.nextDouble() * Math.PI, q);
                case 3 -> b.ry(r.nextDouble() * Math.PI, q);
                case 4 -> b.h(q);
                default -> b.sx(q);
            }
        }
        return b.measureAll().build();
    }

    /** 1000 seeded shots with the {@code fake_aria} noise on {@code threads} threads. */
    public static SimulationOptions options(int threads) {
        return SimulationOptions.shots(1000).withSeed(1).withThreads(threads)
                .withNoise(DeviceProfiles.FAKE_ARIA.toNoiseModel());
    }

    /**
     * Entry point.
     *
     * @param args qubits (default 10), measured runs (default 5)
     */
    public static void main(String[] args) {
        int qubits = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Circuit c = circuit(qubits);
        SimulationOptions o = options(1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TrajectorySimulator trajectories = new TrajectorySimulator();
        DensityMatrixSimulator density = new DensityMatrixSimulator();
        double bestT = Double.MAX_VALUE;
        double bestD = Double.MAX_VALUE;
        for (int r = 0; r < runs + 2; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            SimulationResult a = trajectories.run(c, o);
            long t1 = threads.getCurrentThreadCpuTime();
            SimulationResult b = density.run(c, o);
            long t2 = threads.getCurrentThreadCpuTime();
            if (a.counts().isEmpty() || b.counts().isEmpty()) {
                throw new IllegalStateException("no counts");
            }
            if (r >= 2) {
                bestT = Math.min(bestT, (t1 - t0) / 1e6);
                bestD = Math.min(bestD, (t2 - t1) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "%d qubits, 100 noisy gates, 1000 shots, one thread, CPU ms (best of %d): "
                + "trajectories %.1f, density matrix %.1f%n", qubits, runs, bestT, bestD);
    }
}
