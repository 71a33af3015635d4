package io.qexec.journal;

import io.qexec.provider.ProviderJob;
import io.qexec.result.JobResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What resuming a run does with each of its jobs.
 *
 * @param runId the run
 * @param steps per job id, in dispatch order
 */
record ResumePlan(String runId, Map<String, Step> steps) {

    /**
     * One job's step.
     *
     * @param action what happens
     * @param provider the job's provider
     * @param handle the recorded (or looked-up) handle, for {@link JobAction#KEEP} and {@link JobAction#REATTACH}
     * @param result the recorded final result, for {@link JobAction#KEEP}
     */
    record Step(JobAction action, String provider, ProviderJob handle, JobResult result) {
    }

    ResumePlan {
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    Map<JobAction, Integer> counts() {
        Map<JobAction, Integer> out = new EnumMap<>(JobAction.class);
        steps.values().forEach(s -> out.merge(s.action(), 1, Integer::sum));
        return out;
    }

    Map<String, Step> forProvider(String provider) {
        Map<String, Step> out = new LinkedHashMap<>();
        steps.forEach((id, s) -> {
            if (s.provider().equals(provider)) {
                out.put(id, s);
            }
        });
        return out;
    }
}
