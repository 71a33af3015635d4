package io.qexec.sim.statevector;

import io.qexec.circuit.Circuit;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Times every pass of one benchmark circuit separately (one thread, the thread's CPU time, best of a few
 * runs) against the bandwidth pass measured in the same run: which kernels of a circuit are at the
 * bandwidth bound and which are compute-bound.
 *
 * <p>Arguments: circuit name ({@code qft} or {@code random}), qubits, {@code scalar} or {@code vector},
 * repetitions (default 3).
 */
public final class PassProfile {
    private PassProfile() {
    }

    /**
     * Entry point.
     *
     * @param args circuit, qubits, kernels, repetitions
     */
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "qft";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        boolean vector = args.length > 2 && args[2].equals("vector");
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        PrintStream out = System.out;
        Circuit c = BenchCircuits.byName(name, n);
        State s = State.zero(n);
        BenchCircuits.fill(s);
        Engine e = new Engine(1, Engine.DEFAULT_PARALLEL_QUBITS);
        BasisPrefix prefix = BasisPrefix.fold(BenchCircuits.gates(c)); // as the simulator does
        List<Kernel> kernels = new Fuser(FusionOptions.DEFAULT, vector).compile(prefix.rest(), State.identity(n));
        double[] best = new double[kernels.size()];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        double bw = Double.MAX_VALUE;
        for (int r = 0; r < reps + 1; r++) {
            bw = Math.min(bw, CpuTimed.bandwidthPass(s, e));
            for (int i = 0; i < kernels.size(); i++) {
                long t0 = CpuTimed.cpu();
                e.run(s, kernels.get(i));
                double d = (CpuTimed.cpu() - t0) / 1e9;
                if (r > 0) {
                    best[i] = Math.min(best[i], d);
                }
            }
        }
        double pass = bw;
        out.printf(Locale.ROOT, "%s(%d) %s: full pass %.2f ms (%.1f GB/s)%n", name, n, vector ? "vector" : "scalar",
                pass * 1e3, Math.pow(2, n + 1) * 16 / pass / 1e9);
        double total = 0;
        double bound = 0;
        for (int i = 0; i < kernels.size(); i++) {
            Kernel k = kernels.get(i);
            double b = k.touchedFraction() * pass;
            total += best[i];
            bound += b;
            out.printf(Locale.ROOT, "%3d %-28s fixed=%-10s high=%2d f=%.3f  %7.2f ms  bound %7.2f  x%.2f%n", i,
                    k.getClass().getSimpleName(), Integer.toBinaryString(k.fixedMask()), k.highestQubit(),
                    k.touchedFraction(), best[i] * 1e3, b * 1e3, best[i] / b);
        }
        out.printf(Locale.ROOT, "total %.1f ms, bound %.1f ms, ratio %.2f%n", total * 1e3, bound * 1e3, total / bound);
    }
}
