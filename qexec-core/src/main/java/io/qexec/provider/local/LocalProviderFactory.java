package io.qexec.provider.local;

import io.qexec.provider.Provider;
import io.qexec.provider.ProviderConfig;
import io.qexec.provider.ProviderFactory;

/** Builds the embedded {@code local} provider; it needs no configuration. */
public final class LocalProviderFactory implements ProviderFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public LocalProviderFactory() {
    }

    @Override
    public String type() {
        return LocalProvider.NAME;
    }

    @Override
    public boolean needsNoConfiguration() {
        return true;
    }

    @Override
    public Provider create(ProviderConfig config) {
        return LocalProvider.builder().name(config.name()).engines(LocalEngines.engines()).devices(LocalEngines.devices())
                .build();
    }
}
