package io.qexec.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qexec.circuit.Circuit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for dispatches: the nested-map form with circuits in the structured form of {@link CircuitJson}. */
final class DispatchJson {
    private static final ObjectMapper MAPPER = CircuitJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DispatchJson() {
    }

    static String write(Dispatch dispatch) {
        try {
            return MAPPER.writeValueAsString(DispatchMaps.write(dispatch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dispatch as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Dispatch read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("a dispatch is a JSON object of provider → backend → jobs");
        }
        Map<String, Object> providers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = root.properties().iterator(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> pe = p.next();
            Map<String, Object> backends = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> b = pe.getValue().properties().iterator(); b.hasNext(); ) {
                Map.Entry<String, JsonNode> be = b.next();
                List<Map<String, Object>> jobs = new java.util.ArrayList<>();
                int i = 0;
                for (JsonNode jobNode : be.getValue()) {
                    jobs.add(readJob(jobNode, pe.getKey() + "/" + be.getKey() + " job " + i++));
                }
                backends.put(be.getKey(), jobs);
            }
            providers.put(pe.getKey(), backends);
        }
        return DispatchMaps.read(providers);
    }

    private static Map<String, Object> readJob(JsonNode node, String where) {
        Map<String, Object> job = MAPPER.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        JsonNode circuit = node.get("circuit");
        if (circuit != null && circuit.isObject()) {
            try {
                job.put("circuit", MAPPER.treeToValue(circuit, Circuit.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": invalid circuit: " + e.getMessage(), e);
            }
        }
        return job;
    }
}
