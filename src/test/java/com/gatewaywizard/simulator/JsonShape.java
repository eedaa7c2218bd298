package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares a simulator answer with a real one (an official example or a recorded response): every key of the
 * expected object must be present with the same JSON type, recursively; scalar values must be equal too, except
 * for names, ids, times and other values that differ by nature between two clouds. The actual answer may have
 * more keys than the expected one. Paths are written {@code properties.containers[].name}.
 */
final class JsonShape {
    /** Keys whose values are names, ids, times, addresses or free text: only their type is compared. */
    static final Set<String> VALUE_FREE_KEYS = Set.of("id", "name", "location", "subscriptionId", "tenantId", "displayName",
            "etag", "resourceGuid", "startTime", "finishTime", "firstTimestamp", "lastTimestamp", "ip", "fqdn", "message",
            "image", "webSocketUri", "password", "content", "count", "nextLink", "principalId", "clientId", "server", "username",
            "defaultDomain", "domains", "countryCode", "resourceType", "dnsNameLabel", "target", "workspaceId", "shareName",
            "storageAccountName", "mountPath", "localizedValue", "serviceName", "addressPrefix", "addressPrefixes",
            "canceled-by-azure-asyncoperation", "apiVersions", "locations", "command", "namespace");
    /** Keys that hold maps with free keys (tags, identities): only "is an object" is compared. */
    static final Set<String> MAP_KEYS = Set.of("tags", "userAssignedIdentities", "keyValuePairs", "metadata", "secret");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private final Set<String> allowMissing = new HashSet<>();
    private final Set<String> ignoreValues = new HashSet<>();
    private final Set<String> allowEmptyArrays = new HashSet<>();
    private final Map<String, String> because = new HashMap<>();

    /** A path the simulator may leave out, with the reason (shown if it is ever reported). */
    JsonShape allowMissing(String path, String reason) {
        allowMissing.add(path);
        because.put(path, reason);
        return this;
    }

    /** A path whose value is not compared (its type still is). */
    JsonShape ignoreValue(String path, String reason) {
        ignoreValues.add(path);
        because.put(path, reason);
        return this;
    }

    /** A path where the expected array has elements but the simulator's may be empty. */
    JsonShape allowEmptyArray(String path, String reason) {
        allowEmptyArrays.add(path);
        because.put(path, reason);
        return this;
    }

    List<String> compare(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        walk("", null, expected, actual, out);
        return out;
    }

    /** The JSON types ARM clients distinguish. Integers and decimals are both numbers. */
    static String type(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "missing";
        }
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    private void walk(String path, String key, JsonNode exp, JsonNode act, List<String> out) {
        if (exp.isNull()) {
            return;
        }
        String te = type(exp);
        String ta = type(act);
        if (!te.equals(ta)) {
            out.add(path + ": expected " + te + " but was " + ta + (act == null ? "" : " " + act));
            return;
        }
        if (exp.isObject()) {
            if (key != null && MAP_KEYS.contains(key)) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                JsonNode a = act.get(e.getKey());
                if (a == null) {
                    if (!allowMissing.contains(p)) {
                        out.add(p + ": missing");
                    }
                    continue;
                }
                walk(p, e.getKey(), e.getValue(), a, out);
            }
        } else if (exp.isArray()) {
            if (key != null && VALUE_FREE_KEYS.contains(key)) {
                return;
            }
            if (exp.size() > 0 && act.size() == 0) {
                if (!allowEmptyArrays.contains(path)) {
                    out.add(path + ": expected " + exp.size() + " element(s) but was empty");
                }
                return;
            }
            Map<String, JsonNode> byName = namesOf(act);
            boolean pairByName = byName != null && namesOf(exp) != null && namesOf(exp).keySet().stream().allMatch(byName::containsKey);
            for (int i = 0; i < exp.size(); i++) {
                JsonNode a = pairByName ? byName.get(exp.get(i).get("name").asText()) : i < act.size() ? act.get(i) : null;
                if (a == null) {
                    continue;
                }
                walk(path + "[]", key, exp.get(i), a, out);
            }
        } else {
            if (key != null && (VALUE_FREE_KEYS.contains(key) || ignoreValues.contains(path))) {
                return;
            }
            if (exp.isTextual() && (TIME.matcher(exp.asText()).matches() || exp.asText().startsWith("/subscriptions/")
                    || exp.asText().startsWith("https://"))) {
                return;
            }
            boolean same = exp.isNumber() ? exp.decimalValue().compareTo(act.decimalValue()) == 0 : exp.equals(act);
            if (!same) {
                out.add(path + ": expected " + exp + " but was " + act);
            }
        }
    }

    /** Elements of an array of objects by their "name", or null when they have no unique names. */
    private static Map<String, JsonNode> namesOf(JsonNode arr) {
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode e : arr) {
            if (!e.isObject() || !e.path("name").isTextual() || m.put(e.get("name").asText(), e) != null) {
                return null;
            }
        }
        return m.isEmpty() ? null : m;
    }
}
