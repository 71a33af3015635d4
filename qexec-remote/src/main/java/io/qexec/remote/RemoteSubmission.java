package io.qexec.remote;

import java.util.List;
import java.util.Objects;

/**
 * An accepted submission.
 *
 * @param jobId the provider's job id
 * @param tag the tag the job was submitted with
 * @param submissions how many times the job was sent (more than one only when the provider certainly had not
 *     received the earlier sends)
 * @param events what happened on the way (ambiguous sends and how they were resolved)
 */
public record RemoteSubmission(String jobId, String tag, int submissions, List<String> events) {

    public RemoteSubmission {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(tag, "tag");
        events = List.copyOf(events);
    }

    /** Whether the submission was ambiguous at some point (and resolved). */
    public boolean wasAmbiguous() {
        return !events.isEmpty();
    }
}
