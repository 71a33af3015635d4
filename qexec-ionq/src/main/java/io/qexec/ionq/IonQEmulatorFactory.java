package io.qexec.ionq;

import io.qexec.remote.emulator.EmulatorFactory;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.ProviderEmulator;
import java.io.IOException;

/** Makes the {@link IonQEmulator} available to {@code qexec emulate ionq} through {@link java.util.ServiceLoader}. */
public final class IonQEmulatorFactory implements EmulatorFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public IonQEmulatorFactory() {
    }

    @Override
    public String provider() {
        return "ionq";
    }

    @Override
    public String basePath() {
        return "/v0.4";
    }

    @Override
    public ProviderEmulator start(EmulatorOptions options) throws IOException {
        return IonQEmulator.start(options);
    }
}
