package com.gatewaywizard.azure;

import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads the JDK's trust store on a background thread as soon as a session is being set up, while the caller builds
 * its HTTP client and SDK client. The first TLS handshake needs it twice: the default trust manager's certificates
 * (when no own SSL context is given), and — for any trust manager — the JDK's list of its own root certificates,
 * which its CA distrust policies (Symantec, Entrust, Camerfirma) compare the server's root against. Each parses the
 * ~140 certificates of {@code lib/security/cacerts}: about 70 ms of CPU a cold CLI command otherwise spends in the
 * middle of its one request. Both are cached by the JDK, so the handshake later finds them ready; nothing is
 * trusted or distrusted differently. Any failure is ignored: the handshake then reads them itself, as before.
 */
final class TlsWarmup {
    /** The JDK's list of its root certificates (java.base, not exported: loaded by name, initialised, nothing called). */
    static final String ANCHORS = "sun.security.util.AnchorCertificates";

    private TlsWarmup() {
    }

    /** Starts the reading; {@code defaultTrust}: the session will use the JDK's default trust manager. */
    static void start(boolean defaultTrust) {
        Thread t = new Thread(() -> read(defaultTrust), "gw-trust-store");
        t.setDaemon(true);
        t.start();
    }

    static void read(boolean defaultTrust) {
        try {
            if (defaultTrust) {
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
            }
            Class.forName(ANCHORS, true, null);
        } catch (Exception | LinkageError e) {
            // nothing to report: the handshake reads the trust store itself
        }
    }
}
