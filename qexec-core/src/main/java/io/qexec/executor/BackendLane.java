package io.qexec.executor;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tasks for one backend on an executor with at most {@code limit} running at once; the rest wait in order. */
final class BackendLane {
    private final Executor executor;
    private final int limit;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    BackendLane(Executor executor, int limit) {
        this.executor = executor;
        this.limit = limit;
    }

    void submit(Runnable task) {
        waiting.add(task);
        drain();
    }

    private void drain() {
        while (true) {
            int r = running.get();
            if (r >= limit || waiting.isEmpty()) {
                return;
            }
            if (!running.compareAndSet(r, r + 1)) {
                continue;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                running.decrementAndGet();
                continue;
            }
            executor.execute(() -> {
                try {
                    next.run();
                } finally {
                    running.decrementAndGet();
                    drain();
                }
            });
        }
    }
}
