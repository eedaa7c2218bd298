package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paths, api-versions, auth, headers, status codes and error bodies, as ARM answers them. */
class ArmRoutingTest {
    ArmSimulator sim;
    Arm arm;

    @BeforeEach
    void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant());
        arm = new Arm(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static void assertArmError(Arm.Res r, int status, String code) {
        assertEquals(status, r.status(), r.text());
        JsonNode e = r.json().get("error");
        assertNotNull(e, r.text());
        assertEquals(code, e.get("code").asText(), r.text());
        assertTrue(e.get("message").isTextual() && !e.get("message").asText().isEmpty(), r.text());
        assertTrue(e.get("details").isArray(), "every error has details: " + r.text());
    }

    @Test
    void azureCliPathsWithDoubleSlashesAndLowerCaseSegmentsReachTheSameResource() {
        assertEquals(201, arm.putGroup("gw-az", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)).status());
        String azPath = "/subscriptions/" + SeedWorld.PRODUCTION + "/resourcegroups/rg-keeper/providers/Microsoft.ContainerInstance//containerGroups/gw-az";
        Arm.Res r = arm.get(Arm.q(azPath, "2024-05-01-preview"));
        assertEquals(200, r.status(), r.text());
        assertEquals("gw-az", r.json().get("name").asText());
        Arm.Res upper = arm.get(Arm.q(azPath.toUpperCase().replace(SeedWorld.PRODUCTION.toUpperCase(), SeedWorld.PRODUCTION)
                .replace("RG-KEEPER", "rg-keeper").replace("GW-AZ", "gw-az"), "2022-10-01-preview"));
        assertEquals(200, upper.status(), upper.text());
        // az's PUT to the // URL updates the same group
        assertEquals(200, arm.put(Arm.q(azPath, "2024-05-01-preview"), Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)).status());
    }

    @Test
    void apiVersionMustBeWellFormedButAnyWellFormedVersionIsAccepted() {
        assertArmError(arm.get(Arm.P + "?api-version=banana"), 400, "InvalidApiVersionParameter");
        assertArmError(arm.get(Arm.P), 400, "MissingApiVersionParameter");
        assertEquals(200, arm.get(Arm.P + "?api-version=2099-12-31-preview").status());
        assertEquals(200, arm.get(Arm.P + "?API-VERSION=2022-12-01").status());
    }

    @Test
    void requestsWithoutABearerTokenGetArms401() {
        Arm.Res r = arm.send("GET", "/subscriptions?api-version=2022-12-01", null, "Authorization", "");
        assertArmError(r, 401, "AuthenticationFailed");
        assertNotNull(r.header("WWW-Authenticate"));
        assertArmError(arm.send("GET", "/subscriptions?api-version=2022-12-01", null, "Authorization", "Basic dXNlcjpwYXNz"), 401,
                "AuthenticationFailed");
        assertEquals(200, arm.send("GET", "/subscriptions?api-version=2022-12-01", null, "Authorization", "Bearer anything-at-all").status());
    }

    @Test
    void missingThingsAnswerTheirOwnNotFoundCodes() {
        assertArmError(arm.get("/subscriptions/" + SeedWorld.PRODUCTION + "/nonsense/path?api-version=2022-12-01"), 404, "NotFound");
        assertArmError(arm.getGroup("nope"), 404, "ResourceNotFound");
        assertArmError(arm.get(Arm.q(Arm.P + "/resourceGroups/rg-nope/providers/Microsoft.ContainerInstance/containerGroups/x", Arm.CG_API)),
                404, "ResourceGroupNotFound");
        assertArmError(arm.get("/subscriptions/33333333-3333-3333-3333-333333333333?api-version=2022-12-01"), 404, "SubscriptionNotFound");
        assertArmError(arm.send("PATCH", Arm.P + "?api-version=2022-12-01", "{}"), 405, "MethodNotAllowed");
    }

    @Test
    void requestIdHeadersAreEchoedLikeArm() {
        Arm.Res r = arm.send("GET", "/subscriptions?api-version=2022-12-01", null, "x-ms-correlation-request-id", "corr-123",
                "x-ms-client-request-id", "client-456");
        assertEquals("corr-123", r.header("x-ms-correlation-request-id"));
        assertEquals("client-456", r.header("x-ms-client-request-id"));
        assertTrue(r.header("x-ms-request-id").matches("[0-9a-f-]{36}"));
        Arm.Res other = arm.get("/subscriptions?api-version=2022-12-01");
        assertFalse(other.header("x-ms-request-id").equals(r.header("x-ms-request-id")));
        assertEquals(other.header("x-ms-request-id"), other.header("x-ms-correlation-request-id"));
        assertTrue(r.header("content-type").startsWith("application/json"));
    }

    @Test
    void createAnswers201WithAnAbsoluteAsyncOperationAndUpdateAnswers200() {
        Arm.Res created = arm.putGroup("gw-codes", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        assertEquals(201, created.status());
        String op = created.header("Azure-AsyncOperation");
        assertTrue(op.startsWith(sim.baseUrl() + "/subscriptions/" + SeedWorld.PRODUCTION
                + "/providers/Microsoft.ContainerInstance/locations/westeurope/operations/"), op);
        assertTrue(op.endsWith("?api-version=2018-06-01"), op);
        assertNull(created.header("Retry-After"), "ACI sends no Retry-After");
        JsonNode body = created.json();
        assertEquals("Pending", body.path("properties").path("provisioningState").asText());
        assertEquals("Pending", body.path("properties").path("instanceView").path("state").asText());
        assertEquals(0, body.path("properties").path("instanceView").path("events").size());
        assertEquals("Standard", body.path("properties").path("sku").asText());
        assertFalse(body.path("properties").path("ipAddress").has("ip"), "no IP while Pending");
        JsonNode status = arm.poll(created).json();
        assertEquals("Succeeded", status.get("status").asText());
        assertEquals(Arm.cg("gw-codes"), status.get("id").asText());
        assertEquals(200, arm.putGroup("gw-codes", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)).status());
    }

    @Test
    void stopAndRestartAnswer204AndStartAnswers202WithAnAsyncOperation() {
        arm.putGroup("gw-actions", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        Arm.Res restart = arm.post(Arm.q(Arm.cg("gw-actions") + "/restart", Arm.CG_API));
        assertEquals(204, restart.status());
        assertEquals("", restart.text());
        assertEquals(204, arm.post(Arm.q(Arm.cg("gw-actions") + "/start", Arm.CG_API)).status(), "start on a running group is a no-op");
        Arm.Res stop = arm.post(Arm.q(Arm.cg("gw-actions") + "/stop", Arm.CG_API));
        assertEquals(204, stop.status());
        assertEquals("", stop.text());
        assertArmError(arm.post(Arm.q(Arm.cg("gw-actions") + "/restart", Arm.CG_API)), 409, "ContainerGroupStopped");
        Arm.Res start = arm.post(Arm.q(Arm.cg("gw-actions") + "/start", Arm.CG_API));
        assertEquals(202, start.status());
        assertTrue(start.header("Azure-AsyncOperation").startsWith(sim.baseUrl()));
        assertEquals("Succeeded", arm.poll(start).json().get("status").asText());
    }

    @Test
    void deleteAnswers200WithTheBodyWhenImmediateAnd204WhenAbsent() {
        arm.putGroup("gw-del", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        Arm.Res del = arm.delete(Arm.q(Arm.cg("gw-del"), Arm.CG_API));
        assertEquals(200, del.status());
        assertEquals("gw-del", del.json().get("name").asText());
        assertEquals(204, arm.delete(Arm.q(Arm.cg("gw-del"), Arm.CG_API)).status());
        assertEquals(404, arm.getGroup("gw-del").status());
    }

    @Test
    void deleteOfAVnetGroupTakesTimeAnd202sWithAnAsyncOperation() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        try (ArmSimulator timed = ArmSimulator.start(SimulatorOptions.defaults().withClock(clock))) {
            Arm a = new Arm(timed);
            a.putGroup("gw-vnet-del", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
            clock.advanceSeconds(10);
            Arm.Res del = a.delete(Arm.q(Arm.cg("gw-vnet-del"), Arm.CG_API));
            assertEquals(202, del.status());
            assertEquals("InProgress", a.poll(del).json().get("status").asText());
            assertEquals("Deleting", a.getGroup("gw-vnet-del").json().path("properties").path("provisioningState").asText());
            clock.advanceSeconds(1);
            assertEquals("Succeeded", a.poll(del).json().get("status").asText());
            assertEquals(404, a.getGroup("gw-vnet-del").status());
        }
    }

    @Test
    void listsPagePast100WithANextLink() {
        for (int i = 0; i < 101; i++) {
            ObjectNode b = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "westeurope", 0.05, 0.1);
            ((ObjectNode) b.get("properties")).remove("subnetIds");
            ((ObjectNode) b.get("properties")).remove("ipAddress");
            assertEquals(201, arm.putGroup(String.format("gw-%03d", i), b).status());
        }
        Arm.Res first = arm.get(Arm.q(Arm.P + "/providers/Microsoft.ContainerInstance/containerGroups", Arm.CG_API));
        assertEquals(100, first.json().get("value").size());
        String next = first.json().get("nextLink").asText();
        assertTrue(next.startsWith(sim.baseUrl()), next);
        Arm.Res second = arm.get(next);
        assertEquals(1, second.json().get("value").size());
        assertFalse(second.json().has("nextLink"));
        Set<String> names = new HashSet<>();
        first.json().get("value").forEach(g -> names.add(g.get("name").asText()));
        second.json().get("value").forEach(g -> names.add(g.get("name").asText()));
        assertEquals(101, names.size());
        first.json().get("value").forEach(g -> assertFalse(g.path("properties").has("instanceView"), "list items have no instanceView"));
    }

    @Test
    void headOfAResourceGroupTellsWhetherItExists() {
        assertEquals(204, arm.send("HEAD", Arm.q(Arm.RGP, "2025-04-01"), null).status());
        assertEquals(404, arm.send("HEAD", Arm.q(Arm.P + "/resourcegroups/rg-nope", "2025-04-01"), null).status());
    }

    @Test
    void theAdminRequestLogCountsRequestsAndTheLastPutBodyIsKeptForComparison() {
        sim.requestLog().clear();
        ObjectNode body = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI);
        arm.putGroup("gw-admin", body);
        arm.getGroup("gw-admin");
        JsonNode log = arm.send("GET", "/_simulator/requests", null, "Authorization", "").json();
        assertEquals(2, log.get("requests").size(), log.toString());
        assertEquals("PUT", log.get("requests").get(0).get("method").asText());
        assertEquals(201, log.get("requests").get(0).get("status").asInt());
        JsonNode last = arm.send("GET", "/_simulator/last-put/" + SeedWorld.PRODUCTION + "/rg-keeper/gw-admin", null).json();
        assertEquals(SecretDigests.digested(body), last, "exactly the body that was sent, each secret as its digest");
        String pat = body.at("/properties/imageRegistryCredentials/0/password").asText();
        assertFalse(pat.isEmpty());
        assertFalse(last.toString().contains(pat), "no secret in clear");
        assertEquals(SecretDigests.of(pat), last.at("/properties/imageRegistryCredentials/0/password").asText());
        for (JsonNode env : body.at("/properties/containers/0/properties/environmentVariables")) {
            if (env.has("secureValue")) {
                assertFalse(last.toString().contains(env.get("secureValue").asText()), "no secure value in clear");
            }
        }
        assertEquals(204, arm.send("DELETE", "/_simulator/requests", null).status());
        assertTrue(sim.requestLog().entries().isEmpty());
    }

    @Test
    void theScenarioCanBeSwitchedAtRuntimeAndTheWorldReset() {
        JsonNode s = arm.send("POST", "/_simulator/scenario", "{\"scenario\":\"quota\"}").json();
        assertEquals("quota", s.get("scenario").asText());
        assertEquals(Scenario.QUOTA, sim.cloud().scenario());
        assertArmError(arm.send("POST", "/_simulator/scenario?name=chaos", null), 400, "InvalidScenario");
        arm.put(Arm.q(Arm.P + "/resourcegroups/rg-temp", "2025-04-01"), ArmJson.object().put("location", "eastus"));
        assertEquals(200, arm.get(Arm.q(Arm.P + "/resourcegroups/rg-temp", "2025-04-01")).status());
        assertEquals(204, arm.post("/_simulator/reset").status());
        assertEquals(404, arm.get(Arm.q(Arm.P + "/resourcegroups/rg-temp", "2025-04-01")).status());
    }
}
