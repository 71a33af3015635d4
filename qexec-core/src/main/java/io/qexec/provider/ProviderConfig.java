package io.qexec.provider;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration of one provider: its name, its type (which {@link ProviderFactory} builds it) and its
 * settings. Settings written {@code ${NAME}} in the config file are taken from the environment variable
 * {@code NAME} when the file is read. {@link #toString()} hides the values of settings whose key names a
 * secret ({@code key}, {@code token}, {@code secret}, {@code password}, {@code credential}).
 *
 * @param name the provider's name in this configuration
 * @param type the provider type
 * @param settings the settings, already resolved
 */
public record ProviderConfig(String name, String type, Map<String, String> settings) {

    public ProviderConfig {
        Objects.requireNonNull(name, "name");
        type = type == null || type.isBlank() ? name : type;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A configuration with no settings, of the type with the same name. */
    public static ProviderConfig of(String name) {
        return new ProviderConfig(name, name, Map.of());
    }

    /** A setting, if present. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * A required setting.
     *
     * @throws IllegalArgumentException naming the provider and the missing key
     */
    public String require(String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("provider '" + name + "' needs the setting '" + key + "'");
        }
        return value;
    }

    /** Whether a key names a secret whose value must never be shown. */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("key") || k.contains("token") || k.contains("secret") || k.contains("password")
                || k.contains("credential");
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((k, v) -> shown.put(k, isSecretKey(k) ? "***" : v));
        return "ProviderConfig[name=" + name + ", type=" + type + ", settings=" + shown + "]";
    }
}
