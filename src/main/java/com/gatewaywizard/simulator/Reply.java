package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** An ARM answer before it goes on the wire: status, JSON body (or none) and extra headers. */
record Reply(int status, JsonNode body, Map<String, String> headers) {

    static Reply ok(JsonNode body) {
        return new Reply(200, body, new LinkedHashMap<>());
    }

    static Reply of(int status, JsonNode body) {
        return new Reply(status, body, new LinkedHashMap<>());
    }

    static Reply noContent() {
        return new Reply(204, null, new LinkedHashMap<>());
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
