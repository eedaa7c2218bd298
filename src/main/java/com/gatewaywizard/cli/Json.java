package com.gatewaywizard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.azure.ContainerStateInfo;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.azure.InstanceResult;
import com.gatewaywizard.spec.Problem;
import java.time.Instant;
import java.util.Collection;

/** The {@code --json} shapes of the CLI's Azure commands: built field by field, so nothing unplanned (or secret) leaks. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String text(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line, for streams of objects (logs --follow --json). */
    static String line(Object node) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode problem(Problem p) {
        ObjectNode o = object();
        o.put("severity", p.severity().word());
        o.put("code", p.code());
        o.put("field", p.field());
        o.put("message", p.message());
        o.put("fix", p.fix());
        return o;
    }

    static ArrayNode problems(Collection<Problem> problems) {
        ArrayNode a = array();
        problems.forEach(p -> a.add(problem(p)));
        return a;
    }

    static ObjectNode explanation(Explanation x) {
        ObjectNode o = object();
        o.put("code", x.code());
        o.put("title", x.title());
        o.put("message", x.message());
        o.put("nextStep", x.nextStep());
        return o;
    }

    static ObjectNode status(GatewayStatus s) {
        ObjectNode o = object();
        o.put("name", s.ref().name());
        o.put("subscriptionId", s.ref().subscriptionId());
        o.put("resourceGroup", s.ref().resourceGroup());
        o.put("id", s.ref().id());
        o.put("pool", s.pool());
        o.put("instance", s.instance());
        o.put("managedByUs", s.managedByUs());
        o.put("region", s.region());
        o.put("state", s.state());
        o.put("provisioningState", s.provisioningState());
        o.put("ip", s.ip());
        o.put("image", s.image());
        o.put("cpu", s.cpu());
        o.put("memoryInGB", s.memoryGb());
        o.put("subnetId", s.subnetId());
        o.put("restartCount", s.restartCount());
        o.set("currentState", container(s.current()));
        o.set("previousState", container(s.previous()));
        o.put("containerStarted", time(s.containerStarted()));
        o.put("createdAt", time(s.createdAt()));
        ObjectNode tags = o.putObject("tags");
        s.tags().forEach(tags::put);
        ArrayNode events = o.putArray("events");
        s.events().forEach(e -> events.add(event(e)));
        return o;
    }

    static ObjectNode container(ContainerStateInfo c) {
        if (c == null) {
            return null;
        }
        ObjectNode o = object();
        o.put("state", c.state());
        o.put("startTime", time(c.startTime()));
        o.put("finishTime", time(c.finishTime()));
        if (c.exitCode() != null) {
            o.put("exitCode", c.exitCode());
        } else {
            o.putNull("exitCode");
        }
        o.put("detailStatus", c.detailStatus());
        return o;
    }

    static ObjectNode event(EventInfo e) {
        ObjectNode o = object();
        o.put("source", e.source());
        o.put("type", e.type());
        o.put("name", e.name());
        o.put("message", e.message());
        o.put("count", e.count());
        o.put("firstTimestamp", time(e.firstTimestamp()));
        o.put("lastTimestamp", time(e.lastTimestamp()));
        return o;
    }

    static ObjectNode instance(InstanceResult r) {
        ObjectNode o = object();
        o.put("name", r.name());
        o.put("running", r.running());
        if (r.status() != null) {
            o.put("state", r.status().state());
            o.put("ip", r.status().ip());
            o.put("resourceGroup", r.status().ref().resourceGroup());
        }
        if (r.failure() != null) {
            o.set("failure", explanation(r.failure()));
        }
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
