package io.qexec.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QexecConfigTest {
    @TempDir
    Path dir;

    @Test
    void profilesWithTypesSettingsAndVariables() {
        QexecConfig c = QexecConfig.parse("""
                default_profile: work
                profiles:
                  work:
                    providers:
                      ionq-sim:
                        type: ionq
                        api_key: ${env:IONQ_KEY}
                        endpoint: https://example.test/v0.4
                  home:
                    providers:
                      local: {}
                """, Map.of("IONQ_KEY", "abc"));
        assertThat(c.defaultProfileName()).isEqualTo("work");
        ProviderConfig ionq = c.defaultProfile().providers().get(0);
        assertThat(ionq.name()).isEqualTo("ionq-sim");
        assertThat(ionq.type()).isEqualTo("ionq");
        assertThat(ionq.require("api_key")).isEqualTo("abc");
        assertThat(ionq.setting("endpoint")).contains("https://example.test/v0.4");
        assertThat(ionq.toString()).doesNotContain("abc");
        assertThat(c.profile("home").providers()).extracting(ProviderConfig::type).containsExactly("local");
        assertThatThrownBy(() -> c.profile("nope")).hasMessageContaining("no profile 'nope' (profiles: ");
        assertThatThrownBy(() -> ionq.require("region")).hasMessage("provider 'ionq-sim' needs the setting 'region'");
    }

    @Test
    void malformedFilesAreRejectedWithTheirProblem() {
        assertThatThrownBy(() -> QexecConfig.parse("provider: {}", Map.of())).hasMessageContaining("unknown top-level key 'provider'");
        assertThatThrownBy(() -> QexecConfig.parse("default_profile: x\nproviders: {}", Map.of()))
                .hasMessageContaining("default_profile 'x' is not defined");
        assertThatThrownBy(() -> QexecConfig.parse("providers:\n  a: [1]", Map.of())).hasMessageContaining("settings must be a mapping");
        assertThatThrownBy(() -> QexecConfig.parse("providers: [", Map.of())).hasMessageContaining("not valid YAML");
        assertThat(QexecConfig.parse("", Map.of()).profiles()).isEmpty();
    }

    @Test
    void loadsAFileAndNamesItInErrors() throws Exception {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, "providers:\n  local: {}\n");
        assertThat(QexecConfig.load(f).defaultProfile().providers()).hasSize(1);
        Files.writeString(f, "bogus: 1\n");
        assertThatThrownBy(() -> QexecConfig.load(f)).hasMessageContaining(f.toString());
        assertThatThrownBy(() -> QexecConfig.load(dir.resolve("missing.yaml"))).hasMessageContaining("cannot read config file");
    }
}
