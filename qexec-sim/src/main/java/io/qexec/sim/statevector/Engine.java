package io.qexec.sim.statevector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs kernels over a state, splitting each pass into equal ranges of work items across threads
 * once the state has at least {@code parallelQubits} qubits.
 */
final class Engine {
    /** Below this many qubits a pass runs on the calling thread. */
    static final int DEFAULT_PARALLEL_QUBITS = 14;

    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private final int threads;
    private final int parallelQubits;
    private final ForkJoinPool pool;

    Engine(int threads, int parallelQubits) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        this.parallelQubits = parallelQubits;
        // one shared pool per thread count: engines are cheap, their worker threads are not
        this.pool = threads > 1 ? POOLS.computeIfAbsent(threads, ForkJoinPool::new) : null;
    }

    int threads() {
        return threads;
    }

    void run(State s, List<Kernel> kernels) {
        for (Kernel k : kernels) {
            run(s, k);
        }
    }

    void run(State s, Kernel k) {
        int work = k.workItems(s.n);
        if (threads == 1 || s.n < parallelQubits) {
            k.apply(s.re, s.im, 0, work);
            return;
        }
        forEachRange(work, (part, from, to) -> k.apply(s.re, s.im, from, to));
    }

    /** A body run on one range of work items. */
    @FunctionalInterface
    interface RangeBody {
        void run(int part, int from, int to);
    }

    /** Work at or above which a pass is cut into more pieces than threads, so idle threads can take over. */
    private static final int FINE_SPLIT = 1 << 18;

    /** Into how many ranges {@link #forEachRange} cuts {@code work} items. */
    int parts(int work) {
        return parts(work, false);
    }

    /** As {@link #parts(int)}; {@code coarse} asks for at most one range per thread. */
    int parts(int work, boolean coarse) {
        if (threads == 1 || work < 1 << Math.max(0, parallelQubits - 2)) {
            return 1;
        }
        return work >= FINE_SPLIT && !coarse ? threads * 4 : threads;
    }

    /**
     * Runs {@code body} over {@code [0, work)} cut into {@link #parts(int)} equal ranges, numbered
     * from 0, on the engine's threads. On a shared machine, pieces finished early by one thread let it
     * take the next, so a busy core does not hold the pass back.
     */
    void forEachRange(int work, RangeBody body) {
        forEachRange(work, false, body);
    }

    /** As {@link #forEachRange(int, RangeBody)}; {@code coarse} uses at most one range per thread. */
    void forEachRange(int work, boolean coarse, RangeBody body) {
        int parts = parts(work, coarse);
        if (parts == 1) {
            body.run(0, 0, work);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts];
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) work * p / parts);
            int to = (int) ((long) work * (p + 1) / parts);
            int part = p;
            tasks[p] = pool.submit(() -> body.run(part, from, to));
        }
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }
}
