package io.qexec.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's form of a dispatch: every distinct circuit once (in {@link Dispatch#toJson()}'s circuit form),
 * then one small entry per job referring to it. A sweep of 10,000 jobs over one circuit stores the circuit once.
 */
final class DispatchCodec {
    static final String FORMAT = "qexec-journal-dispatch/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DispatchCodec() {
    }

    static String write(Dispatch dispatch) {
        Map<Circuit, Integer> byIdentity = new IdentityHashMap<>();
        Map<Circuit, Integer> byValue = new HashMap<>();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode circuits = root.putArray("circuits");
        ArrayNode jobs = root.putArray("jobs");
        for (Dispatch.Entry e : dispatch) {
            Circuit c = e.job().circuit();
            Integer k = byIdentity.get(c);
            if (k == null) {
                k = byValue.get(c);
                if (k == null) {
                    k = circuits.size();
                    circuits.add(circuitNode(c));
                    byValue.put(c, k);
                }
                byIdentity.put(c, k);
            }
            ObjectNode j = jobs.addObject();
            j.put("provider", e.provider());
            j.put("backend", e.backend());
            j.put("id", e.job().id());
            j.put("circuitIndex", e.job().circuitIndex());
            j.put("circuit", k);
            j.put("shots", e.job().shots());
            j.set("options", MAPPER.valueToTree(e.job().options()));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the dispatch as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Dispatch read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new JournalException("the journal holds an unreadable dispatch: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            return Dispatch.fromJson(json);
        }
        List<Circuit> circuits = new ArrayList<>();
        for (JsonNode c : root.get("circuits")) {
            circuits.add(circuit(c));
        }
        Dispatch.Builder b = Dispatch.builder();
        for (JsonNode j : root.get("jobs")) {
            Map<String, Object> options = MAPPER.convertValue(j.get("options"), LinkedHashMap.class);
            b.add(j.get("provider").asText(), j.get("backend").asText(), new Job(j.get("id").asText(),
                    j.get("circuitIndex").asInt(), circuits.get(j.get("circuit").asInt()), j.get("shots").asInt(), options));
        }
        return b.build();
    }

    /** A circuit in the dispatch JSON's circuit form (taken from a one-job dispatch). */
    private static JsonNode circuitNode(Circuit c) {
        try {
            return MAPPER.readTree(Dispatch.builder().add("p", "b", c, 1).build().toJson()).get("p").get("b").get(0)
                    .get("circuit");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a circuit as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Circuit circuit(JsonNode node) {
        ObjectNode job = MAPPER.createObjectNode();
        job.set("circuit", node);
        job.put("shots", 1);
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("p").putArray("b").add(job);
        return Dispatch.fromJson(root.toString()).entries().get(0).job().circuit();
    }
}
