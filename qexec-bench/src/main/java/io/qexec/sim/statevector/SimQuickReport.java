package io.qexec.sim.statevector;

import io.qexec.circuit.Circuit;
import io.qexec.sim.AliasTable;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The statevector figures measured for a shared machine: one thread, timed by the thread's own CPU
 * time (which waiting for a core does not inflate), every quantity the minimum of repeated runs, and
 * the bandwidth pass interleaved with the kernels it normalises. JMH's wall-clock averages
 * ({@link SimBenchReport}) are the better tool on a quiet machine, and the only one for 2 threads.
 *
 * <p>Arguments: optional repetitions for the kernel passes (default 15).
 */
public final class SimQuickReport {
    private SimQuickReport() {
    }

    /**
     * Entry point.
     *
     * @param args optional repetition count
     */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "JDK %s, %d processors, load average %.1f%n%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double[][] bwByN = new double[27][3];
        out.println("| n | threads | BW (GB/s) | dense1 ms (eta) | dense1 vector ms (eta) | rz ms (eta) | cx ms (eta) |");
        out.println("|---|---|---|---|---|---|---|");
        for (int n : new int[] {20, 22, 24, 26}) {
            State s = State.zero(n);
            BenchCircuits.fill(s);
            int t = n / 2;
            Kernel dense = KernelSelector.select(Gate.of(Matrices.u(0.7, 0.3, 1.1), t));
            Kernel vector = VectorSupport.upgrade(dense);
            Kernel rz = KernelSelector.select(Gate.of(Matrices.rz(0.3), t));
            Kernel cx = KernelSelector.select(new Gate(new int[] {t - 1}, new int[] {t}, Matrices.x()));
            for (int threads : new int[] {1}) {
                Engine e = new Engine(threads, Engine.DEFAULT_PARALLEL_QUBITS);
                double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE,
                    Double.MAX_VALUE};
                for (int r = 0; r < reps + 3; r++) {
                    double[] times = {CpuTimed.bandwidthPass(s, e), time(s, e, dense), time(s, e, vector), time(s, e, rz), time(s, e, cx)};
                    if (r >= 3) {
                        for (int i = 0; i < 5; i++) {
                            best[i] = Math.min(best[i], times[i]);
                        }
                    }
                }
                double bytes = Math.pow(2, n + 1) * 16;
                double bw = bytes / best[0];
                bwByN[n][threads] = bw;
                out.printf(Locale.ROOT, "| %d | %d | %.1f | %.2f (%.2f) | %.2f (%.2f) | %.2f (%.2f) | %.2f (%.2f) |%n", n,
                        threads, bw / 1e9, best[1] * 1e3, best[0] / best[1], best[2] * 1e3, best[0] / best[2],
                        best[3] * 1e3, best[0] / best[3], best[4] * 1e3, best[0] / best[4]);
            }
        }
        out.println();
        out.println("| circuit | n | gates | passes | sum f | kernels | t (ms) | bound (ms) | t / bound |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (String name : List.of("qft", "random")) {
            for (int n : new int[] {20, 22, 24}) {
                Circuit c = BenchCircuits.byName(name, n);
                BasisPrefix prefix = BasisPrefix.fold(BenchCircuits.gates(c)); // as the simulator does
                List<Gate> gates = prefix.rest();
                State s = State.zero(n);
                Engine e = new Engine(1, Engine.DEFAULT_PARALLEL_QUBITS);
                for (boolean vec : new boolean[] {false, true}) {
                    List<Kernel> kernels = new Fuser(FusionOptions.DEFAULT, vec).compile(gates, State.identity(n));
                    double f = 0;
                    for (Kernel k : kernels) {
                        f += k.touchedFraction();
                    }
                    double best = Double.MAX_VALUE;
                    int runs = n >= 24 ? 2 : 4;
                    for (int r = 0; r < runs + 1; r++) {
                        java.util.Arrays.fill(s.re, 0);
                        java.util.Arrays.fill(s.im, 0);
                        s.re[0] = 1;
                        for (int q = 0; q < n; q++) {
                            s.layout[q] = q;
                        }
                        prefix.prepare(s);
                        long t0 = CpuTimed.cpu();
                        e.run(s, new Fuser(FusionOptions.DEFAULT, vec).compile(gates, s.layout));
                        double d = (CpuTimed.cpu() - t0) / 1e9;
                        if (r > 0) {
                            best = Math.min(best, d);
                        }
                    }
                    double bound = f * Math.pow(2, n + 1) * 16 / bwByN[n][1];
                    out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %s | %.1f | %.1f | %.2f |%n", name, n,
                            gates.size(), kernels.size(), f, vec ? "vector" : "scalar", best * 1e3, bound * 1e3,
                            best / bound);
                }
            }
        }
        out.println();
        State s = State.zero(20);
        Engine e = new Engine(1, Engine.DEFAULT_PARALLEL_QUBITS);
        e.run(s, new Fuser(FusionOptions.DEFAULT).compile(BenchCircuits.gates(BenchCircuits.random(20, 20, 7)),
                s.layout));
        int[] all = State.identity(20);
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = 0; r < 8; r++) {
            long t0 = CpuTimed.cpu();
            double[] p = Measurements.marginal(s, all, e);
            long t1 = CpuTimed.cpu();
            AliasTable table = AliasTable.of(p);
            long t2 = CpuTimed.cpu();
            int[] counts = table.sampleCounts(1_000_000, new SplittableRandom(r));
            long t3 = CpuTimed.cpu();
            int[] direct = io.qexec.sim.Multinomial.counts(p, 1_000_000, new SplittableRandom(r));
            long t4 = CpuTimed.cpu();
            if (counts.length != 1 << 20 || direct.length != 1 << 20) {
                throw new IllegalStateException();
            }
            if (r >= 2) {
                best[0] = Math.min(best[0], (t1 - t0) / 1e6);
                best[1] = Math.min(best[1], (t2 - t1) / 1e6);
                best[2] = Math.min(best[2], (t3 - t2) / 1e6);
                best[3] = Math.min(best[3], (t4 - t3) / 1e6);
            }
        }
        out.printf(Locale.ROOT, "sampling 10^6 shots, 20 qubits: distribution %.1f ms; alias table %.1f ms + draws %.1f ms"
                + " = %.1f ms in all; multinomial counts %.1f ms = %.1f ms in all%n", best[0], best[1], best[2],
                best[0] + best[1] + best[2], best[3], best[0] + best[3]);
        io.qexec.circuit.Circuit h20 = io.qexec.qasm.OpenQasm.parse("OPENQASM 2.0; include \"qelib1.inc\"; qreg q[20];"
                + " creg c[20]; h q; measure q -> c;");
        StatevectorSimulator sim = new StatevectorSimulator();
        double whole = Double.MAX_VALUE;
        for (int r = 0; r < 6; r++) {
            long t0 = CpuTimed.cpu();
            io.qexec.sim.SimulationResult result = sim.run(h20, io.qexec.sim.SimulationOptions.shots(1_000_000)
                    .withSeed(r).withThreads(1));
            long t1 = CpuTimed.cpu();
            if (result.counts().isEmpty()) {
                throw new IllegalStateException();
            }
            if (r >= 2) {
                whole = Math.min(whole, (t1 - t0) / 1e6);
            }
        }
        out.printf(Locale.ROOT, "simulator, h on 20 qubits, 10^6 shots as counts keyed by bitstrings (one thread): %.1f ms%n",
                whole);
        out.printf(Locale.ROOT, "load average at the end %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double time(State s, Engine e, Kernel k) {
        long t0 = CpuTimed.cpu();
        e.run(s, k);
        return (CpuTimed.cpu() - t0) / 1e9;
    }
}
