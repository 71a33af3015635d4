package io.qexec.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Job results as JSON, and back: an array of objects with the {@link JobResult} components as keys (instants
 * in ISO-8601, errors as {@code {kind, message, providerDetail}}), so results can be stored, sent to another
 * process or shown by a dashboard.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = mapper();

    private ResultJson() {
    }

    /** The results as a JSON array. */
    public static String write(List<JobResult> results) {
        try {
            return MAPPER.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write results as JSON (metadata must hold JSON-like values): "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Results from a JSON array written by {@link #write(List)}.
     *
     * @throws IllegalArgumentException if the text is not such an array
     */
    public static List<JobResult> read(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<List<JobResult>>() {
            });
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a JSON array of job results: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule time = new SimpleModule("qexec-instants");
        time.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return Instant.parse(parser.getValueAsString());
            }
        });
        ObjectMapper m = new ObjectMapper().registerModule(time).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        m.setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.ALL,
                com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE);
        m.setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.FIELD,
                com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY);
        m.setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.CREATOR,
                com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY);
        return m;
    }
}
