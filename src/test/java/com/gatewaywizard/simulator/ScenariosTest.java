package com.gatewaywizard.simulator;

import static com.gatewaywizard.simulator.ArmRoutingTest.assertArmError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.containerinstance.ContainerInstanceManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The injected faults of each scenario, and that the real SDK gets through the transient ones. */
class ScenariosTest {

    @Test
    void dockerRateLimitFailsTheFirstPullsEvenWithCredentialsThenTheGroupRuns() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.DOCKER_RATE_LIMIT))) {
            ContainerInstanceManager aci = SdkHarness.aci(sim, SeedWorld.PRODUCTION);
            var created = aci.serviceClient().getContainerGroups().beginCreateOrUpdate(SeedWorld.RESOURCE_GROUP, "gw-limited",
                    SdkEndToEndTest.inner(Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI))).setPollInterval(Duration.ofMillis(20))
                    .getFinalResult();
            assertEquals("Running", created.instanceView().state());
            var events = created.containers().get(0).instanceView().events();
            var failed = events.stream().filter(e -> e.name().equals("Failed")).findFirst().orElseThrow();
            assertEquals(Scenario.DOCKER_FAILED_PULLS, failed.count());
            assertTrue(failed.message().contains("toomanyrequests"));
            assertEquals(Scenario.DOCKER_FAILED_PULLS + 1, events.stream().filter(e -> e.name().equals("Pulling")).findFirst().orElseThrow().count());
            assertEquals(1, events.stream().filter(e -> e.name().equals("Pulled")).findFirst().orElseThrow().count());
        }
    }

    @Test
    void armThrottleAnswers429WithRetryAfterAndTheSdkWaitsAndRetries() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.ARM_THROTTLE))) {
            Arm arm = new Arm(sim);
            Arm.Res first = arm.get("/subscriptions?api-version=2022-12-01");
            assertArmError(first, 429, "SubscriptionRequestsThrottled");
            assertEquals("1", first.header("Retry-After"));
            assertEquals(200, arm.get("/subscriptions?api-version=2022-12-01").status());
            assertEquals(200, arm.get("/subscriptions?api-version=2022-12-01").status());
            assertEquals(429, arm.get("/subscriptions?api-version=2022-12-01").status());
        }
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.ARM_THROTTLE))) {
            long t0 = System.nanoTime();
            List<String> names = SdkHarness.aci(sim, SeedWorld.PRODUCTION).networkManager().networks()
                    .listByResourceGroup(SeedWorld.RESOURCE_GROUP).stream().map(n -> n.name()).toList();
            assertEquals(List.of(SeedWorld.VNET), names);
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(900).toNanos(), "the SDK honoured Retry-After: 1");
            assertEquals(List.of(429, 200), sim.requestLog().entries().stream().map(RequestLog.Entry::status).toList());
        }
    }

    @Test
    void flakyScenarioFailsAFixedPatternOfRequestsAndTheSdkStillCompletesADeploy() throws Exception {
        List<Integer> run1 = statuses();
        List<Integer> run2 = statuses();
        assertEquals(run1, run2, "the same pattern every time");
        assertTrue(run1.contains(500) && run1.contains(0), "500s and dropped connections: " + run1);
        int consecutive = 0;
        for (int s : run1) {
            consecutive = s == 200 ? 0 : consecutive + 1;
            assertTrue(consecutive < 3, "never three failures in a row: " + run1);
        }
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.FLAKY))) {
            ContainerInstanceManager aci = SdkHarness.aci(sim, SeedWorld.PRODUCTION);
            var created = aci.serviceClient().getContainerGroups().beginCreateOrUpdate(SeedWorld.RESOURCE_GROUP, "gw-flaky",
                    SdkEndToEndTest.inner(Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI))).setPollInterval(Duration.ofMillis(20))
                    .getFinalResult();
            assertEquals("Running", created.instanceView().state());
            assertEquals(1, aci.containerGroups().listByResourceGroup(SeedWorld.RESOURCE_GROUP).stream().count());
            assertTrue(sim.requestLog().entries().stream().anyMatch(e -> e.status() == 500 || e.status() == 0));
        }
    }

    /**
     * The statuses a fresh flaky simulator gave 30 GETs, as its request log shows them: 200, 500, or 0 for a
     * dropped connection (which the JDK client retries on its own, so the caller rarely sees it).
     */
    private static List<Integer> statuses() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.FLAKY))) {
            Arm arm = new Arm(sim);
            for (int i = 0; i < 30; i++) {
                try {
                    arm.get("/subscriptions?api-version=2022-12-01");
                } catch (java.io.UncheckedIOException dropped) {
                    // counted by the server
                }
            }
            List<Integer> out = new ArrayList<>();
            sim.requestLog().entries().forEach(e -> out.add(e.status()));
            return out;
        }
    }

    @Test
    void quotaScenarioLeavesNoCoresInWestEuropeButOtherRegionsWork() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.QUOTA))) {
            Arm arm = new Arm(sim);
            Arm.Res r = arm.putGroup("gw-q", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
            assertArmError(r, 400, "ContainerGroupQuotaReached");
            assertTrue(r.json().at("/error/message").asText().endsWith("Limit: '10', Usage: '10' Requested: '1'."), r.text());
            ObjectNode eastus = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "eastus", 1, 2);
            ((ObjectNode) eastus.get("properties")).remove("subnetIds");
            ((ObjectNode) eastus.at("/properties/ipAddress")).put("type", "Public");
            assertEquals(201, arm.putGroup("gw-east", eastus).status());
            JsonNode usage = arm.get(Arm.q(Arm.P + "/providers/Microsoft.ContainerInstance/locations/westeurope/usages", "2023-05-01")).json();
            boolean full = false;
            for (JsonNode u : usage.get("value")) {
                full |= u.at("/name/value").asText().equals("StandardCores") && u.get("currentValue").asInt() == 10;
            }
            assertTrue(full, usage.toString());
        }
    }
}
