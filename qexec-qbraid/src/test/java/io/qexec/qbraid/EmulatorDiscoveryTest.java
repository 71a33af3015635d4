package io.qexec.qbraid;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.remote.emulator.EmulatorFactory;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.ProviderEmulator;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class EmulatorDiscoveryTest {

    @Test
    void emulatorsAreFoundByProviderName() throws IOException {
        assertThat(EmulatorFactory.available()).extracting(EmulatorFactory::provider).contains("ionq", "qbraid");
        EmulatorFactory qbraid = EmulatorFactory.forProvider("QBRAID").orElseThrow();
        try (ProviderEmulator e = qbraid.start(EmulatorOptions.defaults())) {
            assertThat(e.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + e.port() + qbraid.basePath());
            assertThat(e.submissions()).isZero();
        }
        assertThat(EmulatorFactory.forProvider("nowhere")).isEmpty();
    }
}
