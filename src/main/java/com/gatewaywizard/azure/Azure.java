package com.gatewaywizard.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.gatewaywizard.AppInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Signs in and opens a session: {@code Azure.connect(SignInRequest)}. Blocking (sign-in may wait for the user): call off the FX thread. */
public final class Azure {
    private static final Logger LOG = LoggerFactory.getLogger(Azure.class);
    /** Where the built-in simulator keeps its CA by default (SimulatorOptions.tlsDir null). */
    static final String SIMULATOR_CA = "simulator-tls/simulator-ca.pem";

    private Azure() {
    }

    /** Signs in as the request says, with the timing suited to its cloud. */
    public static AzureServices connect(SignInRequest request) {
        Objects.requireNonNull(request, "request");
        AzureTuning tuning = request.cloud() == CloudKind.SIMULATOR ? AzureTuning.simulator() : AzureTuning.defaults();
        return connect(request, tuning, null);
    }

    /**
     * Signs in with explicit timing and, for an https simulator or a TLS-inspecting proxy, the SSL context to trust
     * (null: the JDK's trust store; for an https simulator, its CA in the app's data folder when present).
     */
    public static AzureServices connect(SignInRequest request, AzureTuning tuning, SSLContext sslContext) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(tuning, "tuning");
        AzureEnvironment env = AzureConnection.environment(request.cloud(), request.simulatorUrl());
        boolean https = request.cloud() != CloudKind.SIMULATOR || "https".equalsIgnoreCase(request.simulatorUrl().getScheme());
        if (https) {
            TlsWarmup.start(sslContext == null && request.cloud() != CloudKind.SIMULATOR);
        }
        SSLContext ssl = sslContext;
        if (ssl == null && request.cloud() == CloudKind.SIMULATOR && https) {
            ssl = trusting(AppInfo.dataDir().resolve(SIMULATOR_CA));
        }
        if (request.cloud() == CloudKind.SIMULATOR && request.method() == SignInMethod.SIMULATOR) {
            // http: no bearer policy (it refuses http) and a fixed header; https: the normal policy with a fixed token.
            TokenCredential fixed = https ? ctx -> Mono.just(new AccessToken("simulator", OffsetDateTime.now().plusHours(1))) : null;
            LOG.info("connected to the simulator at {}", request.simulatorUrl());
            return new AzureConnection(CloudKind.SIMULATOR, env, com.gatewaywizard.azure.SimulatorIds.TENANT, "simulator", fixed, null,
                    ssl, tuning, null);
        }
        if (request.method() == SignInMethod.SIMULATOR) {
            throw new IllegalArgumentException("The simulator sign-in works only with the simulator cloud");
        }
        if (request.cloud() == CloudKind.SIMULATOR && !https) {
            throw new IllegalArgumentException("Signing in to the simulator with " + request.method()
                    + " needs it served over https (start it with --tls)");
        }
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        if (ssl != null) {
            jdk.sslContext(ssl);
        }
        HttpClient http = new JdkHttpClientBuilder(jdk).responseTimeout(tuning.responseTimeout()).readTimeout(tuning.responseTimeout())
                .build();
        String scope = env.getManagementEndpoint() + "/.default";
        SignIn.Result r = SignIn.signIn(request, env, scope, http);
        LOG.info("signed in to {} with {}", request.cloud().displayName(), request.method());
        CloudKind cloud = request.cloud();
        return new AzureConnection(cloud, env, r.tenantId(), r.account(), r.credential(), r.forTenant(), ssl, tuning,
                () -> SignIn.forget(cloud));
    }

    /** Forgets a saved sign-in without a session (e.g. from the sign-in page). */
    public static void forgetSignIn(CloudKind cloud) {
        SignIn.forget(cloud);
    }

    /** Whether a saved interactive sign-in exists for the cloud (the next start can sign in silently). */
    public static boolean hasSavedSignIn(CloudKind cloud) {
        return Files.isRegularFile(SignIn.recordFile(cloud));
    }

    /** An SSL context trusting the certificates of a PEM file, or null when the file is absent or unreadable. */
    public static SSLContext trusting(Path pem) {
        if (pem == null || !Files.isRegularFile(pem)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | java.security.GeneralSecurityException e) {
            LOG.warn("the CA file {} could not be used: {}", pem, e.getClass().getSimpleName());
            return null;
        }
    }
}
