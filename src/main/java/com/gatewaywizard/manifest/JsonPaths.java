package com.gatewaywizard.manifest;

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

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
