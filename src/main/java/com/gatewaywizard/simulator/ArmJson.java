package com.gatewaywizard.simulator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/** Jackson helpers shared by the simulator. */
final class ArmJson {
    /** Maps the world model by its fields; unknown fields in a state file are ignored. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ArmJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            // ARM's wording for a body that is not JSON.
            throw ArmException.badRequest("InvalidRequestContent",
                    "The request content was invalid and could not be deserialized: '" + firstLine(e.getMessage()) + "'.");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ARM timestamp with 7 fractional digits, as in {@code startTime} of async operations. */
    static String ticks(long epochMillis) {
        Instant i = Instant.ofEpochMilli(epochMillis);
        String base = SECONDS.format(i);
        return base.substring(0, base.length() - 1) + String.format(".%03d0000Z", epochMillis % 1000);
    }

    /** Container timestamps: milliseconds, as ACI's {@code currentState.startTime} ({@code 2023-02-07T16:09:11.786Z}). */
    static String millis(long epochMillis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** Event timestamps: whole seconds ({@code 2023-02-07T16:08:49Z}). */
    static String seconds(long epochMillis) {
        return SECONDS.format(Instant.ofEpochMilli(epochMillis));
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Case-insensitive lookup of an object member (ARM treats JSON property names case-insensitively). */
    static JsonNode getIgnoreCase(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(field);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    static ObjectNode objectOrEmpty(JsonNode node) {
        return node instanceof ObjectNode o ? o : object();
    }
}
