package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.simulator.ManualClock;
import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deployments with the real SDK against the simulator: what is sent, what is reported, how it ends. */
class DeployerTest {
    @RegisterExtension
    static final Sim s = Sim.perClass();

    @Test
    void aDeploySendsExactlyThePreviewedJsonAndReportsItsWayToRunning() throws Exception {
        GatewaySpec spec = Sim.spec("gw-exact").build();
        Sim.Events ev = new Sim.Events();
        DeployResult r = s.az.deployer().deploy(spec, ev);
        assertTrue(r.allRunning(), r.toString());
        List<DeployStep> steps = ev.steps("gw-exact");
        assertEquals(DeployStep.ACCEPTED, steps.get(0));
        assertTrue(steps.contains(DeployStep.PROVISIONING) && steps.contains(DeployStep.EVENT), steps.toString());
        assertEquals(DeployStep.RUNNING, steps.get(steps.size() - 1));
        List<String> reported = ev.all.stream().filter(e -> e.step() == DeployStep.EVENT).map(e -> e.message().split(":")[0]).toList();
        assertEquals(List.of("Pulling", "Pulled", "Started"), reported, "container events in the order they happened");
        assertTrue(r.instances().get(0).status().ip().startsWith("10.10.1."));

        JsonNode sent = s.sim.cloud().lastPutBody(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-exact");
        JsonNode preview = ArmBody.requestBody(ArmBody.of(spec, 1));
        ObjectMapper m = new ObjectMapper();
        assertEquals(m.readTree(m.writeValueAsString(preview)), m.readTree(m.writeValueAsString(sent)), "the body sent is the preview's");
        assertEquals(Sim.PAT, sent.at("/properties/imageRegistryCredentials/0/password").asText(), "secrets are sent, revealed only there");
    }

    @Test
    void poolInstancesDeployInParallelWithTheirOwnNamesAndTags() {
        GatewaySpec spec = Sim.spec("gw-pool").instances(3).build();
        Sim.Events ev = new Sim.Events();
        DeployResult r = s.az.deployer().deploy(spec, ev);
        assertTrue(r.allRunning(), r.toString());
        assertEquals(List.of("gw-pool", "gw-pool-2", "gw-pool-3"), r.instances().stream().map(InstanceResult::name).toList());
        GatewayStatus third = r.instances().get(2).status();
        assertEquals("gw-pool", third.pool());
        assertEquals(3, third.instance());
        assertTrue(third.managedByUs());
        Set<String> ips = Set.copyOf(r.instances().stream().map(i -> i.status().ip()).toList());
        assertEquals(3, ips.size(), ips.toString());
    }

    @Test
    void deployInstanceCreatesOnlyThatInstance() {
        GatewaySpec spec = Sim.spec("gw-one").instances(3).build();
        DeployResult r = s.az.deployer().deployInstance(spec, 2, DeployListener.NONE);
        assertEquals(List.of("gw-one-2"), r.instances().stream().map(InstanceResult::name).toList());
        assertTrue(r.allRunning());
        assertEquals(List.of("gw-one-2"), s.az.control().list(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP).stream()
                .map(g -> g.ref().name()).filter(n -> n.startsWith("gw-one")).toList());
    }

    @Test
    void aSizeChangeOfAnExistingGatewayFailsWithTheDeleteAndRecreateAdvice() {
        s.az.deployer().deploy(Sim.spec("gw-resize").build(), DeployListener.NONE);
        Sim.Events ev = new Sim.Events();
        DeployResult r = s.az.deployer().deploy(Sim.spec("gw-resize").cpu(2).build(), ev);
        assertFalse(r.allRunning());
        assertEquals(DeployStep.EXISTS, ev.steps("gw-resize").get(0));
        Explanation x = r.instances().get(0).failure();
        assertEquals("InvalidContainerGroupUpdate", x.code());
        assertTrue(x.nextStep().contains("delete"), x.nextStep());
    }

    @Test
    void anUnregisteredProviderFailsAtOnceInsteadOfRegisteringBehindTheUsersBack() {
        try (Sim own = Sim.start()) {
            GatewaySpec spec = Sim.spec("gw-training").subscriptionId(SeedWorld.TRAINING)
                    .subnetId(SeedWorld.subnetId(SeedWorld.TRAINING, SeedWorld.SUBNET_ACI)).build();
            long t0 = System.nanoTime();
            DeployResult r = own.az.deployer().deploy(spec, DeployListener.NONE);
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
            assertEquals("MissingSubscriptionRegistration", r.instances().get(0).failure().code());
            assertEquals(0, own.requests("POST", "/register"), "no automatic registration");
        }
    }

    @Test
    void anonymousDockerHubPullsFailWithTheRateLimitExplanation() {
        Sim.Events ev = new Sim.Events();
        DeployResult r = s.az.deployer().deploy(Sim.spec("gw-anon").dockerUser("").dockerPat(Secret.EMPTY).build(), ev);
        Explanation x = r.instances().get(0).failure();
        assertNotNull(x, r.toString());
        assertTrue(Set.of(AzureProblems.DOCKER_RATE_LIMITED, "RegistryErrorResponse").contains(x.code()), x.toString());
        assertTrue(x.nextStep().contains("Docker Hub username"), x.nextStep());
        assertEquals(DeployStep.FAILED, ev.steps("gw-anon").get(ev.steps("gw-anon").size() - 1));
    }

    @Test
    void dockerRateLimitScenarioRetriesPullsAndStillEndsRunning() {
        try (Sim own = Sim.start(SimulatorOptions.instant().withScenario(Scenario.DOCKER_RATE_LIMIT))) {
            Sim.Events ev = new Sim.Events();
            DeployResult r = own.az.deployer().deploy(Sim.spec("gw-limited").build(), ev);
            assertTrue(r.allRunning(), r.toString());
            assertTrue(r.instances().get(0).status().events().stream()
                    .anyMatch(e -> e.name().equals("Failed") && AzureProblems.explainEvent(e).code().equals(AzureProblems.DOCKER_RATE_LIMITED)));
        }
    }

    @Test
    void aRedeployJudgesOnlyItsOwnFailedPullsNotTheGroupsEarlierOnes() {
        AzureTuning f = AzureTuning.fast();
        // gives up at 4 failed pulls; the scenario fails 3 pulls of every (re)deploy, then the pull succeeds
        AzureTuning patience4 = new AzureTuning(f.pollInitial(), f.pollMax(), f.retries(), f.retryBase(), f.retryMax(),
                f.settle(), 4, f.deployTimeout(), f.waitTimeout());
        try (Sim own = Sim.start(SimulatorOptions.instant().withScenario(Scenario.DOCKER_RATE_LIMIT), patience4)) {
            GatewaySpec spec = Sim.spec("gw-retry").build();
            assertTrue(own.az.deployer().deploy(spec, DeployListener.NONE).allRunning(), "3 failed pulls, then Running");
            // the group's events now hold those 3 failures; the redeploy adds 3 of its own (6 in all)
            DeployResult again = own.az.deployer().deploy(spec, DeployListener.NONE);
            assertTrue(again.allRunning(), "the redeploy is judged on its own 3 failed pulls: " + again.instances().get(0).failure());
            assertEquals(1, own.az.control().list(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP).stream()
                    .filter(g -> g.ref().name().equals("gw-retry")).count(), "no duplicate");
        }
    }

    @Test
    void aMalformedGatewayConfigEndsFailedWithTheConfigErrorOfTheRestartLoop() {
        String broken = TestConfigs.truncated(Sim.CONFIG, 120);
        GatewaySpec spec = Sim.spec("gw-badconfig").gatewayConfig(Secret.of(broken)).build();
        Sim.Events ev = new Sim.Events();
        DeployResult r = s.az.deployer().deploy(spec, ev);
        Explanation x = r.instances().get(0).failure();
        assertNotNull(x, r.toString());
        assertEquals(AzureProblems.GATEWAY_CONFIG_REJECTED, x.code(), x.toString());
        assertTrue(x.message().contains("Could not load config data"), x.message());
        assertFalse(x.message().contains(broken));
        assertEquals(DeployStep.FAILED, ev.steps("gw-badconfig").get(ev.steps("gw-badconfig").size() - 1));
    }

    @Test
    void theQuotaScenarioFailsWithCoresNeededAndLeft() {
        try (Sim own = Sim.start(SimulatorOptions.instant().withScenario(Scenario.QUOTA))) {
            DeployResult r = own.az.deployer().deploy(Sim.spec("gw-quota").build(), DeployListener.NONE);
            Explanation x = r.instances().get(0).failure();
            assertEquals("ContainerGroupQuotaReached", x.code());
            assertTrue(x.message().contains("needs 1 cores, but only 0 of 10"), x.message());
        }
    }

    @Test
    void armThrottlingIsWaitedOutWithoutHammering() {
        try (Sim own = Sim.start(SimulatorOptions.instant().withScenario(Scenario.ARM_THROTTLE))) {
            long t0 = System.nanoTime();
            DeployResult r = own.az.deployer().deploy(Sim.spec("gw-throttled").build(), DeployListener.NONE);
            assertTrue(r.allRunning(), r.toString());
            var entries = own.sim.requestLog().entries();
            long throttled = entries.stream().filter(e -> e.status() == 429).count();
            assertTrue(throttled >= 1, entries.toString());
            assertTrue(entries.size() <= 20, "requests: " + entries.size());
            // Retry-After: 1 was honoured each time
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(900).multipliedBy(throttled).toNanos());
            assertEquals(1, own.requests("PUT", "/containerGroups/gw-throttled") - entries.stream()
                    .filter(e -> e.method().equals("PUT") && e.status() == 429).count());
        }
    }

