package com.gatewaywizard.keeper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Gateway configs for tests, generated at test time with real key material and real sizes (no credential is ever
 * stored in the repository): a 64-byte {@code clientId}, a 138-byte PKCS#8 EC P-256 {@code privateKey} (the
 * form Python's {@code cryptography} writes, with the public key inside, built from a key of
 * {@link KeyPairGenerator}), a 32-byte {@code appKey}, and a 65-byte {@code appOwnerPublicKey}. The JSON is
 * written like Commander's {@code json.dumps} (separators {@code ", "} and {@code ": "}) and encoded with standard
 * base64, so a config starts with {@code eyJob3N0bmFtZSI6}.
 *
 * <p>Also builds the broken variants users paste: truncated, unpadded, encoded twice, url-safe, wrapped, coloured
 * as Commander prints it, JSON, one-time tokens, a missing or extra key, wrong sizes.
 */
public final class TestConfigs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private TestConfigs() {
    }

    /** The values inside one config. {@code appOwnerPublicKey} may be {@code null} (older configs lack it). */
    public record Parts(String hostname, String clientId, String privateKey, String serverPublicKeyId, String appKey,
            String appOwnerPublicKey) {

        /** The key → value map in Commander's key order. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hostname", hostname);
            m.put("clientId", clientId);
            m.put("privateKey", privateKey);
            m.put("serverPublicKeyId", serverPublicKeyId);
            m.put("appKey", appKey);
            if (appOwnerPublicKey != null) {
                m.put("appOwnerPublicKey", appOwnerPublicKey);
            }
            return m;
        }

        /** The values that are secret (everything except hostname and serverPublicKeyId). */
        public List<String> secretValues() {
            List<String> s = new ArrayList<>(List.of(clientId, privateKey, appKey));
            if (appOwnerPublicKey != null) {
                s.add(appOwnerPublicKey);
            }
            return s;
        }

        public Parts withHostname(String h) {
            return new Parts(h, clientId, privateKey, serverPublicKeyId, appKey, appOwnerPublicKey);
        }

        public Parts withClientId(String v) {
            return new Parts(hostname, v, privateKey, serverPublicKeyId, appKey, appOwnerPublicKey);
        }

        public Parts withPrivateKey(String v) {
            return new Parts(hostname, clientId, v, serverPublicKeyId, appKey, appOwnerPublicKey);
        }

        public Parts withServerPublicKeyId(String v) {
            return new Parts(hostname, clientId, privateKey, v, appKey, appOwnerPublicKey);
        }

        public Parts withAppKey(String v) {
            return new Parts(hostname, clientId, privateKey, serverPublicKeyId, v, appOwnerPublicKey);
        }

        public Parts withAppOwnerPublicKey(String v) {
            return new Parts(hostname, clientId, privateKey, serverPublicKeyId, appKey, v);
        }
    }

    // ---- generating ----------------------------------------------------------------------------------------------

    /** Fresh random parts for a US config with an app owner key. */
    public static Parts parts() {
        return parts(KeeperRegion.US, new SecureRandom());
    }

    /** Fresh random parts for {@code region}. */
    public static Parts parts(KeeperRegion region) {
        return parts(region, new SecureRandom());
    }

    /** Parts derived from {@code seed}: the same seed gives the same config (for reproducible fuzzing). */
    public static Parts parts(KeeperRegion region, long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return parts(region, r);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Parts parts(KeeperRegion region, SecureRandom random) {
        KeyPair client = ecKeyPair(random);
        KeyPair owner = ecKeyPair(random);
        return new Parts(region.hostname(), b64(randomBytes(random, 64)), b64(pkcs8WithPublicKey(client)), "10",
                b64(randomBytes(random, 32)), b64(uncompressedPoint((ECPublicKey) owner.getPublic())));
    }

    /** A fresh valid config (base64, one line) for the US region. */
    public static String valid() {
        return encode(parts());
    }

    /** A fresh valid config for {@code region}. */
    public static String valid(KeeperRegion region) {
        return encode(parts(region));
    }

    /** Commander-style JSON of {@code parts}. */
    public static String json(Parts parts) {
        return json(parts.toMap());
    }

    /** Commander-style JSON ({@code json.dumps} default separators) of any map; values may be any JSON type. */
    public static String json(Map<String, ?> map) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        try {
            for (Map.Entry<String, ?> e : map.entrySet()) {
                j.add(JSON.writeValueAsString(e.getKey()) + ": " + JSON.writeValueAsString(e.getValue()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return j.toString();
    }

    /** Standard base64 of the Commander-style JSON: the value {@code pam gateway new -c b64} prints. */
    public static String encode(Parts parts) {
        return b64(json(parts).getBytes(StandardCharsets.UTF_8));
    }

    /** Standard base64 of the JSON of any map. */
    public static String encode(Map<String, ?> map) {
        return b64(json(map).getBytes(StandardCharsets.UTF_8));
    }

    // ---- broken variants -----------------------------------------------------------------------------------------

    /** {@code parts} without {@code key}. */
    public static String withoutKey(Parts parts, String key) {
        Map<String, Object> m = parts.toMap();
        m.remove(key);
        return encode(m);
    }

    /** {@code parts} with one key set to {@code value} (any JSON type; added when new). */
    public static String withKey(Parts parts, String key, Object value) {
        Map<String, Object> m = parts.toMap();
        m.put(key, value);
        return encode(m);
    }

    /** A config that still holds {@code clientKey}: the one-time token was never redeemed. */
    public static String unbound(Parts parts) {
        return withKey(parts, "clientKey", urlSafe(randomBytes(new SecureRandom(), 32)));
    }

    /** {@code parts} with a clientId of {@code bytes} random bytes. */
    public static String withClientIdBytes(Parts parts, int bytes) {
        return encode(parts.withClientId(b64(randomBytes(new SecureRandom(), bytes))));
    }

    /** The config cut to {@code length} characters. */
    public static String truncated(String config, int length) {
        return config.substring(0, length);
    }

    /** The config without its {@code =} padding. */
    public static String unpadded(String config) {
        return config.replaceAll("=+$", "");
    }

    /** Base64 of the base64 config. */
    public static String doubleEncoded(String config) {
        return b64(config.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The config in the url-safe alphabet ({@code -} and {@code _}), padding kept. Note that base64 of ASCII JSON
     * only holds {@code +} or {@code /} where the JSON has {@code >}, {@code ?} or {@code ~}, so for a real config
     * this usually changes nothing; {@link #urlSafe(byte[])} of the decoded bytes (unpadded) is the realistic form.
     */
    public static String urlSafeAlphabet(String config) {
        return config.replace('+', '-').replace('/', '_');
    }

    /** The config wrapped every {@code columns} characters with {@code newline}. */
    public static String wrapped(String config, int columns, String newline) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < config.length(); i += columns) {
            if (i > 0) {
                sb.append(newline);
            }
            sb.append(config, i, Math.min(config.length(), i + columns));
        }
        return sb.toString();
    }

    /** The config as Commander prints it without {@code -r}: between dashed lines, in ANSI green. */
    public static String commanderOutput(String config) {
        String dashes = "-".repeat(60);
        return "\n" + dashes + "\n\u001B[92m" + config + "\u001B[0m\n" + dashes + "\n";
    }

    /** A one-time access token with a region or host prefix, as {@code pam gateway new} without {@code -c} prints. */
    public static String oneTimeToken(String prefix) {
        return prefix + ":" + urlSafe(randomBytes(new SecureRandom(), 32));
    }

    /** An IL5 one-time token, four ':'-separated parts. */
    public static String il5OneTimeToken() {
        SecureRandom r = new SecureRandom();
        return "IL5:" + urlSafe(randomBytes(r, 32)) + ":12:" + b64(randomBytes(r, 65));
    }

    /**
     * Forms in which a secret could leak into text: the value, its url-encoding, its url-safe base64 form, and a
     * 20-character slice from its middle (a cut-off echo).
     */
    public static List<String> leakForms(String secret) {
        List<String> forms = new ArrayList<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(secret.replace('+', '-').replace('/', '_').replaceAll("=+$", ""));
        if (secret.length() >= 40) {
            int mid = secret.length() / 2;
            forms.add(secret.substring(mid - 10, mid + 10));
        }
        return forms;
    }

    // ---- key material --------------------------------------------------------------------------------------------

    public static byte[] randomBytes(SecureRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    public static String b64(byte[] b) {
        return B64.encodeToString(b);
    }

    public static String urlSafe(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static KeyPair ecKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 65-byte uncompressed point {@code 04 || X || Y}. */
    public static byte[] uncompressedPoint(ECPublicKey pub) {
        return TrainingConfig.uncompressedPoint(pub);
    }

    /**
     * PKCS#8 of an EC P-256 key with the public key inside the ECPrivateKey structure (RFC 5915), 138 bytes: what
     * the KSM SDKs write (the same encoder as the training config). Java's own {@code getEncoded()} leaves the
     * public key out (67 bytes).
     */
    public static byte[] pkcs8WithPublicKey(KeyPair kp) {
        byte[] der = TrainingConfig.pkcs8WithPublicKey(kp);
        if (der.length != 138) {
            throw new IllegalStateException("PKCS#8 length " + der.length);
        }
        return der;
    }

    /**
     * A made-up Docker Hub token in the {@code dckr_pat_} shape, generated when the test runs (no token is written
     * in the sources): {@code dckr_pat_<label>_<24 random letters and digits>}.
     */
    public static String fakePat(String label) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("dckr_pat_").append(label).append('_');
        java.security.SecureRandom r = new java.security.SecureRandom();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
