package io.qexec.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON Schema shipped in the jar matches the reader and the copy in docs/. */
class ExperimentSchemaTest {
    private static final String RESOURCE = "/io/qexec/experiment/experiment.schema.json";

    private static String resource() throws IOException {
        try (InputStream in = Experiment.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("schema resource").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void describesExactlyTheKeysTheReaderAccepts() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(resource());
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(ExperimentReader.TOP_LEVEL);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.at("/properties/output/properties/format/enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(OutputSettings.FORMATS);
    }

    @Test
    void theDocsCopyIsTheSame() throws IOException {
        assertThat(Files.readString(Path.of("..", "docs", "experiment.schema.json"))).isEqualTo(resource());
    }
}
