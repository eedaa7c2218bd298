package com.gatewaywizard.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulator's HTTPS identity: a private CA and a server certificate for IP 127.0.0.1 and DNS localhost,
 * generated at runtime. The certificates are built as DER by hand and signed with {@link Signature} (the JDK has
 * no public certificate-building API). That was chosen over shelling out to {@code keytool}: no child process, no
 * dependence on a {@code bin/keytool} in a jlink runtime, no keystore passwords on a command line, and it lets the
 * CA carry name constraints. The CA is limited (critical name constraints) to 127.0.0.1 and localhost, and its
 * private key is thrown away once the server certificate is signed, so trusting the CA file cannot be abused for
 * any other host. The CA PEM and the server key store are kept (owner-only) and reused while valid.
 */
final class TlsMaterial {
    static final String CA_FILE = "simulator-ca.pem";
    static final String KEYSTORE_FILE = "simulator-server.p12";
    /** Protects the key store file, which is also owner-only; the key only ever serves 127.0.0.1. */
    private static final char[] STORE_PASSWORD = "gateway-wizard-simulator".toCharArray();
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path caPem;
    private final X509Certificate ca;
    private final KeyStore serverStore;

    private TlsMaterial(Path caPem, X509Certificate ca, KeyStore serverStore) {
        this.caPem = caPem;
        this.ca = ca;
        this.serverStore = serverStore;
    }

    Path caPem() {
        return caPem;
    }

    X509Certificate ca() {
        return ca;
    }

    /** Reuses the material in {@code dir} while it is valid for more than a week, else makes new material there. */
    static TlsMaterial loadOrCreate(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException | IOException ignored) {
                // not POSIX, or not ours to change: the files themselves are owner-only
            }
            Path pem = dir.resolve(CA_FILE);
            Path p12 = dir.resolve(KEYSTORE_FILE);
            if (Files.exists(pem) && Files.exists(p12)) {
                try {
                    TlsMaterial existing = load(pem, p12);
                    X509Certificate leaf = (X509Certificate) existing.serverStore.getCertificate("server");
                    Instant renewAt = leaf.getNotAfter().toInstant().minus(RENEW_BEFORE);
                    if (clock.instant().isBefore(renewAt) && clock.instant().isAfter(leaf.getNotBefore().toInstant())) {
                        return existing;
                    }
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    // unreadable or foreign files: make new ones
                }
            }
            return create(pem, p12, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the simulator's TLS files in " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the simulator's TLS certificate: " + e.getMessage(), e);
        }
    }

    private static TlsMaterial load(Path pem, Path p12) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(pem)) {
            ca = (X509Certificate) cf.generateCertificate(in);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, STORE_PASSWORD);
        }
        Certificate[] chain = ks.getCertificateChain("server");
        if (chain == null || chain.length < 2 || !chain[1].equals(ca)) {
            throw new GeneralSecurityException("key store does not match the CA");
        }
        return new TlsMaterial(pem, ca, ks);
    }

    private static TlsMaterial create(Path pem, Path p12, Instant now) throws IOException, GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, random);
        KeyPair caKeys = gen.generateKeyPair();
        KeyPair serverKeys = gen.generateKeyPair();
        Instant notBefore = now.minus(Duration.ofMinutes(5));
        Instant notAfter = now.plus(VALIDITY);
        byte[] caName = name("Gateway Wizard ARM simulator CA (127.0.0.1 only)");
        byte[] caKeyId = keyId(caKeys.getPublic().getEncoded());

        byte[] caExtensions = Der.seq(
                extension("2.5.29.19", true, Der.seq(Der.bool(true), Der.integer(BigInteger.ZERO))),
                extension("2.5.29.15", true, Der.bits(new byte[] {0x06}, 1)),
                extension("2.5.29.14", false, Der.octets(caKeyId)),
                extension("2.5.29.30", true, Der.seq(Der.explicit(0,
                        Der.seq(Der.implicit(7, new byte[] {127, 0, 0, 1, (byte) 255, (byte) 255, (byte) 255, (byte) 255})),
                        Der.seq(Der.implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)))))));
        X509Certificate ca = sign(serial(random), caName, caName, notBefore, notAfter, caKeys.getPublic().getEncoded(), caExtensions,
                caKeys.getPrivate());

        byte[] serverName = name("127.0.0.1");
        byte[] serverExtensions = Der.seq(
                extension("2.5.29.19", true, Der.seq()),
                extension("2.5.29.15", true, Der.bits(new byte[] {(byte) 0xA0}, 5)),
                extension("2.5.29.37", false, Der.seq(Der.oid("1.3.6.1.5.5.7.3.1"))),
                extension("2.5.29.17", false, Der.seq(Der.implicit(7, new byte[] {127, 0, 0, 1}),
                        Der.implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)))),
                extension("2.5.29.14", false, Der.octets(keyId(serverKeys.getPublic().getEncoded()))),
                extension("2.5.29.35", false, Der.seq(Der.implicit(0, caKeyId))));
        X509Certificate server = sign(serial(random), caName, serverName, notBefore, notAfter, serverKeys.getPublic().getEncoded(),
                serverExtensions, caKeys.getPrivate());
        server.verify(caKeys.getPublic());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", serverKeys.getPrivate(), STORE_PASSWORD, new Certificate[] {server, ca});
        writeOwnerOnly(p12, out -> ks.store(out, STORE_PASSWORD));
        writeOwnerOnly(pem, out -> out.write(pem(ca).getBytes(StandardCharsets.US_ASCII)));
        return new TlsMaterial(pem, ca, ks);
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException, GeneralSecurityException;
    }

    private static void writeOwnerOnly(Path target, Writer w) throws IOException, GeneralSecurityException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not POSIX
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                w.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String pem(X509Certificate cert) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(64, random).setBit(62);
    }

    private static byte[] keyId(byte[] spki) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(spki);
    }

    private static byte[] name(String commonName) {
        return Der.seq(
                Der.tlv(Der.SET, Der.seq(Der.oid("2.5.4.10"), Der.utf8("Gateway Wizard"))),
                Der.tlv(Der.SET, Der.seq(Der.oid("2.5.4.3"), Der.utf8(commonName))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.seq(Der.oid(oid), Der.bool(true), Der.octets(value)) : Der.seq(Der.oid(oid), Der.octets(value));
    }

    private static X509Certificate sign(BigInteger serial, byte[] issuer, byte[] subject, Instant notBefore, Instant notAfter,
            byte[] spki, byte[] extensions, PrivateKey signer) throws GeneralSecurityException {
        byte[] algorithm = Der.seq(Der.oid("1.2.840.113549.1.1.11"), Der.nul());
        byte[] tbs = Der.seq(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(serial),
                algorithm,
                issuer,
                Der.seq(Der.utcTime(UTC_TIME.format(notBefore)), Der.utcTime(UTC_TIME.format(notAfter))),
                subject,
                spki,
                Der.explicit(3, extensions));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(signer);
        sig.update(tbs);
        byte[] cert = Der.seq(tbs, algorithm, Der.bits(sig.sign(), 0));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(cert));
    }

    SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(serverStore, STORE_PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SSL context that trusts exactly this CA: for clients of the simulator (tests, the app in simulator mode). */
    SSLContext clientContext() {
        return trusting(ca);
    }

    static SSLContext trusting(X509Certificate ca) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("simulator-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a CA PEM file (as printed by the simulator) into an SSL context that trusts it. */
    static SSLContext trustingPem(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return trusting((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (GeneralSecurityException e) {
            throw new IOException("not a certificate: " + pem, e);
        }
    }
}
