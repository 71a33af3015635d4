package io.qexec.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteSettingsTest {
    private static final URI DEFAULT = URI.create("https://api.ionq.co/v0.4");

    @Test
    void theEnvironmentOverridesTheConfiguredBaseUrl() {
        RemoteSettings s = RemoteSettings.resolve("ionq", DEFAULT, Map.of("base_url", "http://proxy:8080/v0.4/"),
                Map.of("QEXEC_IONQ_BASE_URL", "http://127.0.0.1:9000/v0.4"), List.of("IONQ_API_KEY"));
        assertThat(s.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/v0.4"));
        RemoteSettings c = RemoteSettings.resolve("ionq", DEFAULT, Map.of("base_url", "http://proxy:8080/v0.4/"),
                Map.of(), List.of());
        assertThat(c.baseUrl()).isEqualTo(URI.create("http://proxy:8080/v0.4"));
        assertThat(RemoteSettings.resolve("ionq", DEFAULT, Map.of(), Map.of(), List.of()).baseUrl()).isEqualTo(DEFAULT);
    }

    @Test
    void keysComeFromConfigThenQexecVariableThenTheProvidersOwnVariable() {
        assertThat(RemoteSettings.resolve("ionq", DEFAULT, Map.of("api_key", "from-config"),
                Map.of("QEXEC_IONQ_API_KEY", "from-qexec", "IONQ_API_KEY", "from-ionq"), List.of("IONQ_API_KEY"))
                .requireApiKey().reveal()).isEqualTo("from-config");
        assertThat(RemoteSettings.resolve("ionq", DEFAULT, Map.of(),
                Map.of("QEXEC_IONQ_API_KEY", "from-qexec", "IONQ_API_KEY", "from-ionq"), List.of("IONQ_API_KEY"))
                .requireApiKey().reveal()).isEqualTo("from-qexec");
        assertThat(RemoteSettings.resolve("ionq", DEFAULT, Map.of(), Map.of("IONQ_API_KEY", "from-ionq"),
                List.of("IONQ_API_KEY")).requireApiKey().reveal()).isEqualTo("from-ionq");
    }

    @Test
    void theKeyNeverAppearsInToString() {
        RemoteSettings s = RemoteSettings.resolve("qbraid", DEFAULT, Map.of("api_key", "super-secret-value"),
                Map.of(), List.of());
        assertThat(s.toString()).doesNotContain("super-secret-value").contains("apiKey=***");
        assertThat(s.apiKey().orElseThrow().toString()).isEqualTo("ApiKey[***]");
        assertThat(s.apiKey().orElseThrow().redact("bad key super-secret-value")).isEqualTo("bad key ***");
    }

    @Test
    void tuningKeysAreRead() {
        RemoteSettings s = RemoteSettings.resolve("ionq", DEFAULT, Map.of("request_timeout", "2.5", "max_attempts", "7",
                "rate_limit", "20", "poll_initial", "0.5", "poll_max", "4", "job_timeout", "600",
                "cancel_on_timeout", "false"), Map.of(), List.of());
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.retry().maxAttempts()).isEqualTo(7);
        assertThat(s.requestsPerSecond()).isEqualTo(20);
        assertThat(s.poll()).isEqualTo(new PollPolicy(Duration.ofMillis(500), Duration.ofSeconds(4),
                Duration.ofMinutes(10), false));
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> RemoteSettings.resolve("ionq", DEFAULT, Map.of("rate_limit", "fast"), Map.of(), List.of()))
                .hasMessageContaining("ionq.rate_limit must be a number");
        assertThatThrownBy(() -> RemoteSettings.resolve("ionq", DEFAULT, Map.of("base_url", "ftp://x"), Map.of(), List.of()))
                .hasMessageContaining("must be http or https");
    }
}
