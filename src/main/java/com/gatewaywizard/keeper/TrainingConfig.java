package com.gatewaywizard.keeper;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A made-up Keeper Gateway config for the training simulator: the right shape (hostname, clientId, a P-256
 * privateKey in PKCS#8, serverPublicKeyId, appKey, appOwnerPublicKey) with fresh random values that no Keeper tenant
 * knows. It only lets a trainee go through the flow; a real gateway would refuse it. The wizard's "training config"
 * button and {@code gateway-wizard training-config} both use this.
 */
public final class TrainingConfig {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrainingConfig() {
    }

    /** A fresh training config (base64 of the JSON), as {@code pam gateway new -c b64} prints a real one. */
    public static String generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair client = g.generateKeyPair();
            KeyPair owner = g.generateKeyPair();
            String json = "{\"hostname\": \"keepersecurity.com\", \"clientId\": \"" + b64(random(64))
                    + "\", \"privateKey\": \"" + b64(pkcs8WithPublicKey(client)) + "\", \"serverPublicKeyId\": \"10\", \"appKey\": \""
                    + b64(random(32)) + "\", \"appOwnerPublicKey\": \"" + b64(uncompressedPoint((ECPublicKey) owner.getPublic())) + "\"}";
            return b64(json.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** The 65-byte uncompressed point 04 || X || Y (also used by the tests' config generator). */
    static byte[] uncompressedPoint(ECPublicKey pub) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        System.arraycopy(fixed32(pub.getW().getAffineX()), 0, out, 1, 32);
        System.arraycopy(fixed32(pub.getW().getAffineY()), 0, out, 33, 32);
        return out;
    }

    /** PKCS#8 with the public key inside the ECPrivateKey (RFC 5915), as Keeper's SDKs write it. */
    static byte[] pkcs8WithPublicKey(KeyPair kp) {
        byte[] d = fixed32(((ECPrivateKey) kp.getPrivate()).getS());
        byte[] ecPrivateKey = concat(new byte[] {0x30, 0x6b, 0x02, 0x01, 0x01, 0x04, 0x20}, d,
                new byte[] {(byte) 0xa1, 0x44, 0x03, 0x42, 0x00}, uncompressedPoint((ECPublicKey) kp.getPublic()));
        byte[] algorithm = {0x30, 0x13, 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01,
            0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
        return concat(new byte[] {0x30, (byte) 0x81, (byte) 0x87, 0x02, 0x01, 0x00}, algorithm, new byte[] {0x04, 0x6d}, ecPrivateKey);
    }

    private static byte[] fixed32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
