package io.qexec.dispatch;

import io.qexec.circuit.Circuit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The explicit plan of a run: provider → backend → list of {@link Job}s, in insertion order. Immutable; build
 * one with {@link #builder()}, from nested maps with {@link #fromMap(Map)}, from JSON with
 * {@link #fromJson(String)}, or let a split policy generate it.
 *
 * <pre>{@code
 * Dispatch d = Dispatch.builder()
 *         .add("local", "statevector", bell, 1000)
 *         .add("local", "fake_5q", bell, 1000, Map.of("seed", 7))
 *         .build();
 * }</pre>
 *
 * <p>Building does not check provider or backend names, shots or widths: the executor validates the whole
 * dispatch against the configured providers before the first submission and reports every problem at once.
 */
public final class Dispatch implements Iterable<Dispatch.Entry> {

    /**
     * One job with its target.
     *
     * @param provider the provider's name
     * @param backend the backend's name
     * @param job the job
     */
    public record Entry(String provider, String backend, Job job) {
    }

    private static final Dispatch EMPTY = new Dispatch(Map.of());

    private final Map<String, Map<String, List<Job>>> jobs;
    private final List<Entry> entries;

    private Dispatch(Map<String, Map<String, List<Job>>> source) {
        Map<String, Map<String, List<Job>>> outer = new LinkedHashMap<>();
        List<Entry> flat = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        source.forEach((provider, backends) -> {
            Map<String, List<Job>> inner = new LinkedHashMap<>();
            backends.forEach((backend, list) -> {
                for (Job job : list) {
                    if (!ids.add(job.id())) {
                        throw new IllegalArgumentException("job id '" + job.id() + "' is used twice in the dispatch");
                    }
                    flat.add(new Entry(provider, backend, job));
                }
                inner.put(backend, List.copyOf(list));
            });
            outer.put(provider, Collections.unmodifiableMap(inner));
        });
        this.jobs = Collections.unmodifiableMap(outer);
        this.entries = List.copyOf(flat);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The dispatch with no jobs. */
    public static Dispatch empty() {
        return EMPTY;
    }

    /**
     * A dispatch from nested maps: provider → backend → list of job maps. A job map has {@code circuit} (a
     * {@link Circuit} or OpenQASM text) and {@code shots}, and optionally {@code id}, {@code circuit_index} and
     * per-job options under {@code options} (also accepted under the names {@code configuration} and
     * {@code config}). Any other key is an error.
     *
     * @throws IllegalArgumentException naming the provider, backend, position and problem
     */
    public static Dispatch fromMap(Map<String, ?> map) {
        return DispatchMaps.read(map);
    }

    /**
     * A dispatch from its JSON form (see {@link #toJson()}).
     *
     * @throws IllegalArgumentException if the text is not a valid dispatch
     */
    public static Dispatch fromJson(String json) {
        return DispatchJson.read(json);
    }

    /** The jobs, provider → backend → list in insertion order (immutable). */
    public Map<String, Map<String, List<Job>>> jobs() {
        return jobs;
    }

    /** Every job with its target, in insertion order. */
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public Iterator<Entry> iterator() {
        return entries.iterator();
    }

    /** The number of jobs. */
    public int size() {
        return entries.size();
    }

    /** Whether there is no job. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The sum of every job's shots. */
    public long totalShots() {
        long total = 0;
        for (Entry e : entries) {
            total += e.job().shots();
        }
        return total;
    }

    /** The targets: provider → backend names, in insertion order. */
    public Map<String, List<String>> targets() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        jobs.forEach((p, backends) -> out.put(p, List.copyOf(backends.keySet())));
        return Collections.unmodifiableMap(out);
    }

    /** Shots per backend, keyed {@code provider/backend}, in insertion order. */
    public Map<String, Long> shotsByBackend() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.merge(e.provider() + "/" + e.backend(), (long) e.job().shots(), Long::sum);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Shots per circuit index. */
    public SortedMap<Integer, Long> shotsByCircuit() {
        SortedMap<Integer, Long> out = new TreeMap<>();
        for (Entry e : entries) {
            out.merge(e.job().circuitIndex(), (long) e.job().shots(), Long::sum);
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** A dispatch with this one's jobs followed by {@code other}'s. */
    public Dispatch plus(Dispatch other) {
        Builder b = builder();
        for (Entry e : this) {
            b.add(e.provider(), e.backend(), e.job());
        }
        for (Entry e : other) {
            b.add(e.provider(), e.backend(), e.job());
        }
        return b.build();
    }

    /** This dispatch with every job's circuit index set to {@code index}. */
    public Dispatch withCircuitIndex(int index) {
        Builder b = builder();
        for (Entry e : this) {
            b.add(e.provider(), e.backend(), e.job().withCircuitIndex(index));
        }
        return b.build();
    }

    /**
     * The nested-map form accepted by {@link #fromMap(Map)}: job maps with {@code id}, {@code circuit_index},
     * {@code circuit} (the {@link Circuit}), {@code shots} and {@code options}.
     */
    public Map<String, Map<String, List<Map<String, Object>>>> toMap() {
        return DispatchMaps.write(this);
    }

    /** The JSON form: the nested map with circuits in a structured JSON form. */
    public String toJson() {
        return DispatchJson.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dispatch d && d.jobs.equals(jobs);
    }

    @Override
    public int hashCode() {
        return jobs.hashCode();
    }

    @Override
    public String toString() {
        return "Dispatch[jobs=" + size() + ", shots=" + totalShots() + ", targets=" + targets() + "]";
    }

    /**
     * Builds a {@link Dispatch}. A circuit added without an explicit index gets the index of the first equal
     * circuit already added, or the next free index.
     */
    public static final class Builder {
        private final Map<String, Map<String, List<Job>>> jobs = new LinkedHashMap<>();
        private final Map<Circuit, Integer> indices = new HashMap<>();

        private Builder() {
        }

        /** Adds a job as given. */
        public Builder add(String provider, String backend, Job job) {
            requireName(provider, "provider");
            requireName(backend, "backend");
            indices.putIfAbsent(job.circuit(), job.circuitIndex());
            jobs.computeIfAbsent(provider, k -> new LinkedHashMap<>()).computeIfAbsent(backend, k -> new ArrayList<>())
                    .add(job);
            return this;
        }

        /** Adds a job without options. */
        public Builder add(String provider, String backend, Circuit circuit, int shots) {
            return add(provider, backend, circuit, shots, Map.of());
        }

        /** Adds a job with options. */
        public Builder add(String provider, String backend, Circuit circuit, int shots, Map<String, Object> options) {
            return add(provider, backend, new Job(null, indexOf(circuit), circuit, shots, options));
        }

        /**
         * Adds one job per circuit, with one shot count for all or one per circuit.
         *
         * @throws IllegalArgumentException if {@code shots} has neither one element nor one per circuit
         */
        public Builder addAll(String provider, String backend, List<Circuit> circuits, List<Integer> shots,
                              Map<String, Object> options) {
            if (shots.size() != 1 && shots.size() != circuits.size()) {
                throw new IllegalArgumentException("shots must be one number or one per circuit: " + circuits.size()
                        + " circuits, " + shots.size() + " shot counts");
            }
            for (int i = 0; i < circuits.size(); i++) {
                add(provider, backend, circuits.get(i), shots.get(shots.size() == 1 ? 0 : i), options);
            }
            return this;
        }

        /** The dispatch. */
        public Dispatch build() {
            return jobs.isEmpty() ? EMPTY : new Dispatch(jobs);
        }

        private int indexOf(Circuit circuit) {
            Integer known = indices.get(circuit);
            if (known != null) {
                return known;
            }
            int next = indices.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            indices.put(circuit, next);
            return next;
        }

        private static void requireName(String name, String what) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(what + " name must not be empty");
            }
        }
    }
}
