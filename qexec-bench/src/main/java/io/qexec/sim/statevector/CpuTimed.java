package io.qexec.sim.statevector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The shared-machine measures of the quick reports: the calling thread's CPU time (waiting for a core does not
 * count) and the in-place bandwidth pass that normalises kernel times ({@code a[i] = -a[i]} over both arrays,
 * the same bytes as one gate pass).
 */
final class CpuTimed {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimed() {
    }

    /** CPU time of the calling thread in nanoseconds. */
    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Seconds of CPU one bandwidth pass over {@code s} takes. */
    static double bandwidthPass(State s, Engine e) {
        final double[] re = s.re;
        final double[] im = s.im;
        long t0 = cpu();
        e.forEachRange(re.length, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                re[i] = -re[i];
            }
            for (int i = from; i < to; i++) {
                im[i] = -im[i];
            }
        });
        return (cpu() - t0) / 1e9;
    }
}
