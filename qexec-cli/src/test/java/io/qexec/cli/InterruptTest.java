package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code qexec run}: the shutdown hook's action is fired here as the JVM would fire it; the
 * unfinished jobs end CANCELLED, what finished is printed, and the exit code is 130.
 */
class InterruptTest {

    @Test
    void interruptingARunCancelsTheRestAndPrintsWhatFinished(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("slow.yaml");
        StringBuilder circuits = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            circuits.append("  - random: {qubits: 18, depth: 30, seed: ").append(i).append("}\n");
        }
        Files.writeString(f, "name: slow\ncircuits:\n" + circuits + "shots: 10\nbackends: {local: [statevector]}\n"
                + "execution: sequential\n");
        CompletableFuture<MainTest.Run> run = CompletableFuture.supplyAsync(
                () -> MainTest.run("run", f.toString(), "--format", "json"));
        RunCommand.Interrupt interrupt = null;
        for (int i = 0; i < 1200 && interrupt == null && !run.isDone(); i++) {
            interrupt = RunCommand.Interrupt.current;
            Thread.sleep(50);
        }
        assertThat(interrupt).as("the run was armed for Ctrl-C").isNotNull();
        interrupt.fire();
        MainTest.Run r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.code()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(r.err()).contains("qexec: interrupted: unfinished jobs were cancelled");
        JsonNode root = new ObjectMapper().readTree(r.out());
        int cancelled = root.at("/states/CANCELLED").asInt();
        assertThat(cancelled).isPositive();
        assertThat(cancelled + root.at("/states/COMPLETED").asInt()).isEqualTo(40);
        assertThat(RunCommand.Interrupt.current).isNull();
    }
}
