package io.qexec.provider;

/**
 * A configured provider that could not start, and why. Reported by {@link VirtualProvider#startupFailures()};
 * it never stops the other providers.
 *
 * @param provider the provider's name
 * @param type the provider type
 * @param reason why it could not start (never contains credentials)
 */
public record StartupFailure(String provider, String type, String reason) {
}
