package io.qexec.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qexec.provider.ProviderJob;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.JobTimings;
import io.qexec.result.MergedResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON forms of what the journal keeps: results, errors, handles, merged results, maps. */
final class JournalCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private JournalCodec() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> readMap(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new JournalException("the journal holds invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String handle(ProviderJob h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", h.provider());
        m.put("backend", h.backend());
        m.put("id", h.id());
        m.put("attributes", h.attributes());
        return write(m);
    }

    @SuppressWarnings("unchecked")
    static ProviderJob handle(String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> m = readMap(json);
        Map<String, String> attributes = new LinkedHashMap<>();
        ((Map<String, Object>) m.getOrDefault("attributes", Map.of())).forEach((k, v) -> attributes.put(k, String.valueOf(v)));
        return new ProviderJob((String) m.get("provider"), (String) m.get("backend"), (String) m.get("id"), attributes);
    }

    static Map<String, Object> error(JobError e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name());
        m.put("message", e.message());
        m.put("providerDetail", e.providerDetail());
        return m;
    }

    static JobError error(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        return new JobError(JobError.Kind.valueOf((String) m.get("kind")), (String) m.get("message"),
                (String) m.get("providerDetail"));
    }

    static String result(JobResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("circuitIndex", r.circuitIndex());
        m.put("circuitName", r.circuitName());
        m.put("jobId", r.jobId());
        m.put("provider", r.provider());
        m.put("backend", r.backend());
        m.put("shots", r.shots());
        m.put("state", r.state().name());
        m.put("counts", r.counts());
        m.put("memory", r.memory());
        m.put("error", error(r.error()));
        m.put("providerJobId", r.providerJobId());
        m.put("submitted", instant(r.timings().submitted()));
        m.put("started", instant(r.timings().started()));
        m.put("finished", instant(r.timings().finished()));
        m.put("metadata", r.metadata());
        return write(m);
    }

    @SuppressWarnings("unchecked")
    static JobResult result(String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> m = readMap(json);
        TreeMap<String, Long> counts = new TreeMap<>();
        ((Map<String, Object>) m.getOrDefault("counts", Map.of())).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        return new JobResult(((Number) m.get("circuitIndex")).intValue(), (String) m.get("circuitName"),
                (String) m.get("jobId"), (String) m.get("provider"), (String) m.get("backend"),
                ((Number) m.get("shots")).intValue(), JobState.valueOf((String) m.get("state")), counts,
                (List<String>) m.get("memory"), error((Map<String, Object>) m.get("error")),
                (String) m.get("providerJobId"), new JobTimings(instant((String) m.get("submitted")),
                instant((String) m.get("started")), instant((String) m.get("finished"))),
                (Map<String, Object>) m.get("metadata"));
    }

    static String merged(MergedResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", r.policy());
        Object value;
        try {
            value = MAPPER.convertValue(r.value(), Object.class);
        } catch (IllegalArgumentException e) {
            value = String.valueOf(r.value());
        }
        m.put("value", value);
        m.put("initialData", r.initialData());
        m.put("finalData", r.finalData());
        m.put("error", error(r.error()));
        return write(m);
    }

    @SuppressWarnings("unchecked")
    static MergedResult merged(String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> m = readMap(json);
        return new MergedResult((String) m.get("policy"), m.get("value"), (Map<String, Object>) m.get("initialData"),
                (Map<String, Object>) m.get("finalData"), error((Map<String, Object>) m.get("error")));
    }

    static String instant(Instant t) {
        return t == null ? null : t.toString();
    }

    static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
