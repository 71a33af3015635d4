package io.qexec.cli;

import io.qexec.result.JobResult;
import io.qexec.result.ResultCollector;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One live status line on stderr while a run goes on: jobs done out of the total, per backend, elapsed time and
 * an estimate of the time left. Redrawn a few times a second in place; erased when closed.
 */
final class ProgressDisplay implements AutoCloseable {
    private static final int WIDTH = 79;
    private final ResultCollector run;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;

    ProgressDisplay(ResultCollector run, PrintWriter err) {
        this.run = run;
        this.err = err;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qexec-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::draw, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** The status line for these results after {@code elapsedSeconds}. */
    static String line(List<JobResult> jobs, double elapsedSeconds) {
        Map<String, int[]> perBackend = new LinkedHashMap<>();
        int done = 0;
        for (JobResult j : jobs) {
            int[] c = perBackend.computeIfAbsent(j.provider() + "/" + j.backend(), k -> new int[2]);
            c[1]++;
            if (j.isDone()) {
                c[0]++;
                done++;
            }
        }
        String time = String.format(Locale.ROOT, "%.1fs", elapsedSeconds);
        if (done > 0 && done < jobs.size()) {
            time += String.format(Locale.ROOT, ", ~%.1fs left", elapsedSeconds / done * (jobs.size() - done));
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d/%d jobs  %s ", done, jobs.size(), time));
        List<String> parts = new ArrayList<>();
        perBackend.forEach((b, c) -> parts.add(b + " " + c[0] + "/" + c[1]));
        for (String p : parts) {
            if (s.length() + p.length() + 3 > WIDTH) {
                s.append(" ...");
                break;
            }
            s.append(" | ").append(p);
        }
        return s.length() > WIDTH ? s.substring(0, WIDTH) : s.toString();
    }

    private void draw() {
        String text = line(run.jobs(), (System.nanoTime() - start) / 1e9);
        synchronized (err) {
            err.print("\r\033[K" + text);
            err.flush();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
