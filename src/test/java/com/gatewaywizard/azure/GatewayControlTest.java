package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.exception.ManagementException;
import com.azure.json.JsonProviders;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.spec.GatewaySpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Watching and operating gateways with the real SDK against the simulator. */
class GatewayControlTest {
    @RegisterExtension
    static final Sim s = Sim.perClass();

    @BeforeAll
    static void deployOursAndForeignGroups() throws Exception {
        assertTrue(s.az.deployer().deploy(Sim.spec("ctl").instances(2).build(), DeployListener.NONE).allRunning());
        // Two groups that are not ours: one runs the gateway image (listed), one runs something else (not listed).
        foreign("foreign-gateway", "keeper/gateway:latest");
        foreign("foreign-alpine", "alpine:3.20");
    }

    static void foreign(String name, String image) throws Exception {
        ObjectNode body = ArmBody.of(Sim.spec(name).image(image).build(), 1);
        body.remove("tags");
        ObjectNode props = (ObjectNode) body.get("properties");
        props.remove("sku");
        ContainerGroupInner inner;
        try (var reader = JsonProviders.createReader(new ObjectMapper().writeValueAsString(ArmBody.requestBody(body)))) {
            inner = ContainerGroupInner.fromJson(reader);
        }
        ((AzureConnection) s.az).aci(SeedWorld.PRODUCTION).getContainerGroups()
                .beginCreateOrUpdate(SeedWorld.RESOURCE_GROUP, name, inner).setPollInterval(Duration.ofMillis(10)).getFinalResult();
    }

    @Test
    void theListHasOursAndForeignGatewayImagesWithTheirStateSortedByPoolAndInstance() {
        List<GatewayStatus> list = s.az.control().list(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP);
        List<String> names = list.stream().map(g -> g.ref().name()).filter(n -> n.equals("ctl") || n.equals("ctl-2") || n.startsWith("foreign")).toList();
        assertEquals(List.of("ctl", "ctl-2", "foreign-gateway"), names);
        GatewayStatus second = list.stream().filter(g -> g.ref().name().equals("ctl-2")).findFirst().orElseThrow();
        assertEquals("ctl", second.pool());
        assertEquals(2, second.instance());
        assertTrue(second.managedByUs());
        assertEquals("Running", second.state(), "state read per group: the list has no instance view");
        GatewayStatus foreign = list.stream().filter(g -> g.ref().name().equals("foreign-gateway")).findFirst().orElseThrow();
        assertFalse(foreign.managedByUs());
        assertEquals("foreign-gateway", foreign.pool());
        assertEquals(list.size(), s.az.control().list(SeedWorld.PRODUCTION, null).size());
    }

    @Test
    void aSubscriptionWithoutTheProviderHasNoGatewaysToList() {
        // Microsoft.ContainerInstance is not registered in Training, so no container group can exist there
        assertEquals(List.of(), s.az.control().list(SeedWorld.TRAINING, null));
        assertEquals(List.of(), s.az.control().list(SeedWorld.TRAINING, SeedWorld.RESOURCE_GROUP));
    }

    @Test
    void statusHasEverythingTheDashboardShows() {
        GatewayStatus st = s.az.control().status(s.ref("ctl"));
        assertEquals("Succeeded", st.provisioningState());
        assertTrue(st.running());
        assertEquals(SeedWorld.LOCATION, st.region());
        assertEquals(Sim.subnet(SeedWorld.SUBNET_ACI), st.subnetId());
        assertEquals("keeper/gateway:1.8.4", st.image());
        assertEquals(1.0, st.cpu());
        assertEquals(2.0, st.memoryGb());
        assertTrue(st.ip().startsWith("10.10.1."));
        assertEquals("Running", st.current().state());
        assertNotNull(st.containerStarted());
        assertEquals(List.of("Started", "Pulled", "Pulling"), st.events().stream().map(EventInfo::name).toList(), "newest first");
        assertEquals("gateway-wizard", st.tags().get("managed-by"));
    }

