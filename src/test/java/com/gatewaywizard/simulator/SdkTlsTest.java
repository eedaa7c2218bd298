package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.containerinstance.ContainerInstanceManager;
import com.azure.resourcemanager.containerinstance.models.ContainerGroup;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS mode: the SDK with its normal bearer-token policy and a fake credential, trusting the generated CA. */
class SdkTlsTest {
    @TempDir
    static Path tlsDir;
    static ArmSimulator sim;
    static ContainerInstanceManager aci;

    @BeforeAll
    static void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant().withTls(true).withTlsDir(tlsDir));
        aci = SdkHarness.aciOverTls(sim, SeedWorld.PRODUCTION);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void theSdkCreatesExecsAndDeletesOverHttpsWithATokenCredential() throws Exception {
        assertTrue(sim.baseUrl().startsWith("https://127.0.0.1:"));
        var created = aci.serviceClient().getContainerGroups()
                .beginCreateOrUpdate(SeedWorld.RESOURCE_GROUP, "gw-tls", SdkEndToEndTest.inner(Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)))
                .setPollInterval(Duration.ofMillis(20)).getFinalResult();
        assertEquals("Running", created.instanceView().state());
        ContainerGroup cg = aci.containerGroups().getByResourceGroup(SeedWorld.RESOURCE_GROUP, "gw-tls");
        var exec = cg.executeCommand("keeper-gateway", "/bin/sh", 24, 80);
        assertTrue(exec.webSocketUri().startsWith("wss://127.0.0.1:"), exec.webSocketUri());
        WsClient ws = WsClient.connect(exec.webSocketUri(), sim.clientSslContext());
        ws.send(exec.password());
        ws.send("cat /etc/os-release\r");
        assertTrue(ws.await("Rocky Linux 9").contains("PRETTY_NAME=\"Rocky Linux 9"));
        ws.send("exit\r");
        assertEquals(1000, ws.closeCode());
        aci.containerGroups().deleteByResourceGroup(SeedWorld.RESOURCE_GROUP, "gw-tls");
        // every request carried the SDK's bearer token
        assertTrue(sim.requestLog().entries().stream().noneMatch(e -> e.status() == 401));
    }

    @Test
    void theCaPemIsAConstrainedCaAndTheServerCertificateNamesLoopbackOnly() throws Exception {
        Path pem = sim.caCertificate();
        String text = Files.readString(pem);
        assertTrue(text.startsWith("-----BEGIN CERTIFICATE-----\n"), text);
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(ca.getBasicConstraints() >= 0, "is a CA");
        assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.30"), "name constraints are critical");
        // The server presents a leaf signed by that CA, for 127.0.0.1 and localhost.
        var conn = (javax.net.ssl.HttpsURLConnection) URI.create(sim.baseUrl() + "/_simulator/health").toURL().openConnection();
        conn.setSSLSocketFactory(sim.clientSslContext().getSocketFactory());
        assertEquals(200, conn.getResponseCode());
        X509Certificate leaf = (X509Certificate) conn.getServerCertificates()[0];
        leaf.verify(ca.getPublicKey());
        List<String> sans = leaf.getSubjectAlternativeNames().stream().map(l -> l.get(1).toString()).toList();
        assertEquals(List.of("127.0.0.1", "localhost"), sans);
        assertEquals(-1, leaf.getBasicConstraints(), "leaf is not a CA");
        conn.disconnect();
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() {
        HttpClient plain = HttpClient.newHttpClient();
        assertThrows(SSLHandshakeException.class, () -> plain.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/subscriptions")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void theGeneratedMaterialIsReusedByTheNextStart() throws Exception {
        String first = Files.readString(sim.caCertificate());
        try (ArmSimulator again = ArmSimulator.start(SimulatorOptions.instant().withTls(true).withTlsDir(tlsDir))) {
            assertEquals(first, Files.readString(again.caCertificate()));
            assertNotEquals(sim.port(), again.port());
        }
    }

    @Test
    void identityEndpointsLetAClientLogInWithAnyCredentials() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
        JsonNode discovery = get(http, "/adfs/.well-known/openid-configuration");
        assertEquals(sim.baseUrl() + "/adfs/oauth2/token", discovery.get("token_endpoint").asText());
        JsonNode v2 = get(http, "/" + SeedWorld.TENANT + "/v2.0/.well-known/openid-configuration");
        assertEquals(sim.baseUrl() + "/" + SeedWorld.TENANT + "/v2.0/oauth2/v2.0/token", v2.get("token_endpoint").asText());
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(discovery.get("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=sim-client&grant_type=client_credentials&client_secret=whatever"
                        + "&scope=" + java.net.URLEncoder.encode(sim.baseUrl() + "//.default", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode());
        String jwt = ArmJson.MAPPER.readTree(token.body()).get("access_token").asText();
        String[] parts = jwt.split("\\.", -1);
        assertEquals(3, parts.length);
        assertEquals("", parts[2], "unsigned");
        JsonNode claims = ArmJson.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals(SeedWorld.TENANT, claims.get("tid").asText());
        assertEquals("sim-client", claims.get("appid").asText());
        JsonNode meta = get(http, "/metadata/endpoints?api-version=2015-01-01");
        assertEquals(sim.baseUrl() + "/adfs", meta.path("authentication").path("loginEndpoint").asText());
        // a token from the endpoint is accepted by ARM
        HttpResponse<String> subs = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/subscriptions?api-version=2019-11-01"))
                .header("Authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, subs.statusCode());
        assertEquals(2, ArmJson.MAPPER.readTree(subs.body()).get("value").size());
    }

    private static JsonNode get(HttpClient http, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return ArmJson.MAPPER.readTree(r.body());
    }
}
