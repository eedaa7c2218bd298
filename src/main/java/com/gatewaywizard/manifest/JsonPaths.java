package com.gatewaywizard.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Field paths in problems: {@code properties.containers[0].properties.environmentVariables[1]}. */
final class JsonPaths {
    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private JsonPaths() {
    }

    static String key(String parent, String key) {
        if (SIMPLE.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        String quoted = "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        return parent + quoted;
    }

    /**
     * The elements of {@code n} when it is a list, else none. Loops over a field that should be a list use this, so
     * a mapping or a text in its place (a hostile or broken manifest) is skipped here and reported by the list check
     * in {@link ManifestRules}, never dereferenced ({@code get(i)} on a mapping is {@code null}).
     */
    static List<JsonNode> items(JsonNode n) {
        if (n == null || !n.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
