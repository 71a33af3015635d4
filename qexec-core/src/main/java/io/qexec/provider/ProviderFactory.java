package io.qexec.provider;

/**
 * Builds providers of one type from configuration. Factories are discovered with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/io.qexec.provider.ProviderFactory}); a public no-argument
 * constructor is required.
 */
public interface ProviderFactory {

    /** The provider type this factory builds, as written in the config file's {@code type} key (e.g. {@code ionq}). */
    String type();

    /**
     * Whether a provider of this type starts without any configuration (like the embedded {@code local}
     * provider); such providers are available even when the config file does not mention them.
     */
    default boolean needsNoConfiguration() {
        return false;
    }

    /**
     * Builds a provider.
     *
     * @throws ProviderException or {@link IllegalArgumentException} with a clear reason (a missing setting or
     *     credential, an unreachable endpoint) when the provider cannot start
     */
    Provider create(ProviderConfig config);
}
