package io.qexec.remote;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one remote provider's client needs to know: where the provider is, the API key, and how
 * patient to be. Build it from a provider's configuration section and the environment with
 * {@link #resolve}. {@link #toString()} never shows the key.
 *
 * @param provider the provider's name, e.g. {@code ionq}
 * @param baseUrl the API's base URL (regional endpoints, proxies, emulators)
 * @param apiKey the API key, if any
 * @param requestTimeout the deadline of one HTTP request
 * @param retry the retry policy for failed calls
 * @param requestsPerSecond the rate limit for this provider; 0 for none
 * @param poll how jobs are polled and how long they may take
 * @param maxInFlight the most requests in flight at once to this provider (they reuse that many connections)
 */
public record RemoteSettings(String provider, URI baseUrl, Optional<ApiKey> apiKey, Duration requestTimeout,
                             RetryPolicy retry, double requestsPerSecond, PollPolicy poll, int maxInFlight) {

    /** The configuration key for the most requests in flight at once. */
    public static final String MAX_IN_FLIGHT = "max_in_flight";

    /** The configuration key (and environment suffix) for the base URL. */
    public static final String BASE_URL = "base_url";
    /** The configuration key for the API key. */
    public static final String API_KEY = "api_key";
    /** The configuration key for the request timeout in seconds. */
    public static final String REQUEST_TIMEOUT = "request_timeout";
    /** The configuration key for the number of attempts per call. */
    public static final String MAX_ATTEMPTS = "max_attempts";
    /** The configuration key for the rate limit in requests per second. */
    public static final String RATE_LIMIT = "rate_limit";
    /** The configuration key for the first poll interval in seconds. */
    public static final String POLL_INITIAL = "poll_initial";
    /** The configuration key for the largest poll interval in seconds. */
    public static final String POLL_MAX = "poll_max";
    /** The configuration key for the job timeout in seconds. */
    public static final String JOB_TIMEOUT = "job_timeout";
    /** The configuration key for cancel-on-timeout ({@code true}/{@code false}). */
    public static final String CANCEL_ON_TIMEOUT = "cancel_on_timeout";

    public RemoteSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = apiKey == null ? Optional.empty() : apiKey;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive");
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(poll, "poll");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one request must be allowed in flight, got " + maxInFlight);
        }
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
    }

    /** Defaults for a provider at a base URL without a key: 30 s per request, {@link RetryPolicy#DEFAULT}, no rate limit, {@link PollPolicy#DEFAULT}. */
    public static RemoteSettings defaults(String provider, URI baseUrl) {
        return new RemoteSettings(provider, baseUrl, Optional.empty(), Duration.ofSeconds(30), RetryPolicy.DEFAULT, 0,
                PollPolicy.DEFAULT, 128);
    }

    /**
     * Resolves settings for {@code provider}. The base URL comes from {@code QEXEC_<PROVIDER>_BASE_URL}, else the
     * configuration's {@code base_url}, else {@code defaultBaseUrl}. The API key comes from the configuration's
     * {@code api_key}, else {@code QEXEC_<PROVIDER>_API_KEY}, else the first of the provider's customary variables
     * that is set (e.g. {@code IONQ_API_KEY}). Other keys: {@code request_timeout}, {@code max_attempts},
     * {@code rate_limit}, {@code poll_initial}, {@code poll_max}, {@code job_timeout} (seconds, decimals allowed),
     * {@code cancel_on_timeout}, {@code max_in_flight}.
     *
     * @param config the provider's configuration section (flat string keys)
     * @param env the environment (usually {@code System.getenv()})
     * @param customaryKeyVariables the provider's own API key variables, in order of preference
     * @throws IllegalArgumentException when a value cannot be read; the message names the key, never a secret
     */
    public static RemoteSettings resolve(String provider, URI defaultBaseUrl, Map<String, String> config,
                                         Map<String, String> env, List<String> customaryKeyVariables) {
        String prefix = "QEXEC_" + provider.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        String base = firstSet(env.get(prefix + "BASE_URL"), config.get(BASE_URL));
        URI baseUrl;
        try {
            baseUrl = base == null ? defaultBaseUrl : URI.create(base.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the base URL for " + provider + " is not a URL: " + base, e);
        }
        if (baseUrl.getScheme() == null || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the base URL for " + provider + " must be http or https: " + baseUrl);
        }
        String key = firstSet(config.get(API_KEY), env.get(prefix + "API_KEY"));
        for (String var : customaryKeyVariables) {
            key = firstSet(key, env.get(var));
        }
        RemoteSettings d = defaults(provider, baseUrl);
        Duration timeout = seconds(config, REQUEST_TIMEOUT, d.requestTimeout(), provider);
        int attempts = config.containsKey(MAX_ATTEMPTS) ? integer(config, MAX_ATTEMPTS, provider) : d.retry().maxAttempts();
        double rate = config.containsKey(RATE_LIMIT) ? number(config, RATE_LIMIT, provider) : 0;
        PollPolicy poll = new PollPolicy(seconds(config, POLL_INITIAL, d.poll().initialInterval(), provider),
                seconds(config, POLL_MAX, d.poll().maxInterval(), provider),
                seconds(config, JOB_TIMEOUT, d.poll().jobTimeout(), provider),
                !"false".equalsIgnoreCase(config.getOrDefault(CANCEL_ON_TIMEOUT, "true").strip()));
        int inFlight = config.containsKey(MAX_IN_FLIGHT) ? integer(config, MAX_IN_FLIGHT, provider) : d.maxInFlight();
        return new RemoteSettings(provider, baseUrl, Optional.ofNullable(key).map(ApiKey::of), timeout,
                d.retry().withMaxAttempts(attempts), rate, poll, inFlight);
    }

    /** The API key, or a typed failure saying it is missing. */
    public ApiKey requireApiKey() {
        return apiKey.orElseThrow(() -> new RemoteException(provider, RemoteFailureKind.AUTHENTICATION,
                "invalid or missing API key for " + provider + ": set " + API_KEY + " in its configuration or QEXEC_"
                        + provider.toUpperCase(Locale.ROOT) + "_API_KEY", null));
    }

    /** These settings with another base URL. */
    public RemoteSettings withBaseUrl(URI url) {
        return new RemoteSettings(provider, url, apiKey, requestTimeout, retry, requestsPerSecond, poll, maxInFlight);
    }

    /** These settings with an API key. */
    public RemoteSettings withApiKey(ApiKey key) {
        return new RemoteSettings(provider, baseUrl, Optional.of(key), requestTimeout, retry, requestsPerSecond, poll, maxInFlight);
    }

    /** These settings with another retry policy. */
    public RemoteSettings withRetry(RetryPolicy policy) {
        return new RemoteSettings(provider, baseUrl, apiKey, requestTimeout, policy, requestsPerSecond, poll, maxInFlight);
    }

    /** These settings with another poll policy. */
    public RemoteSettings withPoll(PollPolicy policy) {
        return new RemoteSettings(provider, baseUrl, apiKey, requestTimeout, retry, requestsPerSecond, policy, maxInFlight);
    }

    /** These settings with another request timeout. */
    public RemoteSettings withRequestTimeout(Duration timeout) {
        return new RemoteSettings(provider, baseUrl, apiKey, timeout, retry, requestsPerSecond, poll, maxInFlight);
    }

    /** These settings with another limit on requests in flight. */
    public RemoteSettings withMaxInFlight(int limit) {
        return new RemoteSettings(provider, baseUrl, apiKey, requestTimeout, retry, requestsPerSecond, poll, limit);
    }

    /** These settings with a rate limit (0 for none). */
    public RemoteSettings withRequestsPerSecond(double rate) {
        return new RemoteSettings(provider, baseUrl, apiKey, requestTimeout, retry, rate, poll, maxInFlight);
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
    }

    private static Duration seconds(Map<String, String> config, String key, Duration fallback, String provider) {
        if (!config.containsKey(key)) {
            return fallback;
        }
        double s = number(config, key, provider);
        if (s <= 0) {
            throw new IllegalArgumentException(provider + "." + key + " must be positive, got " + config.get(key));
        }
        return Duration.ofNanos((long) (s * 1e9));
    }

    private static double number(Map<String, String> config, String key, String provider) {
        try {
            return Double.parseDouble(config.get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(provider + "." + key + " must be a number, got '" + config.get(key) + "'", e);
        }
    }

    private static int integer(Map<String, String> config, String key, String provider) {
        try {
            return Integer.parseInt(config.get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(provider + "." + key + " must be a whole number, got '" + config.get(key) + "'", e);
        }
    }

    @Override
    public String toString() {
        return "RemoteSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey.isPresent() ? "***" : "none") + ", requestTimeout=" + requestTimeout + ", retry=" + retry
                + ", requestsPerSecond=" + requestsPerSecond + ", poll=" + poll + ", maxInFlight=" + maxInFlight + "]";
    }
}
