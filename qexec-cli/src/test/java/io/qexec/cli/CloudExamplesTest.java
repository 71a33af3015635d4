package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qexec.executor.QuantumExecutor;
import io.qexec.provider.QexecConfig;
import io.qexec.provider.VirtualProvider;
import io.qexec.remote.emulator.EmulatorFactory;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.ProviderEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The paper's two scenarios across local + ionq + qbraid, run by the qexec command against the emulators that
 * {@code qexec emulate} serves, configured from {@code examples/cloud/config.yaml} with the emulators' ports.
 */
class CloudExamplesTest {
    private static final Path CLOUD = Path.of("..", "examples", "cloud");

    @ParameterizedTest
    @ValueSource(strings = {"scenario1-cloud.yaml", "scenario2-cloud.yaml"})
    void runsAgainstTheEmulators(String example) throws Exception {
        EmulatorOptions options = EmulatorOptions.defaults().withJobDuration(Duration.ofMillis(200));
        try (ProviderEmulator ionq = EmulatorFactory.forProvider("ionq").orElseThrow().start(options);
             ProviderEmulator qbraid = EmulatorFactory.forProvider("qbraid").orElseThrow().start(options)) {
            String config = Files.readString(CLOUD.resolve("config.yaml"))
                    .replace("http://127.0.0.1:8101/v0.4", ionq.baseUrl().toString())
                    .replace("http://127.0.0.1:8102/api/v1", qbraid.baseUrl().toString());
            assertThat(config).contains(ionq.baseUrl().toString()).contains(qbraid.baseUrl().toString());
            VirtualProvider providers = VirtualProvider.fromConfig(QexecConfig.parse(config, Map.of()).defaultProfile());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                    () -> QuantumExecutor.builder().virtualProvider(providers))
                    .execute("run", CLOUD.resolve(example).toString(), "-q", "--no-journal", "--format", "json");
            assertThat(code).as(err.toString()).isZero();
            JsonNode results = new ObjectMapper().readTree(out.toString()).get("results");
            assertThat(results.fieldNames()).toIterable().containsExactlyInAnyOrder("local", "ionq", "qbraid");
            results.forEach(backends -> backends.forEach(jobs -> jobs.forEach(
                    job -> assertThat(job.get("status").asText()).isEqualTo("COMPLETED"))));
            assertThat(out.toString()).contains("\"merged\"");
            assertThat(ionq.submissions()).isPositive();
            assertThat(qbraid.submissions()).isPositive();
        }
    }
}
