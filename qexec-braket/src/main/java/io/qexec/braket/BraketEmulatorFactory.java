package io.qexec.braket;

import io.qexec.remote.emulator.EmulatorFactory;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.ProviderEmulator;
import java.io.IOException;

/** Makes the {@link BraketEmulator} available to {@code qexec emulate braket} through {@link java.util.ServiceLoader}. */
public final class BraketEmulatorFactory implements EmulatorFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public BraketEmulatorFactory() {
    }

    @Override
    public String provider() {
        return "braket";
    }

    @Override
    public String basePath() {
        return "";
    }

    @Override
    public ProviderEmulator start(EmulatorOptions options) throws IOException {
        return BraketEmulator.start(options);
    }
}
