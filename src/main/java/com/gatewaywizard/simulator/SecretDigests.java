package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * How the simulator's admin API shows the secrets a PUT carried (registry passwords, secure environment values,
 * storage keys, secret volumes): {@code sha256:} and the hex SHA-256 of the value's UTF-8 bytes. A test or the
 * {@code az} contract can still check that exactly the expected secret arrived — by digesting what it expected — but
 * anyone else on the computer who asks the (unauthenticated, loopback) admin API cannot read a trainee's token.
 */
public final class SecretDigests {
    /** Members whose text value is a secret, wherever they are in a container group body. */
    static final Set<String> SECRET_MEMBERS = Set.of("password", "secureValue", "storageAccountKey");
    /** Members whose every value is a secret (a secret volume: file name to base64 content). */
    static final Set<String> SECRET_MAPS = Set.of("secret");

    private SecretDigests() {
    }

    /** {@code sha256:<hex>} of the value. */
    public static String of(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code body} with every secret value replaced by its digest. */
    public static JsonNode digested(JsonNode body) {
        JsonNode copy = body.deepCopy();
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (SECRET_MEMBERS.contains(e.getKey()) && v.isTextual()) {
                    e.setValue(o.textNode(of(v.asText())));
                } else if (SECRET_MAPS.contains(e.getKey()) && v instanceof ObjectNode m) {
                    for (Iterator<Map.Entry<String, JsonNode>> s = m.fields(); s.hasNext();) {
                        Map.Entry<String, JsonNode> f = s.next();
                        if (f.getValue().isTextual()) {
                            f.setValue(m.textNode(of(f.getValue().asText())));
                        }
                    }
                } else {
                    walk(v);
                }
            }
        } else if (n != null && n.isArray()) {
            n.forEach(SecretDigests::walk);
        }
    }
}
