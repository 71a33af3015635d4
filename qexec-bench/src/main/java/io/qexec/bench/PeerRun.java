package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.local.LocalProvider;
import io.qexec.qasm.OpenQasm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The qexec side of the peer comparison ({@code bench/peers/run.sh}): reads an OpenQASM file and runs it
 * on the embedded {@code auto} backend, as {@code qexec simulate} does, several times in one JVM, and prints
 * one JSON line with the first run's seconds (a cold JVM: class loading, interpreter, JIT) and the best of the
 * others (warm). Like the peers' figures, each run covers parsing the text and simulating with sampling.
 *
 * <p>Arguments: FILE SHOTS [REPEAT (default 5)].
 */
public final class PeerRun {
    private PeerRun() {
    }

    /**
     * Entry point.
     *
     * @param args file, shots, repetitions
     * @throws Exception when the file cannot be read or run
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int shots = Integer.parseInt(args[1]);
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String text = Files.readString(file);
        double first = 0;
        double best = Double.MAX_VALUE;
        try (LocalProvider local = LocalProvider.create()) {
            Backend backend = local.backend(LocalProvider.AUTO).orElseThrow();
            for (int r = 0; r < repeat; r++) {
                long start = System.nanoTime();
                Circuit c = OpenQasm.parse(text, file.toString());
                long total = local.submit(backend, Job.of(c, shots, Map.of("seed", 1L))).immediateResult().orElseThrow()
                        .counts().values().stream().mapToLong(Long::longValue).sum();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (total != shots) {
                    throw new IllegalStateException("expected " + shots + " shots, got " + total);
                }
                if (r == 0) {
                    first = seconds;
                } else {
                    best = Math.min(best, seconds);
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"first\": %.6f, \"warm\": %.6f, \"runs\": %d}%n", first,
                repeat > 1 ? best : first, repeat);
    }
}
