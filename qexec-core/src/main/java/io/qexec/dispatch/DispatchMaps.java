package io.qexec.dispatch;

import io.qexec.circuit.Circuit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nested-map form of a dispatch. */
final class DispatchMaps {
    static final Set<String> JOB_KEYS = Set.of("id", "circuit", "circuit_index", "shots", "options", "configuration",
            "config");

    private DispatchMaps() {
    }

    static Dispatch read(Map<String, ?> map) {
        Dispatch.Builder b = Dispatch.builder();
        for (Map.Entry<String, ?> p : map.entrySet()) {
            String provider = p.getKey();
            if (!(p.getValue() instanceof Map<?, ?> backends)) {
                throw new IllegalArgumentException("provider '" + provider + "': expected a map of backend name to jobs, got "
                        + typeName(p.getValue()));
            }
            for (Map.Entry<?, ?> be : backends.entrySet()) {
                String backend = String.valueOf(be.getKey());
                String where = provider + "/" + backend;
                if (!(be.getValue() instanceof List<?> list)) {
                    throw new IllegalArgumentException(where + ": expected a list of jobs, got " + typeName(be.getValue()));
                }
                for (int i = 0; i < list.size(); i++) {
                    b.add(provider, backend, readJob(list.get(i), where + " job " + i));
                }
            }
        }
        return b.build();
    }

    private static Job readJob(Object value, String where) {
        if (!(value instanceof Map<?, ?> job)) {
            throw new IllegalArgumentException(where + ": expected a job map, got " + typeName(value));
        }
        List<String> unknown = new ArrayList<>();
        for (Object k : job.keySet()) {
            if (!JOB_KEYS.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown key" + (unknown.size() == 1 ? " " : "s ") + unknown
                    + " (known: id, circuit, circuit_index, shots, options; 'configuration' and 'config' are accepted for options)");
        }
        if (!job.containsKey("circuit")) {
            throw new IllegalArgumentException(where + ": 'circuit' is missing");
        }
        if (!job.containsKey("shots")) {
            throw new IllegalArgumentException(where + ": 'shots' is missing");
        }
        Circuit circuit;
        try {
            circuit = Circuits.one(job.get("circuit"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        int shots = integer(job.get("shots"), where, "shots");
        int index = job.containsKey("circuit_index") ? integer(job.get("circuit_index"), where, "circuit_index") : 0;
        Object id = job.get("id");
        List<String> optionKeys = new ArrayList<>();
        for (String k : List.of("options", "configuration", "config")) {
            if (job.containsKey(k)) {
                optionKeys.add(k);
            }
        }
        if (optionKeys.size() > 1) {
            throw new IllegalArgumentException(where + ": options are given twice, under " + optionKeys + "; use 'options'");
        }
        Object options = optionKeys.isEmpty() ? Map.of() : job.get(optionKeys.get(0));
        if (options == null) {
            options = Map.of();
        }
        if (!(options instanceof Map<?, ?> om)) {
            throw new IllegalArgumentException(where + ": '" + optionKeys.get(0) + "' must be a map, got " + typeName(options));
        }
        Map<String, Object> opts = new LinkedHashMap<>();
        om.forEach((k, v) -> opts.put(String.valueOf(k), v));
        try {
            return new Job(id == null ? null : String.valueOf(id), index, circuit, shots, opts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static int integer(Object value, String where, String key) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new IllegalArgumentException(where + ": '" + key + "' is out of range: " + v);
            }
            return (int) v;
        }
        throw new IllegalArgumentException(where + ": '" + key + "' must be a whole number, got " + typeName(value)
                + (value == null ? "" : " " + value));
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    static Map<String, Map<String, List<Map<String, Object>>>> write(Dispatch dispatch) {
        Map<String, Map<String, List<Map<String, Object>>>> out = new LinkedHashMap<>();
        dispatch.jobs().forEach((provider, backends) -> {
            Map<String, List<Map<String, Object>>> inner = new LinkedHashMap<>();
            backends.forEach((backend, jobs) -> {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Job j : jobs) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", j.id());
                    m.put("circuit_index", j.circuitIndex());
                    m.put("circuit", j.circuit());
                    m.put("shots", j.shots());
                    m.put("options", j.options());
                    list.add(m);
                }
                inner.put(backend, list);
            });
            out.put(provider, inner);
        });
        return out;
    }
}
