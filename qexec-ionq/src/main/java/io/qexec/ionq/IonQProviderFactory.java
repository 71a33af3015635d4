package io.qexec.ionq;

import io.qexec.provider.Provider;
import io.qexec.provider.ProviderConfig;
import io.qexec.provider.ProviderFactory;

/**
 * Builds IonQ providers from configuration ({@code type: ionq}). Settings: {@code api_key} (or the environment's
 * {@code QEXEC_IONQ_API_KEY} or {@code IONQ_API_KEY}), {@code base_url} (or {@code QEXEC_IONQ_BASE_URL}), and the
 * tuning keys of {@link io.qexec.remote.RemoteSettings#resolve}. Registered for {@link java.util.ServiceLoader}.
 */
public final class IonQProviderFactory implements ProviderFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public IonQProviderFactory() {
    }

    @Override
    public String type() {
        return "ionq";
    }

    @Override
    public Provider create(ProviderConfig config) {
        return new IonQProvider(config.name(), new IonQClient(IonQClient.settings(config.settings(), System.getenv())));
    }
}
