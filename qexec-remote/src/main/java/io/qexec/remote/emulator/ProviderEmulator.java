package io.qexec.remote.emulator;

import java.net.URI;

/**
 * A running provider emulator, as {@code qexec emulate} and tests hold it: where it listens, what it has seen,
 * and how to stop it. Each provider module has one, started with {@code start(port, latency, faults)}.
 */
public interface ProviderEmulator extends AutoCloseable {

    /** The HTTP server that serves the provider's routes and keeps the counters. */
    EmulatorServer server();

    /** The base URL to configure the provider with ({@code base_url} or {@code QEXEC_<PROVIDER>_BASE_URL}). */
    URI baseUrl();

    /** The port on 127.0.0.1. */
    default int port() {
        return server().port();
    }

    /** The number of jobs created; a repeated submission the provider de-duplicates creates none. */
    default long submissions() {
        return server().submissions();
    }

    /** The number of cancellations accepted. */
    default long cancellations() {
        return server().cancellations();
    }

    /** The number of requests received. */
    default long requests() {
        return server().requests();
    }

    /** The number of faults injected so far. */
    default long injectedFaults() {
        return server().injectedFaults();
    }

    /** The counters as other processes read them at {@value EmulatorServer#STATS_PATH}. */
    default String statsJson() {
        return server().statsJson();
    }

    /** Stops the server at once. */
    @Override
    default void close() {
        server().close();
    }
}