    @Test
    void theFlakyScenarioStillEndsWithOneRunningGroup() {
        try (Sim own = Sim.start(SimulatorOptions.instant().withScenario(Scenario.FLAKY))) {
            DeployResult r = own.az.deployer().deploy(Sim.spec("gw-flaky").build(), DeployListener.NONE);
            assertTrue(r.allRunning(), r.toString());
            assertEquals(1, own.az.control().list(SeedWorld.PRODUCTION, null).size());
        }
    }

    @Test
    void aCancelledDeployResumesWithoutADuplicateWhenDeployedAgain() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        try (Sim own = Sim.start(SimulatorOptions.defaults().withClock(clock))) {
            GatewaySpec spec = Sim.spec("gw-resume").build();
            Sim.Events first = new Sim.Events();
            AtomicReference<DeployResult> r1 = new AtomicReference<>();
            Thread t = new Thread(() -> r1.set(own.az.deployer().deploy(spec, first)));
            t.start();
            waitFor(() -> first.has("gw-resume", DeployStep.PROVISIONING));
            t.interrupt();
            t.join(5000);
            assertFalse(t.isAlive());
            assertEquals(DeployStep.CANCELLED, first.steps("gw-resume").get(first.steps("gw-resume").size() - 1));
            assertFalse(r1.get().allRunning());
            assertEquals(AzureProblems.CANCELLED, r1.get().instances().get(0).failure().code());
            long putsBefore = own.requests("PUT", "/containerGroups/gw-resume");
            long requestsAtCancel = own.sim.requestLog().receivedCount();
            Thread.sleep(100);
            assertEquals(requestsAtCancel, own.sim.requestLog().receivedCount(), "nothing more is sent after a cancel");

            Sim.Events second = new Sim.Events();
            AtomicReference<DeployResult> r2 = new AtomicReference<>();
            Thread t2 = new Thread(() -> r2.set(own.az.deployer().deploy(spec, second)));
            t2.start();
            waitFor(() -> second.has("gw-resume", DeployStep.EXISTS));
            while (t2.isAlive()) {
                clock.advance(Duration.ofMillis(500));
                t2.join(20);
            }
            assertTrue(r2.get().allRunning(), r2.get().toString());
            assertFalse(second.has("gw-resume", DeployStep.ACCEPTED), "resumed by watching, not by sending it again");
            assertEquals(putsBefore, own.requests("PUT", "/containerGroups/gw-resume"));
            assertEquals(1, own.az.control().list(SeedWorld.PRODUCTION, null).size());
        }
    }

    @Test
    void cancellingAPoolDeployCancelsEveryInstanceAndSendsNothingMore() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        try (Sim own = Sim.start(SimulatorOptions.defaults().withClock(clock))) {
            Sim.Events ev = new Sim.Events();
            AtomicReference<DeployResult> r = new AtomicReference<>();
            Thread t = new Thread(() -> r.set(own.az.deployer().deploy(Sim.spec("gw-cancel").instances(2).build(), ev)));
            t.start();
            waitFor(() -> ev.has("gw-cancel", DeployStep.ACCEPTED) && ev.has("gw-cancel-2", DeployStep.ACCEPTED));
            t.interrupt();
            t.join(10_000);
            assertFalse(t.isAlive());
            assertEquals(2, r.get().instances().size());
            assertTrue(r.get().instances().stream().allMatch(i -> !i.running() && i.failure().code().equals(AzureProblems.CANCELLED)),
                    r.get().toString());
            // (requests sent before the cancel may still be being answered: count what arrives, not what is answered)
            long n = own.sim.requestLog().receivedCount();
            Thread.sleep(100);
            assertEquals(n, own.sim.requestLog().receivedCount(), "nothing more is sent after a cancel");
        }
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
