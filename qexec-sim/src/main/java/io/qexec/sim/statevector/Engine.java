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

    /** Runs {@code body} over {@code [0, work)} split into one range per thread; part numbers are below {@link #threads()}. */
    void forEachRange(int work, RangeBody body) {
        if (threads == 1 || work < 1 << Math.max(0, parallelQubits - 2)) {
            body.run(0, 0, work);
            return;
        }
        int parts = threads;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) work * p / parts);
            int to = (int) ((long) work * (p + 1) / parts);
            int part = p;
            tasks[p - 1] = pool.submit(() -> body.run(part, from, to));
        }
        body.run(0, 0, (int) ((long) work / parts));
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }
}
