package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparator the contract tests rely on must itself catch differences. */
class JsonShapeTest {
    static JsonNode j(String json) throws Exception {
        return ArmJson.MAPPER.readTree(json);
    }

    @Test
    void aMissingKeyIsReportedWithItsPath() throws Exception {
        assertEquals(List.of("properties.provisioningState: missing"),
                new JsonShape().compare(j("{\"properties\":{\"provisioningState\":\"Pending\"}}"), j("{\"properties\":{}}")));
    }

    @Test
    void aDifferentJsonTypeIsReported() throws Exception {
        assertEquals(List.of("properties.cpu: expected number but was string \"1\""),
                new JsonShape().compare(j("{\"properties\":{\"cpu\":1}}"), j("{\"properties\":{\"cpu\":\"1\"}}")));
    }

    @Test
    void valuesAreComparedExceptNamesIdsAndTimes() throws Exception {
        JsonNode exp = j("{\"name\":\"demo1\",\"id\":\"/subscriptions/x\",\"properties\":{\"state\":\"Running\",\"cpu\":1,"
                + "\"startTime\":\"2017-10-17T17:27:21Z\"}}");
        JsonNode act = j("{\"name\":\"gw\",\"id\":\"/subscriptions/y\",\"properties\":{\"state\":\"Pending\",\"cpu\":1.0,"
                + "\"startTime\":\"2026-12-03T10:00:00Z\"},\"extra\":true}");
        assertEquals(List.of("properties.state: expected \"Running\" but was \"Pending\""), new JsonShape().compare(exp, act));
    }

    @Test
    void arrayElementsAreComparedAndAnEmptyActualArrayIsReported() throws Exception {
        JsonNode exp = j("{\"ports\":[{\"port\":80,\"protocol\":\"TCP\"}],\"events\":[{\"name\":\"Pulled\"}]}");
        JsonNode act = j("{\"ports\":[{\"port\":443}],\"events\":[]}");
        assertEquals(List.of("ports[].port: expected 80 but was 443", "ports[].protocol: missing", "events: expected 1 element(s) but was empty"),
                new JsonShape().compare(exp, act));
    }

    @Test
    void allowancesAreExplicitPerPath() throws Exception {
        JsonNode exp = j("{\"properties\":{\"ip\":{\"v\":1},\"state\":\"Running\",\"list\":[1]}}");
        JsonNode act = j("{\"properties\":{\"state\":\"Pending\",\"list\":[]}}");
        JsonShape shape = new JsonShape().allowMissing("properties.ip", "test").ignoreValue("properties.state", "test")
                .allowEmptyArray("properties.list", "test");
        assertEquals(List.of(), shape.compare(exp, act));
    }

    @Test
    void namedElementsArePairedByName() throws Exception {
        JsonNode exp = j("[{\"name\":\"eastus\",\"geo\":\"US\"}]");
        JsonNode act = j("[{\"name\":\"westeurope\",\"geo\":\"Europe\"},{\"name\":\"eastus\",\"geo\":\"US\"}]");
        assertEquals(List.of(), new JsonShape().compare(exp, act));
        assertEquals(List.of("[].geo: expected \"US\" but was \"Europe\""),
                new JsonShape().compare(j("[{\"geo\":\"US\"}]"), j("[{\"geo\":\"Europe\"}]")));
    }
}
