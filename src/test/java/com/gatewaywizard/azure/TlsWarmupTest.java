package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The trust-store warm-up names a JDK-internal class; if a JDK update renamed it the warm-up would silently do
 * nothing (and every CLI command would pay for the trust store in its handshake again), so this test says so.
 */
class TlsWarmupTest {

    @Test
    void theJdksRootCertificateListThatTheWarmUpReadsExistsInThisJdk() throws Exception {
        Class<?> anchors = Class.forName(TlsWarmup.ANCHORS, false, null);
        assertEquals(TlsWarmup.ANCHORS, anchors.getName());
    }

    @Test
    void readingTheTrustStoreAheadNeitherThrowsNorChangesWhatIsTrusted() throws Exception {
        javax.net.ssl.TrustManagerFactory before = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        before.init((java.security.KeyStore) null);
        int trusted = ((javax.net.ssl.X509TrustManager) before.getTrustManagers()[0]).getAcceptedIssuers().length;
        assertDoesNotThrow(() -> TlsWarmup.read(true));
        assertDoesNotThrow(() -> TlsWarmup.read(false));
        javax.net.ssl.TrustManagerFactory after = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        after.init((java.security.KeyStore) null);
        assertEquals(trusted, ((javax.net.ssl.X509TrustManager) after.getTrustManagers()[0]).getAcceptedIssuers().length);
    }
}
