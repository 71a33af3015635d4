package io.qexec.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration file: named profiles, each a set of providers with their settings.
 *
 * <pre>
 * default_profile: work            # optional; otherwise "default"
 * profiles:
 *   work:
 *     providers:
 *       ionq:                      # the provider's name; its type defaults to the name
 *         api_key: ${IONQ_API_KEY} # taken from the environment when the file is read
 *       ionq-sim:
 *         type: ionq
 *         api_key: ${IONQ_API_KEY}
 *         backend: simulator
 * providers:                       # shorthand for the "default" profile
 *   local: {}
 * </pre>
 *
 * <p>Credentials belong in environment variables, referenced as {@code ${NAME}}. A provider whose setting
 * names an unset variable is reported as unable to start (with the variable's name, never a value).
 *
 * @param defaultProfileName the profile used when none is named
 * @param profiles the profiles by name
 */
public record QexecConfig(String defaultProfileName, Map<String, Profile> profiles) {

    /** The environment variable naming the config file. */
    public static final String CONFIG_ENV = "QEXEC_CONFIG";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * One profile.
     *
     * @param name the profile's name
     * @param providers the providers that can be started
     * @param problems entries that cannot start, with the reason (such as an unset variable)
     */
    public record Profile(String name, List<ProviderConfig> providers, List<StartupFailure> problems) {
        public Profile {
            providers = List.copyOf(providers);
            problems = List.copyOf(problems);
        }

        /** A profile with no provider. */
        public static Profile empty(String name) {
            return new Profile(name, List.of(), List.of());
        }
    }

    public QexecConfig {
        defaultProfileName = defaultProfileName == null ? "default" : defaultProfileName;
        profiles = Map.copyOf(profiles);
    }

    /** The configuration with no profile. */
    public static QexecConfig empty() {
        return new QexecConfig("default", Map.of());
    }

    /** The default file: {@code $QEXEC_CONFIG} if set, else {@code ~/.qexec/config.yaml}. */
    public static Path defaultPath() {
        String env = System.getenv(CONFIG_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".qexec", "config.yaml");
    }

    /**
     * Reads the default file; a missing file gives the empty configuration.
     *
     * @throws IllegalArgumentException if the file is malformed
     */
    public static QexecConfig load() {
        Path path = defaultPath();
        return Files.exists(path) ? load(path) : empty();
    }

    /**
     * Reads a config file, resolving {@code ${NAME}} from the process environment.
     *
     * @throws IllegalArgumentException naming the file and the problem if it is missing or malformed
     */
    public static QexecConfig load(Path path) {
        try {
            return parse(Files.readString(path), System.getenv());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses YAML config text.
     *
     * @param environment where {@code ${NAME}} values come from
     * @throws IllegalArgumentException naming the problem
     */
    public static QexecConfig parse(String yaml, Map<String, String> environment) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return empty();
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("the top level must be a mapping");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!List.of("default_profile", "profiles", "providers").contains(key)) {
                throw new IllegalArgumentException("unknown top-level key '" + key
                        + "' (known: default_profile, profiles, providers)");
            }
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        if (root.has("providers")) {
            profiles.put("default", profile("default", root.get("providers"), environment));
        }
        JsonNode ps = root.path("profiles");
        if (!ps.isMissingNode() && !ps.isNull()) {
            if (!ps.isObject()) {
                throw new IllegalArgumentException("'profiles' must be a mapping of profile name to profile");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ps.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (profiles.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("profile '" + e.getKey() + "' is defined twice");
                }
                JsonNode providers = e.getValue().path("providers");
                profiles.put(e.getKey(), profile(e.getKey(), providers, environment));
            }
        }
        String defaultName = root.path("default_profile").asText("default");
        if (root.has("default_profile") && !profiles.containsKey(defaultName)) {
            throw new IllegalArgumentException("default_profile '" + defaultName + "' is not defined (profiles: "
                    + String.join(", ", profiles.keySet()) + ")");
        }
        return new QexecConfig(defaultName, profiles);
    }

    /** The default profile (empty if the file does not define it). */
    public Profile defaultProfile() {
        return profiles.getOrDefault(defaultProfileName, Profile.empty(defaultProfileName));
    }

    /**
     * A profile by name.
     *
     * @throws IllegalArgumentException naming the known profiles if there is none by that name
     */
    public Profile profile(String name) {
        return Optional.ofNullable(profiles.get(name)).orElseThrow(() -> new IllegalArgumentException(
                "no profile '" + name + "' (profiles: " + (profiles.isEmpty() ? "none" : String.join(", ", profiles.keySet())) + ")"));
    }

    private static Profile profile(String name, JsonNode providers, Map<String, String> env) {
        List<ProviderConfig> configs = new ArrayList<>();
        List<StartupFailure> problems = new ArrayList<>();
        if (providers.isMissingNode() || providers.isNull()) {
            return new Profile(name, configs, problems);
        }
        if (!providers.isObject()) {
            throw new IllegalArgumentException("profile '" + name + "': 'providers' must be a mapping of provider name to settings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = providers.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String providerName = e.getKey();
            JsonNode body = e.getValue();
            if (!body.isNull() && !body.isObject()) {
                throw new IllegalArgumentException("profile '" + name + "', provider '" + providerName
                        + "': settings must be a mapping");
            }
            String type = body.path("type").asText(providerName);
            Map<String, String> settings = new LinkedHashMap<>();
            List<String> unset = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> s = body.properties().iterator(); s.hasNext(); ) {
                Map.Entry<String, JsonNode> setting = s.next();
                if (setting.getKey().equals("type")) {
                    continue;
                }
                if (setting.getValue().isContainerNode()) {
                    throw new IllegalArgumentException("profile '" + name + "', provider '" + providerName + "': setting '"
                            + setting.getKey() + "' must be a plain value");
                }
                settings.put(setting.getKey(), resolve(setting.getValue().asText(), env, unset));
            }
            if (unset.isEmpty()) {
                configs.add(new ProviderConfig(providerName, type, settings));
            } else {
                problems.add(new StartupFailure(providerName, type, "environment variable" + (unset.size() == 1 ? " " : "s ")
                        + String.join(", ", unset) + (unset.size() == 1 ? " is" : " are") + " not set"));
            }
        }
        return new Profile(name, configs, problems);
    }

    private static String resolve(String value, Map<String, String> env, List<String> unset) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                unset.add(m.group(1));
                v = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
