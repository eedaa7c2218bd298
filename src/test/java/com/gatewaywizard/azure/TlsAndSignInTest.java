package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator over HTTPS: the normal bearer policy, a real service-principal sign-in at its identity endpoints, wss console. */
class TlsAndSignInTest {
    @TempDir
    static Path tls;
    static ArmSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant().withTls(true).withTlsDir(tls));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void overHttpsTheSessionDeploysAndOpensAConsoleOverWss() throws Exception {
        try (AzureServices az = Azure.connect(SignInRequest.simulator(sim.uri()), AzureTuning.fast(), sim.clientSslContext())) {
            assertTrue(sim.baseUrl().startsWith("https://"));
            assertEquals(2, az.subscriptions().size());
            assertTrue(az.deployer().deploy(Sim.spec("gw-tls").build(), DeployListener.NONE).allRunning());
            StringBuffer out = new StringBuffer();
            CountDownLatch closed = new CountDownLatch(1);
            try (ConsoleSession c = az.control().console(new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-tls"), "/bin/sh",
                    24, 80, out::append, closed::countDown)) {
                DeployerTest.waitFor(() -> out.toString().contains("# "));
                c.send("echo over-tls\r");
                DeployerTest.waitFor(() -> out.toString().contains("\r\nover-tls\r\n"));
                c.send("exit\r");
                assertTrue(closed.await(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void aServicePrincipalSignsInWithItsSecretAtTheSimulatorsTokenEndpoint() {
        SignInRequest r = new SignInRequest(CloudKind.SIMULATOR, sim.uri(), SignInMethod.SERVICE_PRINCIPAL_SECRET, SeedWorld.TENANT,
                "sim-client", Secret.of("sim-secret-value"), null, null, null);
        try (AzureServices az = Azure.connect(r, AzureTuning.fast(), sim.clientSslContext())) {
            assertEquals("sim-client", az.account());
            assertEquals(SeedWorld.PRODUCTION_NAME, az.subscriptions().get(0).displayName());
            assertEquals(ProviderState.REGISTERED, az.catalog().providerState(SeedWorld.PRODUCTION));
        }
        assertTrue(sim.requestLog().entries().stream().anyMatch(e -> e.method().equals("POST") && e.path().contains("/oauth2/")),
                "a token was requested");
    }

    @Test
    void signInMistakesAreRefusedBeforeAnyCall() {
        IllegalArgumentException noSecret = assertThrows(IllegalArgumentException.class, () -> Azure.connect(new SignInRequest(
                CloudKind.SIMULATOR, sim.uri(), SignInMethod.SERVICE_PRINCIPAL_SECRET, SeedWorld.TENANT, "sim-client", null, null, null, null),
                AzureTuning.fast(), sim.clientSslContext()));
        assertTrue(noSecret.getMessage().contains("client secret"));
        assertThrows(IllegalArgumentException.class, () -> Azure.connect(SignInRequest.of(CloudKind.AZURE, SignInMethod.SIMULATOR)));
        assertEquals(AzureProblems.INVALID_INPUT, AzureProblems.explain(noSecret).code());
    }

    @Test
    void theSavedSignInIsOwnerOnlyReadBackAndForgottenOnSignOut() throws Exception {
        Path file = SignIn.recordFile(CloudKind.US_GOVERNMENT);
        String json = "{\"authority\":\"login.microsoftonline.us\",\"homeAccountId\":\"uid.utid\",\"tenantId\":\"" + SeedWorld.TENANT
                + "\",\"username\":\"trainer@contoso.onmicrosoft.com\",\"clientId\":\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\"}";
        var record = com.azure.identity.AuthenticationRecord.deserialize(new java.io.ByteArrayInputStream(json.getBytes()));
        SignIn.writeRecord(file, record);
        assertTrue(Azure.hasSavedSignIn(CloudKind.US_GOVERNMENT));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        var back = SignIn.readRecord(file);
        assertEquals("trainer@contoso.onmicrosoft.com", back.getUsername());
        assertEquals(SeedWorld.TENANT, back.getTenantId());
        Files.writeString(file, "not json");
        assertNull(SignIn.readRecord(file), "a damaged record is ignored, not fatal");
        Azure.forgetSignIn(CloudKind.US_GOVERNMENT);
        assertFalse(Files.exists(file));
        assertFalse(Azure.hasSavedSignIn(CloudKind.US_GOVERNMENT));
        assertTrue(SignIn.cacheFiles().stream().allMatch(p -> p.getFileName().toString().startsWith(SignIn.CACHE_NAME)));
    }

    @Test
    void aMissingOsKeyringIsRecognisedSoTheSignInFallsBackToAnUnrememberedOne() {
        assertTrue(SignIn.mentionsCacheStore(new RuntimeException(new IllegalStateException("Persistence check failed: libsecret not found"))));
        assertFalse(SignIn.mentionsCacheStore(new RuntimeException("AADSTS50126: invalid username or password")));
        assertThrows(IllegalArgumentException.class, () -> Azure.connect(new SignInRequest(CloudKind.SIMULATOR,
                java.net.URI.create("http://127.0.0.1:1"), SignInMethod.DEVICE_CODE, null, null, null, null, null, null)),
                "interactive sign-in to the simulator needs https");
    }

    @Test
    void theTokensClaimsNameTheAccountWithoutShowingTheToken() {
        java.util.Base64.Encoder b = java.util.Base64.getUrlEncoder().withoutPadding();
        String jwt = b.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + b.encodeToString(
                ("{\"upn\":\"ada@contoso.com\",\"tid\":\"" + SeedWorld.TENANT + "\"}").getBytes()) + ".";
        SignIn.Claims c = SignIn.Claims.of(jwt);
        assertEquals("ada@contoso.com", c.account("x"));
        assertEquals(SeedWorld.TENANT, c.tenant(null));
        assertEquals("fallback", SignIn.Claims.of("garbage").account("fallback"));
    }
}
