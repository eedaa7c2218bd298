package com.gatewaywizard.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatewaywizard.spec.GatewaySpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link ArmBody} tree as the seed's YAML manifest ({@code keeper-gateway.yml}).
 *
 * <p>Hand-written on purpose rather than Jackson's {@code YAMLGenerator} (SnakeYAML's emitter underneath):
 * the output must match the seed byte for byte in layout (two-space indent, sequence items <em>not</em> indented
 * under their key, {@code emptyDir: {}}, {@code apiVersion} single-quoted) and the quoting rule must be ours
 * (YAML 1.1 <em>and</em> 1.2 readers, az CLI's {@code ${VAR}} expansion), while YAMLGenerator's
 * {@code MINIMIZE_QUOTES} follows SnakeYAML's YAML 1.1 view only and indents sequences differently. The data is
 * only maps, lists and scalars, so the emitter is small and every line of it is tested.
 *
 * <p>Rules: block style everywhere except empty collections ({@code {}} / {@code []}); a string is plain only
 * when {@link Yaml11#needsQuotes} says it is safe, otherwise double-quoted with escapes; the root
 * {@code apiVersion} is single-quoted as Azure's docs write it (case 01); numbers are written so that YAML 1.1
 * reads them back with the same type ({@code 2.0} stays a float, {@code 443} an integer, large or tiny floats
 * as {@code 1.0e+20}, which PyYAML needs the dot and the exponent sign for); the output ends with a newline.
 */
public final class ManifestYaml {
    private static final String INDENT = "  ";

    private ManifestYaml() {
    }

    /** The manifest of instance {@code k} of the spec's pool, secrets as {@code mode} says. */
    public static String write(GatewaySpec spec, int instance, SecretMode mode) {
        return write(ArmBody.of(spec, instance, mode));
    }

    /** One manifest per instance (1..{@code spec.instances()}), in order. */
    public static List<String> writeAll(GatewaySpec spec, SecretMode mode) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= Math.max(1, spec.instances()); k++) {
            out.add(write(spec, k, mode));
        }
        return out;
    }

    /** The YAML text of a JSON tree (normally an {@link ArmBody} resource). */
    public static String write(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        if (root.isObject() && !root.isEmpty()) {
            mapping(root, 0, false, true, sb);
        } else if (root.isArray() && !root.isEmpty()) {
            sequence(root, 0, false, sb);
        } else {
            sb.append(scalar(root)).append('\n');
        }
        return sb.toString();
    }

    private static void mapping(JsonNode map, int indent, boolean firstInline, boolean root, StringBuilder sb) {
        boolean first = true;
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(first && firstInline)) {
                sb.append(INDENT.repeat(indent));
            }
            first = false;
            sb.append(key(e.getKey())).append(':');
            JsonNode v = e.getValue();
            if (v.isObject() && !v.isEmpty()) {
                sb.append('\n');
                mapping(v, indent + 1, false, false, sb);
            } else if (v.isArray() && !v.isEmpty()) {
                sb.append('\n');
                sequence(v, indent, false, sb);
            } else if (root && e.getKey().equals("apiVersion") && v.isTextual() && Yaml11.singleQuoted(v.asText()) != null) {
                sb.append(' ').append(Yaml11.singleQuoted(v.asText())).append('\n');
            } else {
                sb.append(' ').append(scalar(v)).append('\n');
            }
        }
    }

    private static void sequence(JsonNode seq, int indent, boolean firstInline, StringBuilder sb) {
        boolean first = true;
        for (JsonNode item : seq) {
            if (!(first && firstInline)) {
                sb.append(INDENT.repeat(indent));
            }
            first = false;
            sb.append('-');
            if (item.isObject() && !item.isEmpty()) {
                sb.append(' ');
                mapping(item, indent + 1, true, false, sb);
            } else if (item.isArray() && !item.isEmpty()) {
                sb.append(' ');
                sequence(item, indent + 1, true, sb);
            } else {
                sb.append(' ').append(scalar(item)).append('\n');
            }
        }
    }

    private static String key(String k) {
        return Yaml11.needsQuotes(k) ? Yaml11.doubleQuoted(k) : k;
    }

    /** One scalar (or empty collection) in flow form. */
    static String scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isObject()) {
            return "{}";
        }
        if (v.isArray()) {
            return "[]";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "true" : "false";
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return number(v);
        }
        if (v.isTextual()) {
            String s = v.textValue();
            return Yaml11.needsQuotes(s) ? Yaml11.doubleQuoted(s) : s;
        }
        throw new IllegalArgumentException("cannot write a " + v.getNodeType() + " node as YAML");
    }

    private static String number(JsonNode v) {
        if (v.isBigDecimal()) {
            BigDecimal d = v.decimalValue();
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("a manifest cannot hold a non-finite number");
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String exp = s.substring(e + 1);
        return s.substring(0, e) + "e" + (exp.startsWith("-") ? exp : "+" + exp);
    }
}
