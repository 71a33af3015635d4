package io.qexec.remote.emulator;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Starts one provider's emulator by name, so that {@code qexec emulate <provider>} finds every emulator on the
 * class path without knowing its class. Implementations are listed in
 * {@code META-INF/services/io.qexec.remote.emulator.EmulatorFactory} and need a public no-argument constructor.
 */
public interface EmulatorFactory {

    /** The provider's name, as in {@code qexec emulate ionq}. */
    String provider();

    /** What the base URL's path is below {@code http://127.0.0.1:<port>} (e.g. {@code /v0.4}), for messages. */
    String basePath();

    /**
     * Starts the emulator.
     *
     * @throws IOException when the port cannot be bound
     */
    ProviderEmulator start(EmulatorOptions options) throws IOException;

    /** Every emulator on the class path. */
    static List<EmulatorFactory> available() {
        return ServiceLoader.load(EmulatorFactory.class).stream().map(ServiceLoader.Provider::get)
                .sorted((a, b) -> a.provider().compareTo(b.provider())).toList();
    }

    /** The emulator for a provider, if one is on the class path. */
    static Optional<EmulatorFactory> forProvider(String provider) {
        String p = provider.toLowerCase(Locale.ROOT);
        return available().stream().filter(f -> f.provider().equals(p)).findFirst();
    }
}
