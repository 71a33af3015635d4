package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qexec.remote.emulator.EmulatorServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line in child JVMs on the test's class path, as a user runs it: {@code qexec emulate} servers and
 * {@code qexec run/resume/cancel} processes, each with its output in a log file that {@link #describe()} prints
 * when an assertion fails. The children get a config file pointing IonQ at an emulator, and none of the
 * developer's {@code QEXEC_*} or {@code IONQ_*} variables.
 */
final class CliProcesses implements AutoCloseable {
    private final Path dir;
    private final List<Process> children = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    CliProcesses(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code qexec emulate ionq} with jobs of {@code jobSeconds} and answers after {@code latencyMillis}. */
    URI startIonQEmulator(double jobSeconds, long latencyMillis) throws IOException {
        Process p = start(Map.of(), "emulate", "ionq", "--job-seconds", Double.toString(jobSeconds), "--latency",
                Long.toString(latencyMillis), "--seed", "5");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as(this::describe).startsWith("http://127.0.0.1:");
        return URI.create(line.strip());
    }

    /** The emulator's counters ({@code GET /_emulator/stats}). */
    static JsonNode stats(URI emulator) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                emulator.resolve(EmulatorServer.STATS_PATH)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    /** The environment of a child that uses the IonQ emulator at {@code emulator}, with a dummy key. */
    Map<String, String> env(URI emulator) throws IOException {
        Path config = dir.resolve("config-" + emulator.getPort() + ".yaml");
        Files.writeString(config, "providers:\n  ionq: {base_url: \"" + emulator + "\", api_key: emulator-key, "
                + "poll_initial: 0.1}\n");
        return Map.of("QEXEC_CONFIG", config.toString());
    }

    /** Starts {@code qexec ARGS}; stdout goes to the log too, except for {@code emulate}, whose URL is read. */
    Process start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "-Dqexec.journal=" + dir.resolve("unused.db"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("QEXEC_") || k.startsWith("IONQ_"));
        pb.environment().putAll(env);
        Path log = dir.resolve("child-" + children.size() + "-" + args[0] + ".log");
        logs.add(log);
        pb.redirectError(log.toFile());
        if (!args[0].equals("emulate")) {
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        Process p = pb.start();
        children.add(p);
        return p;
    }

    /** Every child's log, for assertion messages. */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (Path log : logs) {
            try {
                b.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            } catch (IOException e) {
                b.append("(unreadable)\n");
            }
        }
        return b.toString();
    }

    /** Kills every child still running. */
    @Override
    public void close() {
        children.forEach(Process::destroyForcibly);
    }
}
