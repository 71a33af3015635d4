package io.qexec.journal;

import java.time.Instant;

/**
 * One line of the run list.
 *
 * @param id the run's short id
 * @param name a readable name (the circuits' names unless set)
 * @param created when the run was recorded
 * @param status where the run stands
 * @param done jobs in a final state
 * @param total jobs in the run
 */
public record RunSummary(String id, String name, Instant created, RunStatus status, int done, int total) {
}
