package io.qexec.dispatch;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.qexec.circuit.Barrier;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.Gate;
import io.qexec.circuit.GateModifier;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.ModifiedGate;
import io.qexec.circuit.Reset;
import io.qexec.circuit.StandardGate;
import io.qexec.circuit.WhileLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The structured JSON form of circuits: records as objects of their components, instructions tagged by
 * {@code op}, expressions by {@code expr}, modifiers by {@code modifier}; a library gate is its OpenQASM
 * name, a defined or modified gate an object tagged by {@code gate}.
 */
final class CircuitJson {
    private CircuitJson() {
    }

    /** A mapper that reads and writes circuits (and any records holding them) in the structured form. */
    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.addMixIn(Instruction.class, InstructionMixin.class);
        mapper.addMixIn(Expr.class, ExprMixin.class);
        mapper.addMixIn(GateModifier.class, ModifierMixin.class);
        SimpleModule gates = new SimpleModule("qexec-gates");
        gates.addSerializer(Gate.class, new GateWriter());
        gates.addDeserializer(Gate.class, new GateReader());
        mapper.registerModule(gates);
        return mapper;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = GateOp.class, name = "gate"),
            @JsonSubTypes.Type(value = Measure.class, name = "measure"),
            @JsonSubTypes.Type(value = Reset.class, name = "reset"),
            @JsonSubTypes.Type(value = Barrier.class, name = "barrier"),
            @JsonSubTypes.Type(value = IfElse.class, name = "if_else"),
            @JsonSubTypes.Type(value = WhileLoop.class, name = "while_loop")})
    interface InstructionMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "expr")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Expr.Constant.class, name = "constant"),
            @JsonSubTypes.Type(value = Expr.Symbol.class, name = "symbol"),
            @JsonSubTypes.Type(value = Expr.Negate.class, name = "negate"),
            @JsonSubTypes.Type(value = Expr.Binary.class, name = "binary"),
            @JsonSubTypes.Type(value = Expr.Call.class, name = "call")})
    interface ExprMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "modifier")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = GateModifier.Control.class, name = "ctrl"),
            @JsonSubTypes.Type(value = GateModifier.Inverse.class, name = "inv"),
            @JsonSubTypes.Type(value = GateModifier.Power.class, name = "pow")})
    interface ModifierMixin {
    }

    static final class GateWriter extends JsonSerializer<Gate> {
        @Override
        public void serialize(Gate gate, JsonGenerator gen, SerializerProvider provider) throws IOException {
            switch (gate) {
                case StandardGate s -> gen.writeString(s.qasmName());
                case DefinedGate d -> {
                    gen.writeStartObject();
                    gen.writeStringField("gate", "defined");
                    gen.writeStringField("name", d.name());
                    gen.writeObjectField("parameterNames", d.parameterNames());
                    gen.writeNumberField("numQubits", d.numQubits());
                    gen.writeFieldName("definition");
                    gen.writeStartArray();
                    for (Instruction i : d.definition()) {
                        provider.findTypedValueSerializer(i.getClass(), true, null).serialize(i, gen, provider);
                    }
                    gen.writeEndArray();
                    gen.writeBooleanField("opaque", d.opaque());
                    gen.writeEndObject();
                }
                case ModifiedGate m -> {
                    gen.writeStartObject();
                    gen.writeStringField("gate", "modified");
                    gen.writeFieldName("base");
                    serialize(m.base(), gen, provider);
                    gen.writeFieldName("modifier");
                    provider.findTypedValueSerializer(m.modifier().getClass(), true, null).serialize(m.modifier(), gen, provider);
                    gen.writeEndObject();
                }
            }
        }
    }

    static final class GateReader extends JsonDeserializer<Gate> {
        @Override
        public Gate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            return read(node, parser, context);
        }

        private Gate read(JsonNode node, JsonParser parser, DeserializationContext context) throws IOException {
            if (node.isTextual()) {
                String name = node.asText();
                return StandardGate.byName(name)
                        .orElseThrow(() -> new IllegalArgumentException("unknown library gate '" + name + "'"));
            }
            String kind = node.path("gate").asText();
            ObjectMapper codec = (ObjectMapper) parser.getCodec();
            if (kind.equals("defined")) {
                List<String> params = new ArrayList<>();
                node.path("parameterNames").forEach(n -> params.add(n.asText()));
                List<Instruction> body = new ArrayList<>();
                for (JsonNode i : node.path("definition")) {
                    body.add(codec.treeToValue(i, Instruction.class));
                }
                return new DefinedGate(node.path("name").asText(), params, node.path("numQubits").asInt(), body,
                        node.path("opaque").asBoolean());
            }
            if (kind.equals("modified")) {
                Gate base = read(node.path("base"), parser, context);
                return new ModifiedGate(base, codec.treeToValue(node.path("modifier"), GateModifier.class));
            }
            throw new IllegalArgumentException("a gate is a library gate name or an object with \"gate\": \"defined\" or"
                    + " \"modified\", got " + node);
        }
    }
}
