package io.qexec.sim.statevector;

import io.qexec.circuit.Circuit;
import java.io.PrintStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the statevector benchmarks in one go and prints the derived figures as Markdown tables:
 * bandwidth, kernel efficiency eta = 2^(n+1)*16 B / (BW * t) against the bandwidth measured in the
 * same run, circuit times against their fused bandwidth bound, and the sampling step.
 *
 * <p>Arguments: an optional regular expression selecting benchmarks (default: all four classes).
 */
public final class SimBenchReport {
    private SimBenchReport() {
    }

    /**
     * Entry point.
     *
     * @param args an optional benchmark regular expression
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : "io\\.qexec\\.sim\\.statevector\\.(Bandwidth|Kernel|Circuit|Sampling)Bench";
        ChainedOptionsBuilder b = new OptionsBuilder().include(include)
                .forks(1).warmupIterations(2).measurementIterations(3)
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1))
                .resultFormat(ResultFormatType.JSON).result("qexec-bench/target/sim-bench.json");
        Collection<RunResult> results = new Runner(b.build()).run();
        print(results, System.out);
    }

    private static double bytes(int n) {
        return Math.pow(2, n + 1) * 16;
    }

    static void print(Collection<RunResult> results, PrintStream out) {
        Map<String, Double> ms = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder key = new StringBuilder(name);
            for (String p : r.getParams().getParamsKeys()) {
                key.append(' ').append(p).append('=').append(r.getParams().getParam(p));
            }
            ms.put(key.toString(), r.getPrimaryResult().getScore());
        }
        out.println("\n## raw (ms/op)\n");
        ms.forEach((k, v) -> out.printf(Locale.ROOT, "- %s: %.3f%n", k, v));

        Map<String, Double> bw = new HashMap<>();
        out.println("\n## in-place read+write bandwidth\n\n| n | threads | GB/s |\n|---|---|---|");
        for (int n : new int[] {20, 22, 24, 26}) {
            for (int t : new int[] {1, 2}) {
                Double time = ms.get("BandwidthBench.scale n=" + n + " threads=" + t);
                if (time != null) {
                    double gbs = bytes(n) / (time * 1e-3) / 1e9;
                    bw.put(n + "/" + t, gbs);
                    out.printf(Locale.ROOT, "| %d | %d | %.1f |%n", n, t, gbs);
                }
            }
        }
        out.println("\n## kernel efficiency eta = 2^(n+1)*16 B / (BW * t)\n");
        out.println("| n | threads | gate | t (ms) | eta |\n|---|---|---|---|---|");
        for (int n : new int[] {20, 24, 26}) {
            for (int t : new int[] {1, 2}) {
                for (String g : List.of("dense1", "dense1Vector", "diagonal", "cx")) {
                    Double time = ms.get("KernelBench." + g + " n=" + n + " threads=" + t);
                    Double band = bw.get(n + "/" + t);
                    if (time != null && band != null) {
                        out.printf(Locale.ROOT, "| %d | %d | %s | %.2f | %.2f |%n", n, t, g, time,
                                bytes(n) / (band * 1e9 * time * 1e-3));
                    }
                }
            }
        }
        out.println("\n## circuits (2 threads): time vs the fused bandwidth bound sum_p f_p * 2^(n+1)*16 B / BW\n");
        out.println("| circuit | n | gates | passes | sum f | vector | t (ms) | bound (ms) | t / bound |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (String c : List.of("qft", "random")) {
            for (int n : new int[] {20, 22, 24}) {
                Circuit circuit = BenchCircuits.byName(c, n);
                List<Gate> gates = BasisPrefix.fold(BenchCircuits.gates(circuit)).rest();
                Double band = bw.get(n + "/2");
                for (String v : List.of("false", "true")) {
                    List<Kernel> kernels = new Fuser(FusionOptions.DEFAULT, v.equals("true")).compile(gates,
                            State.identity(n));
                    double f = 0;
                    for (Kernel k : kernels) {
                        f += k.touchedFraction();
                    }
                    Double time = ms.get("CircuitBench.simulate circuit=" + c + " fuse=3 n=" + n + " threads=2 vector="
                            + v);
                    if (time != null && band != null) {
                        double bound = f * bytes(n) / (band * 1e9) * 1e3;
                        out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %s | %.1f | %.1f | %.2f |%n", c, n,
                                gates.size(), kernels.size(), f, v, time, bound, time / bound);
                    }
                }
            }
        }
        out.println("\n## sampling 10^6 shots from a 20-qubit state (2 threads for the distribution)\n");
        for (String m : List.of("distribution", "aliasTable", "draws", "endToEnd")) {
            Double time = ms.get("SamplingBench." + m + " n=20 shots=1000000");
            if (time != null) {
                out.printf(Locale.ROOT, "- %s: %.1f ms%n", m, time);
            }
        }
    }
}
