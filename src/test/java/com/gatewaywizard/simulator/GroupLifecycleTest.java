package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clock-driven lifecycle of a container group, stepped with a manual clock at speed 1. */
class GroupLifecycleTest {
    ManualClock clock = ManualClock.startingNow();
    ArmSimulator sim;
    Arm arm;

    void start(SimulatorOptions options) throws Exception {
        sim = ArmSimulator.start(options.withClock(clock));
        arm = new Arm(sim);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    JsonNode group(String name) {
        Arm.Res r = arm.getGroup(name);
        assertEquals(200, r.status(), r.text());
        return r.json().get("properties");
    }

    static JsonNode container(JsonNode props) {
        return props.path("containers").get(0).path("properties");
    }

    static List<String> eventNames(JsonNode props) {
        List<String> names = new ArrayList<>();
        container(props).path("instanceView").path("events").forEach(e -> names.add(e.get("name").asText()));
        return names;
    }

    static JsonNode event(JsonNode props, String name) {
        for (JsonNode e : container(props).path("instanceView").path("events")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        return null;
    }

    String logs(String name) {
        return arm.get(Arm.q(Arm.cg(name) + "/containers/keeper-gateway/logs", Arm.CG_API)).json().get("content").asText();
    }

    @Test
    void aGroupGoesFromPendingThroughCreatingToRunningWithEventsAndAnIp() throws Exception {
        start(SimulatorOptions.defaults());
        Arm.Res put = arm.putGroup("gw-a", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        JsonNode p = group("gw-a");
        assertEquals("Pending", p.get("provisioningState").asText());
        assertEquals("Pending", p.path("instanceView").path("state").asText());
        assertFalse(container(p).has("instanceView"), "no container view while the node is allocated");
        assertFalse(p.path("ipAddress").has("ip"));
        assertEquals("Pending", arm.poll(put).json().get("status").asText());

        clock.advanceSeconds(1.6); // allocated, pulling
        p = group("gw-a");
        assertEquals("Creating", p.get("provisioningState").asText());
        assertEquals(List.of("Pulling"), eventNames(p));
        assertEquals("Waiting", container(p).path("instanceView").path("currentState").path("state").asText());
        assertEquals("10.10.1.4", p.path("ipAddress").path("ip").asText());
        assertEquals("Creating", arm.poll(put).json().get("status").asText());

        clock.advanceSeconds(1.5); // pulled and started
        p = group("gw-a");
        assertEquals("Succeeded", p.get("provisioningState").asText());
        assertEquals("Running", p.path("instanceView").path("state").asText());
        assertEquals(List.of("Pulling", "Pulled", "Started"), eventNames(p));
        JsonNode started = event(p, "Started");
        assertEquals(1, started.get("count").asInt());
        assertTrue(started.get("firstTimestamp").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        assertEquals("Running", container(p).path("instanceView").path("currentState").path("state").asText());
        assertEquals(0, container(p).path("instanceView").path("restartCount").asInt());
        JsonNode op = arm.poll(put).json();
        assertEquals("Succeeded", op.get("status").asText());
        assertEquals(3, op.path("properties").path("events").size());

        // the next group in the subnet gets the next address
        arm.putGroup("gw-b", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        clock.advanceSeconds(2);
        assertEquals("10.10.1.5", group("gw-b").path("ipAddress").path("ip").asText());
    }

    @Test
    void theGatewayLogGrowsWhileRunningWithTheRegionFromTheConfig() throws Exception {
        start(SimulatorOptions.defaults().withConfigCheck(v -> GatewayConfigCheck.Verdict.ok("keepersecurity.eu")));
        arm.putGroup("gw-log", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        assertEquals("", logs("gw-log"));
        clock.advanceSeconds(5);
        String first = logs("gw-log");
        assertTrue(first.contains("Keeper region EU (keepersecurity.eu)"), first);
        assertTrue(first.contains("Connected to connect.keepersecurity.eu"), first);
        assertTrue(first.contains("UDP 3478 to krelay.keepersecurity.eu: ok"), first);
        clock.advanceSeconds(60);
        String later = logs("gw-log");
        assertTrue(later.startsWith(first), "the log only grows");
        assertEquals(first.lines().count() + 6, later.lines().count(), "a heartbeat every 10 s");
        assertTrue(later.lines().reduce((a, b) -> b).orElseThrow().contains("Heartbeat: connected"));
    }

    @Test
    void aLockedSubnetsNsgShowsUpAsAUdpWarningInTheGatewayLog() throws Exception {
        start(SimulatorOptions.defaults().withConfigCheck(v -> GatewayConfigCheck.Verdict.ok("keepersecurity.com")));
        arm.putGroup("gw-locked", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_LOCKED));
        clock.advanceSeconds(6);
        String log = logs("gw-locked");
        assertTrue(log.contains("WARNING gateway.relay: UDP 3478 to krelay.keepersecurity.com: timed out"), log);
        assertEquals("10.10.4.4", group("gw-locked").path("ipAddress").path("ip").asText());
    }

    @Test
    void stopTerminatesTheContainerAndStartPullsAgainInAFreshRun() throws Exception {
        start(SimulatorOptions.defaults());
        arm.putGroup("gw-ss", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        clock.advanceSeconds(10);
        assertEquals(204, arm.post(Arm.q(Arm.cg("gw-ss") + "/stop", Arm.CG_API)).status());
        JsonNode p = group("gw-ss");
        assertEquals("Stopped", p.path("instanceView").path("state").asText());
        JsonNode current = container(p).path("instanceView").path("currentState");
        assertEquals("Terminated", current.get("state").asText());
        assertTrue(current.has("finishTime"));
        assertFalse(p.path("ipAddress").has("ip"), "a stopped group has no IP");
        assertTrue(eventNames(p).contains("Killing"));
        // another group takes the first address meanwhile, so the restarted group gets a new one
        arm.putGroup("gw-other", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        clock.advanceSeconds(10);
        Arm.Res start = arm.post(Arm.q(Arm.cg("gw-ss") + "/start", Arm.CG_API));
        assertEquals(202, start.status());
        assertEquals("Pending", arm.poll(start).json().get("status").asText());
        clock.advanceSeconds(5);
        p = group("gw-ss");
        assertEquals("Running", p.path("instanceView").path("state").asText());
        assertEquals(List.of("Pulling", "Pulled", "Started"), eventNames(p), "image pulled again on a fresh node");
        assertEquals("10.10.1.5", p.path("ipAddress").path("ip").asText());
        assertEquals("Succeeded", arm.poll(start).json().get("status").asText());
    }

    @Test
    void aStopDeallocatesTheAddressSoTheNextStartGetsAnotherEvenInAnEmptySubnet() throws Exception {
        start(SimulatorOptions.defaults());
        arm.putGroup("gw-move", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        clock.advanceSeconds(10);
        assertEquals("10.10.1.4", group("gw-move").path("ipAddress").path("ip").asText());
        assertEquals(204, arm.post(Arm.q(Arm.cg("gw-move") + "/stop", Arm.CG_API)).status());
        clock.advanceSeconds(5);
        assertEquals(202, arm.post(Arm.q(Arm.cg("gw-move") + "/start", Arm.CG_API)).status());
        clock.advanceSeconds(10);
        assertEquals("10.10.1.5", group("gw-move").path("ipAddress").path("ip").asText(), "a new address after stop/start");
        // a restart keeps the node and its address
        assertEquals(204, arm.post(Arm.q(Arm.cg("gw-move") + "/restart", Arm.CG_API)).status());
        clock.advanceSeconds(10);
        assertEquals("10.10.1.5", group("gw-move").path("ipAddress").path("ip").asText());
    }

    @Test
    void restartKeepsTheNodeCountsTheRestartAndStartsTheLogAfresh() throws Exception {
        start(SimulatorOptions.defaults());
        arm.putGroup("gw-r", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        clock.advanceSeconds(30);
        String before = logs("gw-r");
        assertTrue(before.contains("Heartbeat"));
        assertEquals(204, arm.post(Arm.q(Arm.cg("gw-r") + "/restart", Arm.CG_API)).status());
        clock.advanceSeconds(2);
        JsonNode p = group("gw-r");
        assertEquals(1, container(p).path("instanceView").path("restartCount").asInt());
        assertEquals(2, event(p, "Started").get("count").asInt());
        assertEquals(1, event(p, "Pulled").get("count").asInt(), "restart does not pull again");
        assertEquals("10.10.1.4", p.path("ipAddress").path("ip").asText());
        String after = logs("gw-r");
        assertFalse(after.contains("Heartbeat"), "the previous run's lines are gone");
        assertTrue(after.contains("Keeper Gateway 1.8.4 starting"));
    }

    @Test
    void actionsDuringATransitionAreRefusedWithContainerGroupTransitioning() throws Exception {
        start(SimulatorOptions.defaults());
        arm.putGroup("gw-t", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        ArmRoutingTest.assertArmError(arm.post(Arm.q(Arm.cg("gw-t") + "/restart", Arm.CG_API)), 409, "ContainerGroupTransitioning");
        ArmRoutingTest.assertArmError(arm.post(Arm.q(Arm.cg("gw-t") + "/stop", Arm.CG_API)), 409, "ContainerGroupTransitioning");
        ArmRoutingTest.assertArmError(arm.putGroup("gw-t", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)), 409,
                "ContainerGroupTransitioning");
        clock.advanceSeconds(5);
        assertEquals(204, arm.post(Arm.q(Arm.cg("gw-t") + "/stop", Arm.CG_API)).status());
        ArmRoutingTest.assertArmError(arm.post(Arm.q(Arm.cg("gw-t") + "/start", Arm.CG_API)), 409, "ContainerGroupTransitioning");
        clock.advanceSeconds(1);
        assertEquals(202, arm.post(Arm.q(Arm.cg("gw-t") + "/start", Arm.CG_API)).status());
    }

    @Test
    void anonymousDockerHubPullsHitTheRateLimitAndProvisioningFailsAfterTheTimeout() throws Exception {
        start(SimulatorOptions.defaults());
        ObjectNode body = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI);
        ((ObjectNode) body.get("properties")).remove("imageRegistryCredentials");
        Arm.Res put = arm.putGroup("gw-anon", body);
        clock.advanceSeconds(8);
        JsonNode p = group("gw-anon");
        assertEquals("Creating", p.get("provisioningState").asText());
        assertEquals("Pending", p.path("instanceView").path("state").asText());
        JsonNode failed = event(p, "Failed");
        assertTrue(failed.get("message").asText().contains("429 Too Many Requests"), failed.toString());
        assertTrue(failed.get("message").asText().contains("toomanyrequests: You have reached your unauthenticated pull rate limit"));
        assertEquals("Warning", failed.get("type").asText());
        assertTrue(failed.get("count").asInt() >= 2, "pulls are retried");
        assertTrue(event(p, "BackOff").get("message").asText().startsWith("Back-off pulling image"));
        assertEquals(event(p, "Pulling").get("count").asInt(), failed.get("count").asInt());
        assertEquals("Waiting", container(p).path("instanceView").path("currentState").path("state").asText());
        clock.advanceSeconds(60);
        p = group("gw-anon");
        assertEquals("Failed", p.get("provisioningState").asText());
        assertEquals("Pending", p.path("instanceView").path("state").asText());
        JsonNode op = arm.poll(put).json();
        assertEquals("Failed", op.get("status").asText());
        assertEquals("RegistryErrorResponse", op.path("error").path("code").asText());
        assertTrue(op.path("error").path("message").asText().contains("'index.docker.io'"));
    }

    @Test
    void aMalformedGatewayConfigMakesTheContainerExitAndAciRestartItInALoop() throws Exception {
        start(SimulatorOptions.defaults().withConfigCheck(v -> GatewayConfigCheck.Verdict.malformed("Failed to decode base64 data")));
        arm.putGroup("gw-bad", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        clock.advanceSeconds(3.2);
        assertEquals("Running", container(group("gw-bad")).path("instanceView").path("currentState").path("state").asText());
        clock.advanceSeconds(2);
        JsonNode p = group("gw-bad");
        assertEquals("Succeeded", p.get("provisioningState").asText(), "the group was deployed; its container crashes");
        JsonNode iv = container(p).path("instanceView");
        assertEquals(1, iv.path("previousState").path("exitCode").asInt());
        assertEquals("Terminated", iv.path("previousState").path("state").asText());
        int firstCount = iv.path("restartCount").asInt();
        clock.advanceSeconds(120);
        p = group("gw-bad");
        iv = container(p).path("instanceView");
        int laterCount = iv.path("restartCount").asInt();
        assertTrue(laterCount > firstCount + 3, firstCount + " -> " + laterCount);
        assertTrue(event(p, "BackOff").get("count").asInt() >= laterCount);
        assertEquals("Back-off restarting failed container", event(p, "BackOff").get("message").asText());
        assertEquals(laterCount + 1, event(p, "Started").get("count").asInt());
        String log = logs("gw-bad");
        assertTrue(log.contains("ERROR   gateway.config: Could not load config data: Failed to decode base64 data"), log);
        assertEquals(1, log.lines().filter(l -> l.contains("starting")).count(), "only the current run's lines");
    }

    @Test
    void withoutAcceptEulaTheGatewayRefusesToStart() throws Exception {
        start(SimulatorOptions.defaults());
        ObjectNode body = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI);
        ArrayNode env = (ArrayNode) body.at("/properties/containers/0/properties/environmentVariables");
        env.remove(0);
        arm.putGroup("gw-eula", body);
        clock.advanceSeconds(20);
        JsonNode iv = container(group("gw-eula")).path("instanceView");
        assertTrue(iv.path("restartCount").asInt() >= 1);
        assertTrue(logs("gw-eula").contains("Set ACCEPT_EULA=Y"));
    }

    @Test
    void withRestartPolicyNeverACrashedContainerLeavesTheGroupFailed() throws Exception {
        start(SimulatorOptions.defaults().withConfigCheck(v -> GatewayConfigCheck.Verdict.malformed("Required config key 'appKey' is missing")));
        ObjectNode body = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI);
        ((ObjectNode) body.get("properties")).put("restartPolicy", "Never");
        arm.putGroup("gw-never", body);
        clock.advanceSeconds(30);
        JsonNode p = group("gw-never");
        assertEquals("Failed", p.path("instanceView").path("state").asText());
        JsonNode current = container(p).path("instanceView").path("currentState");
        assertEquals("Terminated", current.get("state").asText());
        assertEquals(1, current.get("exitCode").asInt());
        assertEquals("Error", current.get("detailStatus").asText());
        assertEquals(0, container(p).path("instanceView").path("restartCount").asInt());
    }

    @Test
    void slowScenarioTakesMinutesToProvision() throws Exception {
        start(SimulatorOptions.defaults().withScenario(Scenario.SLOW));
        arm.putGroup("gw-slow", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        clock.advanceSeconds(60);
        assertEquals("Pending", group("gw-slow").get("provisioningState").asText());
        clock.advanceSeconds(60);
        assertEquals("Creating", group("gw-slow").get("provisioningState").asText());
        clock.advanceSeconds(61);
        assertEquals("Running", group("gw-slow").path("instanceView").path("state").asText());
    }

    @Test
    void providerRegistrationTakesAWhileOnTraining() throws Exception {
        start(SimulatorOptions.defaults());
        String provider = Arm.q("/subscriptions/" + SeedWorld.TRAINING + "/providers/Microsoft.ContainerInstance", "2025-04-01");
        assertEquals("NotRegistered", arm.get(provider).json().get("registrationState").asText());
        ArmRoutingTest.assertArmError(arm.get(Arm.q("/subscriptions/" + SeedWorld.TRAINING
                + "/providers/Microsoft.ContainerInstance/containerGroups", Arm.CG_API)), 409, "MissingSubscriptionRegistration");
        Arm.Res missing = arm.put(Arm.q("/subscriptions/" + SeedWorld.TRAINING
                + "/resourceGroups/rg-keeper/providers/Microsoft.ContainerInstance/containerGroups/gw", Arm.CG_API),
                Gateways.body(SeedWorld.TRAINING, SeedWorld.SUBNET_ACI));
        assertEquals("Microsoft.ContainerInstance", missing.json().at("/error/details/0/target").asText());
        Arm.Res reg = arm.post(Arm.q("/subscriptions/" + SeedWorld.TRAINING + "/providers/Microsoft.ContainerInstance/register", "2025-04-01"));
        assertEquals("Registering", reg.json().get("registrationState").asText());
        assertEquals("Registering", arm.get(provider).json().get("registrationState").asText());
        clock.advanceSeconds(2);
        assertEquals("Registered", arm.get(provider).json().get("registrationState").asText());
    }
}
