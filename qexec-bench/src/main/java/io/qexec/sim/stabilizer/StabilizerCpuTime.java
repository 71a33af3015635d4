package io.qexec.sim.stabilizer;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * GHZ(n) with every qubit measured, through {@code StabilizerSimulator.run}, timed by the thread's CPU
 * time as well as wall time. The engine is single-threaded, so on a machine shared with other jobs the
 * CPU time is what the run would take alone. Not a JMH benchmark; complements {@link StabilizerBench}.
 *
 * <pre>java -cp qexec-bench/target/benchmarks.jar io.qexec.sim.stabilizer.StabilizerCpuTime [n] [shots] [runs]</pre>
 */
public final class StabilizerCpuTime {
    private StabilizerCpuTime() {
    }

    /** Runs the measurement; arguments: qubits (1000), shots (1000), timed runs after 10 warm-up runs (10). */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int shots = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        CircuitBuilder b = Circuit.builder(n).h(0);
        for (int q = 0; q + 1 < n; q++) {
            b.cx(q, q + 1);
        }
        Circuit ghz = b.measureAll().build();
        StabilizerSimulator simulator = new StabilizerSimulator();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestCpu = Double.MAX_VALUE;
        double sumCpu = 0;
        double sumWall = 0;
        for (int i = 0; i < 10 + runs; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            SimulationResult r = simulator.run(ghz, SimulationOptions.shots(shots).withSeed(i));
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
            double wall = (System.nanoTime() - wall0) / 1e6;
            if (r.counts().size() > 2) {
                throw new IllegalStateException("GHZ gave " + r.counts().size() + " outcomes");
            }
            if (i >= 10) {
                bestCpu = Math.min(bestCpu, cpu);
                sumCpu += cpu;
                sumWall += wall;
            }
        }
        System.out.printf("GHZ(%d), %d shots, %d runs: CPU mean %.1f ms, best %.1f ms; wall mean %.1f ms%n",
                n, shots, runs, sumCpu / runs, bestCpu, sumWall / runs);
    }
}