    @Test
    void logsHonourTailAndTimestamps() {
        String all = s.az.control().logs(s.ref("ctl"), null, false);
        assertTrue(all.contains("Keeper Gateway 1.8.4 starting"), all);
        assertEquals(2, s.az.control().logs(s.ref("ctl"), 2, false).lines().count());
        assertTrue(s.az.control().logs(s.ref("ctl"), 3, true).lines().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT.*Z .*")));
    }

    @Test
    void theFollowerReturnsOnlyNewLinesAndMarksARestart() throws Exception {
        GatewaySpec spec = Sim.spec("ctl-follow").build();
        assertTrue(s.az.deployer().deploy(spec, DeployListener.NONE).allRunning());
        GatewayRef ref = s.ref("ctl-follow");
        LogFollower f = s.az.control().follow(ref, false);
        LogChunk first = f.poll();
        assertFalse(first.restarted());
        assertTrue(first.lines().get(0).contains("starting"), first.lines().toString());
        Thread.sleep(350); // heartbeats every 100 ms on the instant simulator
        LogChunk second = f.poll();
        assertFalse(second.restarted());
        assertFalse(second.lines().isEmpty());
        assertTrue(second.lines().stream().allMatch(l -> l.contains("Heartbeat")), second.lines().toString());
        s.az.control().restart(ref);
        LogChunk third = f.poll();
        assertTrue(third.restarted());
        assertNotNull(third.restartDetectedAt());
        assertEquals(1, third.restartCount());
        assertTrue(third.lines().get(0).contains("starting"), third.lines().toString());
        LogChunk fourth = f.poll();
        assertFalse(fourth.restarted());
        assertTrue(fourth.lines().stream().noneMatch(l -> l.contains("starting")), fourth.lines().toString());
    }

    @Test
    void stopStartRestartAndDeleteChangeTheGroup() {
        assertTrue(s.az.deployer().deploy(Sim.spec("ctl-ops").build(), DeployListener.NONE).allRunning());
        GatewayRef ref = s.ref("ctl-ops");
        s.sim.requestLog().clear();
        s.az.control().stop(ref);
        assertEquals(1, s.sim.requestLog().entries().size(), "stop is one POST (204)");
        assertTrue(s.az.control().status(ref).stopped());
        s.az.control().start(ref);
        assertTrue(s.az.control().status(ref).running());
        s.sim.requestLog().clear();
        s.az.control().restart(ref);
        assertEquals(1, s.sim.requestLog().entries().size(), "restart is one POST (204): " + s.sim.requestLog().entries());
        GatewayStatus after = s.az.control().status(ref);
        assertTrue(after.running());
        assertEquals(1, after.restartCount());
        s.az.control().delete(ref);
        ManagementException gone = assertThrows(ManagementException.class, () -> s.az.control().status(ref));
        assertEquals(404, gone.getResponse().getStatusCode());
    }

    @Test
    void restartingAStoppedGatewayIsExplainedAsStartInstead() {
        assertTrue(s.az.deployer().deploy(Sim.spec("ctl-stopped").build(), DeployListener.NONE).allRunning());
        GatewayRef ref = s.ref("ctl-stopped");
        s.az.control().stop(ref);
        ManagementException e = assertThrows(ManagementException.class, () -> s.az.control().restart(ref));
        Explanation x = AzureProblems.explain(e);
        assertEquals("ContainerGroupStopped", x.code());
        assertEquals("Start it instead.", x.nextStep());
        s.az.control().delete(ref);
    }

    @Test
    void theConsoleSendsThePasswordFirstThenInputAndHandsOutput() throws Exception {
        StringBuffer out = new StringBuffer();
        CountDownLatch closed = new CountDownLatch(1);
        try (ConsoleSession c = s.az.control().console(s.ref("ctl"), "/bin/sh", 24, 80, out::append, closed::countDown)) {
            waitFor(() -> out.toString().contains("# "));
            c.send("echo hello-console\r");
            waitFor(() -> out.toString().contains("\r\nhello-console\r\n"));
            c.send("echo newline-ends-a-line-too\n");
            waitFor(() -> out.toString().contains("\nnewline-ends-a-line-too\r\n"));
            c.send("env\r");
            waitFor(() -> out.toString().contains("GATEWAY_CONFIG="));
            assertFalse(out.toString().contains(Sim.CONFIG), "the secure value is not shown");
            c.interrupt();
            c.resize(40, 120);
            assertTrue(c.isOpen());
            c.send("exit\r");
            assertTrue(closed.await(5, TimeUnit.SECONDS));
            assertFalse(c.isOpen());
        }
        assertNull(null);
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        DeployerTest.waitFor(c);
    }
}
