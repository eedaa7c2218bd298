package com.gatewaywizard.manifest;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A gateway config for tests that decodes cleanly: Commander's JSON layout (separators {@code ", "}/{@code ": "},
 * standard base64), a 64-byte clientId, a 32-byte appKey and a 138-byte PKCS#8 EC P-256 private key with its
 * public key inside, as Python's {@code cryptography} writes it. Generated at test time; no one's credential.
 */
public final class TestGatewayConfig {
    public static final String CONFIG = build();

    private TestGatewayConfig() {
    }

    private static String build() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair kp = g.generateKeyPair();
            byte[] der = pkcs8((ECPrivateKey) kp.getPrivate(), (ECPublicKey) kp.getPublic());
            byte[] clientId = new byte[64];
            byte[] appKey = new byte[32];
            Arrays.fill(clientId, (byte) 7);
            Arrays.fill(appKey, (byte) 9);
            Base64.Encoder b64 = Base64.getEncoder();
            String json = "{\"hostname\": \"keepersecurity.com\", \"clientId\": \"" + b64.encodeToString(clientId)
                    + "\", \"privateKey\": \"" + b64.encodeToString(der) + "\", \"serverPublicKeyId\": \"10\", \"appKey\": \""
                    + b64.encodeToString(appKey) + "\"}";
            return b64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 PrivateKeyInfo holding an RFC 5915 ECPrivateKey with the public key: 138 bytes for P-256. */
    private static byte[] pkcs8(ECPrivateKey priv, ECPublicKey pub) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        write(inner, 0x02, new byte[] {1});
        write(inner, 0x04, fixed(priv.getS(), 32));
        ByteArrayOutputStream point = new ByteArrayOutputStream();
        point.write(0);
        point.write(4);
        point.writeBytes(fixed(pub.getW().getAffineX(), 32));
        point.writeBytes(fixed(pub.getW().getAffineY(), 32));
        ByteArrayOutputStream bits = new ByteArrayOutputStream();
        write(bits, 0x03, point.toByteArray());
        write(inner, 0xA1, bits.toByteArray());
        ByteArrayOutputStream ecKey = new ByteArrayOutputStream();
        write(ecKey, 0x30, inner.toByteArray());

        ByteArrayOutputStream info = new ByteArrayOutputStream();
        write(info, 0x02, new byte[] {0});
        info.writeBytes(new byte[] {0x30, 0x13, 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01,
                0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07});
        write(info, 0x04, ecKey.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, 0x30, info.toByteArray());
        return out.toByteArray();
    }

    private static byte[] fixed(BigInteger v, int len) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[len];
        int n = Math.min(len, b.length);
        System.arraycopy(b, b.length - n, out, len - n, n);
        return out;
    }

    private static void write(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        if (content.length < 128) {
            out.write(content.length);
        } else {
            out.write(0x81);
            out.write(content.length);
        }
        out.writeBytes(content);
    }
}
