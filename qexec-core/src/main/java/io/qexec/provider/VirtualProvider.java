package io.qexec.provider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured providers, under one roof: lists their backends and resolves {@code (provider, backend)}
 * names with clear errors.
 *
 * <p>Providers come from configuration ({@link #fromConfig(QexecConfig.Profile)}; each entry is built by the
 * {@link ProviderFactory} of its type, found with {@link ServiceLoader}) and from instances registered with
 * {@link Builder#add(Provider)}. Providers whose type needs no configuration (the embedded {@code local}
 * provider) are always included. A provider that cannot start is listed in {@link #startupFailures()} with
 * its reason; the others start regardless.
 */
public final class VirtualProvider implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualProvider.class);

    private final Map<String, Provider> providers;
    private final Map<String, ProviderConfig> configs;
    private final List<StartupFailure> failures;

    private VirtualProvider(Map<String, Provider> providers, Map<String, ProviderConfig> configs,
                            List<StartupFailure> failures) {
        this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        this.configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
        this.failures = List.copyOf(failures);
    }

    /** A builder: no providers, factories from {@link ServiceLoader}, providers that need no configuration included. */
    public static Builder builder() {
        return new Builder();
    }

    /** Exactly these providers (no discovery). */
    public static VirtualProvider of(Provider... providers) {
        Builder b = builder().includeUnconfigured(false);
        for (Provider p : providers) {
            b.add(p);
        }
        return b.build();
    }

    /** The providers of a configuration profile, plus those that need no configuration. */
    public static VirtualProvider fromConfig(QexecConfig.Profile profile) {
        return builder().profile(profile).build();
    }

    /** The providers of the default profile of the default config file (see {@link QexecConfig#load()}). */
    public static VirtualProvider fromDefaultConfig() {
        return fromConfig(QexecConfig.load().defaultProfile());
    }

    /** The names of the started providers, in configuration order. */
    public Set<String> names() {
        return providers.keySet();
    }

    /** A started provider by name. */
    public Optional<Provider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /**
     * A started provider by name.
     *
     * @throws IllegalArgumentException naming the provider, why it is missing (not configured, or could not
     *     start and why), and the available names
     */
    public Provider requireProvider(String name) {
        Provider p = providers.get(name);
        if (p != null) {
            return p;
        }
        for (StartupFailure f : failures) {
            if (f.provider().equals(name)) {
                throw new IllegalArgumentException("provider '" + name + "' could not start: " + f.reason());
            }
        }
        String hint = NameSuggestions.closest(name, providers.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
        throw new IllegalArgumentException("unknown provider '" + name + "' (available: "
                + (providers.isEmpty() ? "none" : String.join(", ", providers.keySet())) + ")" + hint);
    }

    /** The providers that could not start, with their reasons. */
    public List<StartupFailure> startupFailures() {
        return failures;
    }

    /** The configurations the providers were built from (so another process can rebuild them). */
    public Map<String, ProviderConfig> configs() {
        return configs;
    }

    /**
     * Every provider's backends, provider → backend name → descriptor. A provider that cannot list its
     * backends is logged and left out.
     *
     * @param onlineOnly whether to keep only backends that accept jobs now
     */
    public Map<String, Map<String, Backend>> backends(boolean onlineOnly) {
        Map<String, Map<String, Backend>> out = new LinkedHashMap<>();
        providers.forEach((name, provider) -> {
            List<Backend> list;
            try {
                list = provider.backends();
            } catch (RuntimeException e) {
                LOG.warn("provider '{}' could not list its backends: {}", name, e.getMessage());
                return;
            }
            Map<String, Backend> inner = new LinkedHashMap<>();
            for (Backend b : list) {
                if (!onlineOnly || b.isOnline()) {
                    inner.put(b.name(), b);
                }
            }
            out.put(name, Collections.unmodifiableMap(inner));
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * A backend that accepts jobs now.
     *
     * @throws IllegalArgumentException for an unknown provider or backend (with the closest name)
     * @throws IllegalStateException when the backend is offline or in maintenance
     */
    public Backend backend(String provider, String backend) {
        return backend(provider, backend, true);
    }

    /**
     * A backend by name.
     *
     * @param requireOnline whether a backend that is not online is an error
     * @throws IllegalArgumentException for an unknown provider or backend (with the closest name)
     * @throws IllegalStateException when {@code requireOnline} and the backend is offline or in maintenance
     */
    public Backend backend(String provider, String backend, boolean requireOnline) {
        Provider p = requireProvider(provider);
        Optional<Backend> found = p.backend(backend);
        if (found.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Backend b : p.backends()) {
                names.add(b.name());
            }
            String hint = NameSuggestions.closest(backend, names).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new IllegalArgumentException("provider '" + provider + "' has no backend '" + backend + "'" + hint);
        }
        Backend b = found.get();
        if (requireOnline && !b.isOnline()) {
            throw new IllegalStateException("backend " + b.id() + " is " + b.status().label() + ", not online");
        }
        return b;
    }

    /** Closes every provider; a failure to close one is logged. */
    @Override
    public void close() {
        providers.forEach((name, p) -> {
            try {
                p.close();
            } catch (RuntimeException e) {
                LOG.warn("provider '{}' failed to close: {}", name, e.getMessage());
            }
        });
    }

    @Override
    public String toString() {
        return "VirtualProvider[providers=" + providers.keySet() + ", failed=" + failures.stream().map(StartupFailure::provider).toList() + "]";
    }

    /** Builds a {@link VirtualProvider}. */
    public static final class Builder {
        private final Map<String, Provider> instances = new LinkedHashMap<>();
        private final Map<String, ProviderConfig> configs = new LinkedHashMap<>();
        private final List<StartupFailure> failures = new ArrayList<>();
        private final Map<String, ProviderFactory> factories = new LinkedHashMap<>();
        private boolean discover = true;
        private boolean includeUnconfigured = true;

        private Builder() {
        }

        /**
         * Registers a provider instance under its own name.
         *
         * @throws IllegalArgumentException if the name is already used
         */
        public Builder add(Provider provider) {
            String name = provider.name();
            if (instances.containsKey(name) || configs.containsKey(name)) {
                throw new IllegalArgumentException("provider name '" + name + "' is already used");
            }
            instances.put(name, provider);
            return this;
        }

        /** Adds one provider configuration, built when {@link #build()} runs. */
        public Builder configure(ProviderConfig config) {
            if (instances.containsKey(config.name()) || configs.containsKey(config.name())) {
                throw new IllegalArgumentException("provider name '" + config.name() + "' is already used");
            }
            configs.put(config.name(), config);
            return this;
        }

        /** Adds every provider of a configuration profile, and the reasons of entries that are already known to fail. */
        public Builder profile(QexecConfig.Profile profile) {
            for (ProviderConfig c : profile.providers()) {
                configure(c);
            }
            failures.addAll(profile.problems());
            return this;
        }

        /** Registers a factory explicitly (in addition to, or instead of, discovered ones). */
        public Builder factory(ProviderFactory factory) {
            factories.put(factory.type().toLowerCase(Locale.ROOT), factory);
            return this;
        }

        /** Whether to discover factories with {@link ServiceLoader} (default true). */
        public Builder discoverFactories(boolean on) {
            this.discover = on;
            return this;
        }

        /** Whether to include providers whose type needs no configuration (default true). */
        public Builder includeUnconfigured(boolean on) {
            this.includeUnconfigured = on;
            return this;
        }

        /** Starts the configured providers; a provider that cannot start is recorded, never thrown. */
        public VirtualProvider build() {
            Map<String, ProviderFactory> all = new LinkedHashMap<>();
            if (discover) {
                for (ProviderFactory f : ServiceLoader.load(ProviderFactory.class)) {
                    all.putIfAbsent(f.type().toLowerCase(Locale.ROOT), f);
                }
            }
            all.putAll(factories);
            Map<String, ProviderConfig> wanted = new LinkedHashMap<>();
            if (includeUnconfigured) {
                for (ProviderFactory f : all.values()) {
                    String type = f.type().toLowerCase(Locale.ROOT);
                    if (f.needsNoConfiguration() && !instances.containsKey(type) && !configs.containsKey(type)
                            && configs.values().stream().noneMatch(c -> c.type().equalsIgnoreCase(type))
                            && failures.stream().noneMatch(sf -> sf.provider().equals(type))) {
                        wanted.put(type, ProviderConfig.of(type));
                    }
                }
            }
            wanted.putAll(configs);
            Map<String, Provider> started = new LinkedHashMap<>(instances);
            Map<String, ProviderConfig> used = new LinkedHashMap<>();
            List<StartupFailure> failed = new ArrayList<>(failures);
            for (ProviderConfig c : wanted.values()) {
                ProviderFactory f = all.get(c.type().toLowerCase(Locale.ROOT));
                if (f == null) {
                    failed.add(new StartupFailure(c.name(), c.type(), "no provider type '" + c.type()
                            + "' is installed (known types: " + String.join(", ", all.keySet()) + ")"));
                    continue;
                }
                try {
                    Provider p = f.create(c);
                    started.put(c.name(), p);
                    used.put(c.name(), c);
                } catch (RuntimeException e) {
                    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    LOG.warn("provider '{}' ({}) could not start: {}", c.name(), c.type(), reason);
                    failed.add(new StartupFailure(c.name(), c.type(), reason));
                }
            }
            return new VirtualProvider(started, used, failed);
        }
    }
}
