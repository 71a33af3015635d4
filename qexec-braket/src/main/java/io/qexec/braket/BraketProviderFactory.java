package io.qexec.braket;

import io.qexec.provider.Provider;
import io.qexec.provider.ProviderConfig;
import io.qexec.provider.ProviderFactory;

/**
 * Builds Amazon Braket providers from configuration ({@code type: braket}); settings as in
 * {@link BraketSettings#resolve}. Registered for {@link java.util.ServiceLoader}.
 */
public final class BraketProviderFactory implements ProviderFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public BraketProviderFactory() {
    }

    @Override
    public String type() {
        return "braket";
    }

    @Override
    public Provider create(ProviderConfig config) {
        return new BraketProvider(config.name(), new BraketTasks(BraketSettings.resolve(config.settings(), System.getenv())));
    }
}
