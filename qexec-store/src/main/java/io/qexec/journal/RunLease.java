package io.qexec.journal;

import java.time.Instant;

/**
 * Which process drives a run: only one at a time may submit or poll its jobs. A lease whose process is no
 * longer alive on the same host is stale and is taken over.
 *
 * @param runId the run
 * @param pid the owning process id
 * @param host the owning process's host name
 * @param since when the lease was taken
 */
public record RunLease(String runId, long pid, String host, Instant since) {
}
