package io.qexec.qbraid;

import io.qexec.remote.emulator.EmulatorFactory;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.ProviderEmulator;
import java.io.IOException;

/** Makes the {@link QBraidEmulator} available to {@code qexec emulate qbraid} through {@link java.util.ServiceLoader}. */
public final class QBraidEmulatorFactory implements EmulatorFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public QBraidEmulatorFactory() {
    }

    @Override
    public String provider() {
        return "qbraid";
    }

    @Override
    public String basePath() {
        return "/api/v1";
    }

    @Override
    public ProviderEmulator start(EmulatorOptions options) throws IOException {
        return QBraidEmulator.start(options);
    }
}
