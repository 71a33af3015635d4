package io.qexec.provider;

import java.util.Map;
import java.util.Objects;

/**
 * A provider's handle on a submitted job: enough to poll, fetch and cancel it later, from another process
 * if need be (it is recorded in the job store when the provider accepts the job).
 *
 * @param provider the provider's name
 * @param backend the backend's name
 * @param id the provider's own job id
 * @param attributes anything else the provider needs to find the job again (region, session, ...); no secrets
 */
public record ProviderJob(String provider, String backend, String id, Map<String, String> attributes) {

    public ProviderJob {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(id, "id");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A handle without attributes. */
    public static ProviderJob of(String provider, String backend, String id) {
        return new ProviderJob(provider, backend, id, Map.of());
    }
}
