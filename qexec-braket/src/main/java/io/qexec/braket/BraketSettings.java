package io.qexec.braket;

import io.qexec.remote.RemoteSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom the Braket adapter works. Credentials follow the AWS way: a named profile, or the default
 * chain (environment, profile files, instance roles), unless an access key pair is configured explicitly. The
 * secret key is never shown by {@link #toString()}.
 *
 * @param remote the shared remote settings (the base URL is the Braket endpoint; poll and timeout policies)
 * @param endpointOverridden whether the Braket endpoint was overridden (config or {@code QEXEC_BRAKET_BASE_URL})
 * @param s3Endpoint the S3 endpoint override, when any (defaults to the Braket override, as the emulator serves both)
 * @param region the AWS region
 * @param outputBucket the S3 bucket for task results
 * @param outputPrefix the key prefix for task results
 * @param profile a named AWS profile, if configured
 * @param accessKeyId an explicit access key id, if configured
 * @param secretAccessKey an explicit secret access key, if configured
 */
public record BraketSettings(RemoteSettings remote, boolean endpointOverridden, Optional<URI> s3Endpoint, String region,
                             String outputBucket, String outputPrefix, Optional<String> profile,
                             Optional<String> accessKeyId, Optional<String> secretAccessKey) {

    public BraketSettings {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(outputBucket, "outputBucket");
        Objects.requireNonNull(outputPrefix, "outputPrefix");
        s3Endpoint = s3Endpoint == null ? Optional.empty() : s3Endpoint;
        profile = profile == null ? Optional.empty() : profile;
        accessKeyId = accessKeyId == null ? Optional.empty() : accessKeyId;
        secretAccessKey = secretAccessKey == null ? Optional.empty() : secretAccessKey;
    }

    /**
     * Resolves Braket settings: {@code region} (else {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, else
     * {@code us-east-1}); {@code base_url} or {@code QEXEC_BRAKET_BASE_URL} to override the endpoint;
     * {@code s3_base_url}; {@code s3_bucket} (default {@code amazon-braket-qexec}); {@code s3_prefix} (default
     * {@code qexec-tasks}); {@code aws_profile}; {@code aws_access_key_id} with {@code aws_secret_access_key}; and the
     * tuning keys of {@link RemoteSettings#resolve}.
     */
    public static BraketSettings resolve(Map<String, String> config, Map<String, String> env) {
        String region = first(config.get("region"), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
        URI defaultUrl = URI.create("https://braket." + region + ".amazonaws.com");
        RemoteSettings remote = RemoteSettings.resolve("braket", defaultUrl, config, env, List.of());
        boolean overridden = first(env.get("QEXEC_BRAKET_BASE_URL"), config.get(RemoteSettings.BASE_URL)) != null;
        Optional<URI> s3 = Optional.ofNullable(config.get("s3_base_url")).map(URI::create)
                .or(() -> overridden ? Optional.of(remote.baseUrl()) : Optional.empty());
        return new BraketSettings(remote, overridden, s3, region,
                first(config.get("s3_bucket"), "amazon-braket-qexec"), first(config.get("s3_prefix"), "qexec-tasks"),
                Optional.ofNullable(config.get("aws_profile")), Optional.ofNullable(config.get("aws_access_key_id")),
                Optional.ofNullable(config.get("aws_secret_access_key")));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "BraketSettings[region=" + region + ", endpoint=" + (endpointOverridden ? remote.baseUrl() : "default")
                + ", bucket=" + outputBucket + ", prefix=" + outputPrefix + ", profile=" + profile.orElse("default chain")
                + ", accessKeyId=" + accessKeyId.map(k -> "***").orElse("none") + ", secretAccessKey="
                + secretAccessKey.map(k -> "***").orElse("none") + "]";
    }
}
