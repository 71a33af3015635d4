package io.qexec.remote.emulator;

import java.net.URI;

/**
 * A running provider emulator, as {@code qexec emulate} and tests hold it: where it listens, what it has seen,
 * and how to stop it. Each provider module has one, started with {@code start(port, latency, faults)}.
 */
public interface ProviderEmulator extends AutoCloseable {

    /** The port on 127.0.0.1. */
    int port();

    /** The base URL to configure the provider with ({@code base_url} or {@code QEXEC_<PROVIDER>_BASE_URL}). */
    URI baseUrl();

    /** The number of jobs created; a repeated submission the provider de-duplicates creates none. */
    long submissions();

    /** The number of jobs cancelled. */
    long cancellations();

    /** The number of faults injected so far. */
    long injectedFaults();

    /** Stops the server at once. */
    @Override
    void close();
}
