package com.gatewaywizard.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.Azure;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.AzureTuning;
import com.gatewaywizard.azure.CloudKind;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.LogChunk;
import com.gatewaywizard.azure.LogFollower;
import com.gatewaywizard.azure.SignInMethod;
import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.ManualClock;
import com.gatewaywizard.simulator.RequestLog;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access tokens that run out during a long log follow: the simulator (https, a service principal signed in at its
 * token endpoint) issues tokens valid for a few seconds and answers ARM's 401 {@code ExpiredAuthenticationToken}
 * with its {@code WWW-Authenticate} challenge to an expired one. The session gets new tokens by itself; the follow
 * loses no line, repeats none and never surfaces an error.
 */
class TokenExpiryTest {
    @TempDir
    Path tls;

    private static SignInRequest servicePrincipal(ArmSimulator sim) {
        return new SignInRequest(CloudKind.SIMULATOR, sim.uri(), SignInMethod.SERVICE_PRINCIPAL_SECRET, SeedWorld.TENANT, "sim-client",
                Secret.of("sim-secret-value"), null, null, null);
    }

    private static GatewaySpec spec(String name) {
        return AzureFaultsTest.spec(name);
    }

    private static long tokenRequests(ArmSimulator sim) {
        return sim.requestLog().entries().stream().filter(e -> e.method().equals("POST") && e.path().endsWith("/token")).count();
    }

    private static List<RequestLog.Entry> expired(ArmSimulator sim) {
        return sim.requestLog().entries().stream().filter(e -> e.status() == 401).toList();
    }

    @Test
    void theSimulatorRefusesAnExpiredTokenWithArmsChallengeAndErrorCode() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withClock(clock).withTls(true).withTlsDir(tls)
                .withTokenLifetime(Duration.ofSeconds(5)))) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
            java.net.http.HttpResponse<String> tok = http.send(java.net.http.HttpRequest.newBuilder(sim.uri().resolve(
                    "/" + SeedWorld.TENANT + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=c&client_secret=s"
                            + "&scope=" + java.net.URLEncoder.encode(sim.baseUrl() + "//.default", java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tok.body());
            assertEquals(5, body.get("expires_in").asInt(), tok.body());
            String token = body.get("access_token").asText();
            java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(sim.uri().resolve(
                    "/subscriptions?api-version=2022-12-01")).header("Authorization", "Bearer " + token).build();
            assertEquals(200, http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            clock.advance(Duration.ofSeconds(5));
            java.net.http.HttpResponse<String> refused = http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("");
            assertTrue(challenge.startsWith("Bearer authorization_uri=\"") && challenge.contains("error=\"invalid_token\""), challenge);
            var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body()).get("error");
            assertEquals("ExpiredAuthenticationToken", error.get("code").asText());
            assertTrue(error.get("message").asText().matches("The access token expiry UTC time '\\d+/\\d+/\\d{4} \\d+:\\d\\d:\\d\\d [AP]M'"
                    + " is earlier than current UTC time '\\d+/\\d+/\\d{4} \\d+:\\d\\d:\\d\\d [AP]M'\\."), error.toString());
        }
    }

    /**
     * The simulated clock runs ahead of the client's: every few polls the token the client still trusts is expired
     * for Azure, so each renewal goes through ARM's 401 and one repeat of the refused request.
     */
    @Test
    void aLongFollowRenewsItsTokenOnArmsRefusalAndLosesNoLine() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withClock(clock).withTls(true).withTlsDir(tls)
                .withTokenLifetime(Duration.ofSeconds(4)));
             AzureServices az = Azure.connect(servicePrincipal(sim), AzureTuning.fast(), sim.clientSslContext())) {
            assertTrue(az.deployer().deploy(spec("gw-tokens"), e -> { }).allRunning());
            GatewayRef ref = new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-tokens");
            String before = az.control().logs(ref, null, false);
            long tokensBefore = tokenRequests(sim);
            sim.requestLog().clear();

            LogFollower f = az.control().follow(ref, false);
            List<String> seen = new ArrayList<>();
            int polls = 24;
            for (int i = 0; i < polls; i++) {
                LogChunk c = f.poll(); // throws if the session gave up: no error may reach the user
                assertFalse(c.restarted(), "a token renewal looked like a restart");
                seen.addAll(c.lines());
                clock.advance(Duration.ofSeconds(1)); // 10 heartbeats of the instant simulator per simulated second
            }
            // 24 simulated seconds of 4-second tokens: at least 5 lifetimes ended during the follow.
            long renewals = tokenRequests(sim);
            assertTrue(renewals >= 5, renewals + " tokens fetched during the follow (" + tokensBefore + " before)");
            List<RequestLog.Entry> refused = expired(sim);
            assertTrue(refused.size() >= 1 && refused.size() <= renewals, refused.size() + " refusals for " + renewals + " renewals");
            // Each refused request was sent once more, and only once: 2 polls' calls per poll plus one repeat per refusal.
            long arm = sim.requestLog().entries().stream().filter(e -> !e.path().endsWith("/token")).count();
            assertEquals(2L * polls + refused.size(), arm, "ARM requests: " + sim.requestLog().entries());

            List<String> first = before.lines().toList();
            assertEquals(first, seen.subList(0, first.size()), "the follow did not start with the log as it was");
            List<String> now = az.control().logs(ref, null, false).lines().toList();
            assertTrue(seen.size() > first.size() + 100, "the log grew during the follow: " + seen.size());
            assertEquals(now.subList(0, seen.size()), seen, "lines lost or repeated across the token renewals");
        }
    }

    /** On the real clock the session renews short tokens before they run out: no refusal at all. */
    @Test
    void shortTokensAreRenewedAheadOfTheirExpiryWithoutARefusal() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withTls(true).withTlsDir(tls)
                .withTokenLifetime(Duration.ofSeconds(2)));
             AzureServices az = Azure.connect(servicePrincipal(sim), AzureTuning.fast(), sim.clientSslContext())) {
            assertTrue(az.deployer().deploy(spec("gw-renew"), e -> { }).allRunning());
            GatewayRef ref = new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-renew");
            sim.requestLog().clear();
            LogFollower f = az.control().follow(ref, false);
            List<String> seen = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofMillis(6_500).toNanos();
            while (System.nanoTime() < end) {
                seen.addAll(f.poll().lines());
                Thread.sleep(150);
            }
            long tokens = tokenRequests(sim);
            assertTrue(tokens >= 3 && tokens <= 6, tokens + " tokens in 6.5 s of 2-second tokens");
            List<String> now = az.control().logs(ref, null, false).lines().toList();
            assertEquals(now.subList(0, seen.size()), seen, "lines lost or repeated across the token renewals");
            assertTrue(expired(sim).size() <= 1, "tokens were used after they ran out: " + expired(sim));
        }
    }
}
