package io.qexec.qbraid;

import io.qexec.provider.Provider;
import io.qexec.provider.ProviderConfig;
import io.qexec.provider.ProviderFactory;

/**
 * Builds qBraid providers from configuration ({@code type: qbraid}). Settings: {@code api_key} (or the
 * environment's {@code QEXEC_QBRAID_API_KEY} or {@code QBRAID_API_KEY}), {@code base_url} (or
 * {@code QEXEC_QBRAID_BASE_URL}), and the tuning keys of {@link io.qexec.remote.RemoteSettings#resolve}.
 * Registered for {@link java.util.ServiceLoader}.
 */
public final class QBraidProviderFactory implements ProviderFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public QBraidProviderFactory() {
    }

    @Override
    public String type() {
        return "qbraid";
    }

    @Override
    public Provider create(ProviderConfig config) {
        return new QBraidProvider(config.name(), new QBraidClient(QBraidClient.settings(config.settings(), System.getenv())));
    }
}
