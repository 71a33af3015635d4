package io.qexec.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/** Starts {@link CrashChild} JVMs and makes sure none outlives its test. */
final class ChildProcesses implements AutoCloseable {
    private final Path dir;
    private final List<Process> started = new ArrayList<>();
    private int count;

    ChildProcesses(Path dir) {
        this.dir = dir;
    }

    Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CrashChild.class.getName());
        cmd.addAll(List.of(args));
        int n = ++count;
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("child" + n + ".out").toFile())
                .redirectError(dir.resolve("child" + n + ".err").toFile()).start();
        started.add(p);
        return p;
    }

    String stderr(int n) throws IOException {
        return Files.readString(dir.resolve("child" + n + ".err"));
    }

    /** The exit and output of child {@code n}, for failure messages. */
    String describe(int n) {
        try {
            Process p = started.get(n - 1);
            return "child " + n + (p.isAlive() ? " running" : " exited " + p.exitValue()) + "; stderr:\n" + stderr(n)
                    + "\nstdout:\n" + Files.readString(dir.resolve("child" + n + ".out"));
        } catch (IOException e) {
            return "child " + n + ": " + e;
        }
    }

    /** Waits until the condition holds (true) or the process ends or the time is up (false). */
    static boolean until(Process p, Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!p.isAlive()) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return false;
    }

    /** Kills like {@code kill -9} and waits for the process to be gone. */
    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                kill(p);
            }
        }
    }
}
