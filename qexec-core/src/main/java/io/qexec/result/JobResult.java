package io.qexec.result;

import io.qexec.circuit.Bitstrings;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One job's result, at any point of its life: a pending job has state {@link JobState#PENDING} and no
 * counts; a failed one has state {@link JobState#FAILED} and an {@link #error()}.
 *
 * <p>Counts are keyed in the shared bit order (see {@link Bitstrings}): classical bit 0 is the rightmost
 * character.
 *
 * @param circuitIndex the position of the job's circuit in the experiment (0 for a single circuit)
 * @param circuitName the circuit's name (may be empty)
 * @param jobId the job's id in the dispatch
 * @param provider the provider's name
 * @param backend the backend's name
 * @param shots the shots asked for
 * @param state the job's canonical state
 * @param counts outcome counts, empty unless completed
 * @param memory every shot's outcome in order, when asked for with the {@code memory} option
 * @param error why the job failed or was cancelled; {@code null} otherwise
 * @param providerJobId the provider's id for the job once accepted; empty before
 * @param timings when the job was submitted, started and finished
 * @param metadata what the provider reported beyond counts (method, seed, queue position, ...)
 */
public record JobResult(int circuitIndex, String circuitName, String jobId, String provider, String backend, int shots,
                        JobState state, SortedMap<String, Long> counts, List<String> memory, JobError error,
                        String providerJobId, JobTimings timings, Map<String, Object> metadata) {

    public JobResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        circuitName = circuitName == null ? "" : circuitName;
        counts = counts == null || counts.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        memory = memory == null ? List.of() : List.copyOf(memory);
        providerJobId = providerJobId == null ? "" : providerJobId;
        timings = timings == null ? JobTimings.NONE : timings;
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A placeholder for a job that has not been submitted yet. */
    public static JobResult pending(int circuitIndex, String circuitName, String jobId, String provider, String backend,
                                    int shots) {
        return new JobResult(circuitIndex, circuitName, jobId, provider, backend, shots, JobState.PENDING, null, null,
                null, "", JobTimings.NONE, Map.of());
    }

    /** Whether the job reached a terminal state. */
    public boolean isDone() {
        return state.isTerminal();
    }

    /** Whether the job completed with counts. */
    public boolean isSuccess() {
        return state == JobState.COMPLETED;
    }

    /** The error, when the job failed or was cancelled. */
    public Optional<JobError> failure() {
        return Optional.ofNullable(error);
    }

    /** The total of the counts (equal to {@link #shots()} for a completed job). */
    public long totalCounts() {
        long total = 0;
        for (long c : counts.values()) {
            total += c;
        }
        return total;
    }

    /** Outcome frequencies: each count divided by the total; empty when there are no counts. */
    public SortedMap<String, Double> probabilities() {
        return Distributions.normalise(counts);
    }

    /**
     * Counts over a subset of the classical bits. The result's bitstrings have one character per chosen bit,
     * {@code clbits[0]} rightmost, without register grouping.
     *
     * @param clbits flat classical bit indices
     */
    public SortedMap<String, Long> marginalCounts(int... clbits) {
        if (clbits.length == 0) {
            throw new IllegalArgumentException("marginalCounts needs at least one classical bit");
        }
        SortedMap<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            BitSet bits = Bitstrings.parse(e.getKey());
            int width = e.getKey().replace(" ", "").length();
            char[] chars = new char[clbits.length];
            for (int i = 0; i < clbits.length; i++) {
                if (clbits[i] < 0 || clbits[i] >= width) {
                    throw new IllegalArgumentException("classical bit " + clbits[i] + " is out of range: the results have "
                            + width + " bits");
                }
                chars[clbits.length - 1 - i] = bits.get(clbits[i]) ? '1' : '0';
            }
            out.merge(new String(chars), e.getValue(), Long::sum);
        }
        return out;
    }

    /**
     * The expectation value of a Z-string over the classical bits: a string of {@code Z} and {@code I}, one
     * character per bit in the bitstrings' order (rightmost = classical bit 0; spaces ignored). Each outcome
     * contributes its probability times {@code (-1)^(number of 1s under a Z)}.
     *
     * @throws IllegalArgumentException if the string has other characters or the wrong length
     * @throws IllegalStateException if there are no counts
     */
    public double expectationZ(String zString) {
        String ops = zString.replace(" ", "");
        if (!ops.matches("[ZIzi]*")) {
            throw new IllegalArgumentException("a Z-string holds only 'Z' and 'I', got '" + zString + "'");
        }
        if (counts.isEmpty()) {
            throw new IllegalStateException("job " + jobId + " has no counts (state " + state + ")");
        }
        double total = totalCounts();
        double sum = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String digits = e.getKey().replace(" ", "");
            if (digits.length() != ops.length()) {
                throw new IllegalArgumentException("Z-string '" + zString + "' has " + ops.length()
                        + " characters but the results have " + digits.length() + " bits");
            }
            int parity = 0;
            for (int i = 0; i < ops.length(); i++) {
                if ((ops.charAt(i) == 'Z' || ops.charAt(i) == 'z') && digits.charAt(i) == '1') {
                    parity ^= 1;
                }
            }
            sum += (parity == 0 ? 1 : -1) * e.getValue() / total;
        }
        return sum;
    }

    /** This result in a new state. */
    public JobResult withState(JobState newState) {
        return new JobResult(circuitIndex, circuitName, jobId, provider, backend, shots, newState, counts, memory, error,
                providerJobId, timings, metadata);
    }

    /** This result with the provider's job id. */
    public JobResult withProviderJobId(String id) {
        return new JobResult(circuitIndex, circuitName, jobId, provider, backend, shots, state, counts, memory, error, id,
                timings, metadata);
    }

    /** This result with new timings. */
    public JobResult withTimings(JobTimings newTimings) {
        return new JobResult(circuitIndex, circuitName, jobId, provider, backend, shots, state, counts, memory, error,
                providerJobId, newTimings, metadata);
    }

    /** This result completed with counts, memory and metadata. */
    public JobResult completed(Map<String, Long> newCounts, List<String> newMemory, Map<String, Object> newMetadata) {
        return new JobResult(circuitIndex, circuitName, jobId, provider, backend, shots, JobState.COMPLETED,
                new TreeMap<>(newCounts), newMemory, null, providerJobId, timings, newMetadata);
    }

    /** This result ended with an error: {@link JobState#CANCELLED} for a cancellation, else {@link JobState#FAILED}. */
    public JobResult failed(JobError newError) {
        JobState end = newError.kind() == JobError.Kind.CANCELLED ? JobState.CANCELLED : JobState.FAILED;
        return new JobResult(circuitIndex, circuitName, jobId, provider, backend, shots, end, counts, memory, newError,
                providerJobId, timings, metadata);
    }
}
