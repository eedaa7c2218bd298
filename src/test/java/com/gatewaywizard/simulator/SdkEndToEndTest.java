package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.json.JsonProviders;
import com.azure.resourcemanager.containerinstance.ContainerInstanceManager;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.ContainerExecResponse;
import com.azure.resourcemanager.containerinstance.models.ContainerGroup;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupRestartPolicy;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.models.Delegation;
import com.azure.resourcemanager.network.models.Network;
import com.azure.resourcemanager.network.models.NetworkSecurityGroup;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Azure SDK (pinned versions) against the simulator over plain HTTP. */
class SdkEndToEndTest {
    static ArmSimulator sim;
    static ContainerInstanceManager aci;
    static final String RG = SeedWorld.RESOURCE_GROUP;

    @BeforeAll
    static void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant());
        aci = SdkHarness.aci(sim, SeedWorld.PRODUCTION);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static ContainerGroupInner inner(com.fasterxml.jackson.databind.JsonNode body) throws Exception {
        try (var reader = JsonProviders.createReader(ArmJson.write(body))) {
            return ContainerGroupInner.fromJson(reader);
        }
    }

    @Test
    void fluentCreateReachesRunningWithPrivateIpEventsAndAGatewayLog() {
        ContainerGroup cg = aci.containerGroups().define("gw-fluent").withRegion("westeurope")
                .withExistingResourceGroup(RG).withLinux()
                .withPrivateImageRegistry("index.docker.io", "user", "hub-token")
                .withEmptyDirectoryVolume("devshm")
                .defineContainerInstance("keeper-gateway").withImage("keeper/gateway:latest").withExternalTcpPort(443)
                .withCpuCoreCount(1.0).withMemorySizeInGB(2.0).withEnvironmentVariable("ACCEPT_EULA", "Y")
                .withEnvironmentVariableWithSecuredValue(Map.of("GATEWAY_CONFIG", Gateways.CONFIG))
                .withVolumeMountSetting("devshm", "/dev/shm").attach()
                .withExistingSubnet(SeedWorld.subnetId(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI))
                .withRestartPolicy(ContainerGroupRestartPolicy.ALWAYS).create();
        assertEquals("Succeeded", cg.provisioningState());
        assertEquals("Running", cg.state());
        assertTrue(cg.ipAddress().startsWith("10.10.1."), cg.ipAddress());
        var c = cg.containers().get("keeper-gateway");
        assertEquals("Running", c.instanceView().currentState().state());
        assertEquals(List.of("Pulling", "Pulled", "Started"),
                c.instanceView().events().stream().map(e -> e.name()).collect(Collectors.toList()));
        // Write-only secrets: the secure variable comes back by name only.
        var gatewayConfig = c.environmentVariables().stream().filter(e -> e.name().equals("GATEWAY_CONFIG")).findFirst().orElseThrow();
        assertNull(gatewayConfig.secureValue());
        assertNull(gatewayConfig.value());
        assertNull(cg.innerModel().imageRegistryCredentials().get(0).password());
        String logs = cg.getLogContent("keeper-gateway");
        assertTrue(logs.contains("Gateway is ONLINE"), logs);
        cg.manager().containerGroups().deleteByResourceGroup(RG, "gw-fluent");
    }

    @Test
    void innerModelLifecycleCreateListGetStopStartRestartLogsDelete() throws Exception {
        var client = aci.serviceClient().getContainerGroups();
        var poller = client.beginCreateOrUpdate(RG, "gw-inner", inner(Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)));
        poller.setPollInterval(Duration.ofMillis(20));
        assertEquals(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, poller.waitForCompletion().getStatus());
        ContainerGroupInner created = poller.getFinalResult();
        assertEquals("Succeeded", created.provisioningState());
        assertEquals("Running", created.instanceView().state());

        assertTrue(aci.containerGroups().listByResourceGroup(RG).stream().anyMatch(g -> g.name().equals("gw-inner")));
        ContainerGroup listed = aci.containerGroups().list().stream().filter(g -> g.name().equals("gw-inner")).findFirst().orElseThrow();
        assertNull(listed.state(), "list items carry no instanceView, as in Azure");

        ContainerGroup cg = aci.containerGroups().getByResourceGroup(RG, "gw-inner");
        cg.stop();
        cg.refresh();
        assertEquals("Stopped", cg.state());
        assertEquals("Terminated", cg.containers().get("keeper-gateway").instanceView().currentState().state());

        aci.containerGroups().start(RG, "gw-inner");
        cg.refresh();
        assertEquals("Running", cg.state());
        assertEquals(0, cg.containers().get("keeper-gateway").instanceView().restartCount());

        cg.restart();
        cg.refresh();
        assertEquals("Running", cg.state());
        assertEquals(1, cg.containers().get("keeper-gateway").instanceView().restartCount());

        String tail = aci.containerGroups().getLogContent(RG, "gw-inner", "keeper-gateway", 2);
        assertEquals(2, tail.lines().count(), tail);
        var logs = aci.serviceClient().getContainers().listLogsWithResponse(RG, "gw-inner", "keeper-gateway", null, true,
                com.azure.core.util.Context.NONE).getValue().content();
        assertTrue(logs.lines().allMatch(l -> l.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z .*")), logs);

        aci.containerGroups().deleteByResourceGroup(RG, "gw-inner");
        assertThrows(ManagementException.class, () -> aci.containerGroups().getByResourceGroup(RG, "gw-inner"));
    }

    @Test
    void execGivesAWebsocketWhereThePasswordComesFirstAndEchoAnswers() throws Exception {
        var client = aci.serviceClient().getContainerGroups();
        client.beginCreateOrUpdate(RG, "gw-exec", inner(Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)))
                .setPollInterval(Duration.ofMillis(20)).getFinalResult();
        ContainerGroup cg = aci.containerGroups().getByResourceGroup(RG, "gw-exec");
        ContainerExecResponse exec = cg.executeCommand("keeper-gateway", "/bin/sh", 24, 80);
        assertTrue(exec.webSocketUri().startsWith("ws://127.0.0.1:"), exec.webSocketUri());
        WsClient ws = WsClient.connect(exec.webSocketUri(), null);
        ws.send(exec.password());
        ws.await("# ");
        ws.send("echo hi\r");
        String out = ws.await("\r\nhi\r\n");
        assertTrue(out.contains("\r\nhi\r\n"), out);
        ws.send("env\r");
        out = ws.await("GATEWAY_CONFIG=");
        assertTrue(out.contains("GATEWAY_CONFIG=********"), out);
        assertFalse(out.contains(Gateways.CONFIG), "secure value shown in env");
        ws.send("exit\r");
        assertEquals(1000, ws.closeCode());

        var attach = cg.attachOutputStream("keeper-gateway");
        WsClient stream = WsClient.connect(attach.webSocketUri(), null);
        stream.send(attach.password());
        assertTrue(stream.await("Gateway is ONLINE").contains("Keeper Gateway 1.8.4 starting"), stream.text());
        aci.containerGroups().deleteByResourceGroup(RG, "gw-exec");
    }

    @Test
    void deletingAVnetGroupTakesAMomentAndTheSdkPollsItsAsyncOperation() throws Exception {
        try (ArmSimulator timed = ArmSimulator.start(SimulatorOptions.defaults().withSpeed(20))) {
            ContainerInstanceManager m = SdkHarness.aci(timed, SeedWorld.PRODUCTION);
            m.serviceClient().getContainerGroups().beginCreateOrUpdate(RG, "gw-del", inner(Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)))
                    .setPollInterval(Duration.ofMillis(20)).getFinalResult();
            timed.requestLog().clear();
            m.containerGroups().deleteByResourceGroup(RG, "gw-del");
            var statuses = timed.requestLog().entries().stream().map(e -> e.method() + " " + e.status()).toList();
            assertEquals("DELETE 202", statuses.get(0), statuses.toString());
            assertTrue(statuses.size() >= 2 && statuses.subList(1, statuses.size()).stream().allMatch(x -> x.equals("GET 200")), statuses.toString());
            assertThrows(ManagementException.class, () -> m.containerGroups().getByResourceGroup(RG, "gw-del"));
        }
    }

    @Test
    void providerRegistrationOnTrainingHappensThroughTheSdksAutomaticPolicy() throws Exception {
        ContainerInstanceManager training = SdkHarness.aci(sim, SeedWorld.TRAINING);
        assertEquals("NotRegistered", training.resourceManager().providers().getByName("Microsoft.ContainerInstance").registrationState());
        sim.requestLog().clear();
        var created = training.serviceClient().getContainerGroups()
                .beginCreateOrUpdate(RG, "gw-training", inner(Gateways.body(SeedWorld.TRAINING, SeedWorld.SUBNET_ACI)))
                .setPollInterval(Duration.ofMillis(20)).getFinalResult();
        assertEquals("Succeeded", created.provisioningState());
        List<String> calls = new ArrayList<>();
        sim.requestLog().entries().forEach(e -> calls.add(e.method() + " " + e.status() + " " + e.path().replaceAll(".*/providers/", "")));
        assertEquals("PUT 409 Microsoft.ContainerInstance/containerGroups/gw-training", calls.get(0), calls.toString());
        assertTrue(calls.contains("POST 200 Microsoft.ContainerInstance/register"), calls.toString());
        assertTrue(calls.contains("PUT 201 Microsoft.ContainerInstance/containerGroups/gw-training"), calls.toString());
        assertEquals("Registered", training.resourceManager().providers().getByName("Microsoft.ContainerInstance").registrationState());
    }

    @Test
    void subnetDelegationIsAddedWithASubnetOnlyPutAndThenTheSubnetCanHostAGroup() throws Exception {
        var subnets = aci.networkManager().serviceClient().getSubnets();
        SubnetInner s = subnets.get(RG, SeedWorld.VNET, SeedWorld.SUBNET_UNDELEGATED);
        assertTrue(s.delegations() == null || s.delegations().isEmpty());
        List<Delegation> d = new ArrayList<>(s.delegations() == null ? List.of() : s.delegations());
        d.add(new Delegation().withName("aci-delegation").withServiceName("Microsoft.ContainerInstance/containerGroups"));
        s.withDelegations(d);
        var poller = subnets.beginCreateOrUpdate(RG, SeedWorld.VNET, SeedWorld.SUBNET_UNDELEGATED, s);
        poller.setPollInterval(Duration.ofMillis(20));
        SubnetInner updated = poller.getFinalResult();
        assertEquals("Microsoft.ContainerInstance/containerGroups", updated.delegations().get(0).serviceName());
        assertEquals("10.10.2.0/24", updated.addressPrefix());
        // the rest of the network is untouched
        Network vnet = aci.networkManager().networks().getByResourceGroup(RG, SeedWorld.VNET);
        assertEquals(4, vnet.subnets().size());
        assertEquals(1, vnet.subnets().get(SeedWorld.SUBNET_LOCKED).innerModel().delegations().size());

        var created = aci.serviceClient().getContainerGroups()
                .beginCreateOrUpdate(RG, "gw-newly-delegated", inner(Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_UNDELEGATED)))
                .setPollInterval(Duration.ofMillis(20)).getFinalResult();
        assertEquals("10.10.2.4", created.ipAddress().ip());
        SubnetInner used = subnets.get(RG, SeedWorld.VNET, SeedWorld.SUBNET_UNDELEGATED);
        assertEquals(1, used.serviceAssociationLinks().size());
        aci.containerGroups().deleteByResourceGroup(RG, "gw-newly-delegated");
    }

    @Test
    void delegatingASubnetUsedByAVmNicIsRefused() {
        var subnets = aci.networkManager().serviceClient().getSubnets();
        SubnetInner s = subnets.get(RG, SeedWorld.VNET, SeedWorld.SUBNET_VMS);
        assertEquals(1, s.ipConfigurations().size());
        s.withDelegations(List.of(new Delegation().withName("aci").withServiceName("Microsoft.ContainerInstance/containerGroups")));
        ManagementException e = assertThrows(ManagementException.class,
                () -> subnets.beginCreateOrUpdate(RG, SeedWorld.VNET, SeedWorld.SUBNET_VMS, s).getFinalResult());
        assertEquals("SubnetDelegationsCannotChangeWhenSubnetUsedByResource", e.getValue().getCode());
    }

    @Test
    void networksSubnetsAndTheLockedNsgAreReadable() {
        List<Network> nets = aci.networkManager().networks().listByResourceGroup(RG).stream().toList();
        assertEquals(1, nets.size());
        assertEquals(List.of("10.10.0.0/16"), nets.get(0).addressSpaces());
        assertTrue(aci.networkManager().networks().list().stream().anyMatch(n -> n.name().equals(SeedWorld.VNET)));
        var locked = nets.get(0).subnets().get(SeedWorld.SUBNET_LOCKED);
        assertEquals(SeedWorld.nsgId(SeedWorld.PRODUCTION), locked.networkSecurityGroupId());
        NetworkSecurityGroup nsg = locked.getNetworkSecurityGroup();
        var rule = nsg.securityRules().get("deny-turn-udp-3478");
        assertEquals("Deny", rule.access().toString());
        assertEquals("Outbound", rule.direction().toString());
        assertEquals("Udp", rule.protocol().toString());
        assertEquals("3478", rule.destinationPortRange());
        assertEquals("49152-65535", nsg.securityRules().get("deny-relay-udp-high").destinationPortRange());
        assertEquals(6, nsg.defaultSecurityRules().size());
    }

    @Test
    void capabilitiesAndUsageDescribeTheRegion() throws Exception {
        var caps = aci.containerGroups().listCapabilities("westeurope").stream().toList();
        var linux = caps.stream().filter(c -> c.osType().equals("Linux")).findFirst().orElseThrow();
        assertEquals(4.0, linux.capabilities().maxCpu().doubleValue());
        assertEquals(16.0, linux.capabilities().maxMemoryInGB().doubleValue());
        var client = aci.serviceClient().getContainerGroups();
        client.beginCreateOrUpdate(RG, "gw-usage", inner(Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "westeurope", 2, 4)))
                .setPollInterval(Duration.ofMillis(20)).getFinalResult();
        var usage = aci.serviceClient().getLocations().listUsage("westeurope").stream()
                .filter(u -> u.name().value().equals("StandardCores")).findFirst().orElseThrow();
        assertEquals(10, usage.limit());
        assertTrue(usage.currentValue() >= 2, "cores in use " + usage.currentValue());
        aci.containerGroups().deleteByResourceGroup(RG, "gw-usage");
    }

    @Test
    void subscriptionsTenantsLocationsAndResourceGroupsAreListed() {
        ResourceManager.Authenticated rm = ResourceManager.authenticate(SdkHarness.httpPipeline(sim, SeedWorld.PRODUCTION),
                SdkHarness.profile(sim, SeedWorld.PRODUCTION));
        List<Subscription> subs = rm.subscriptions().list().stream().toList();
        assertEquals(List.of(SeedWorld.PRODUCTION_NAME, SeedWorld.TRAINING_NAME), subs.stream().map(Subscription::displayName).toList());
        assertEquals(SeedWorld.TENANT, rm.tenants().list().stream().findFirst().orElseThrow().tenantId());
        var locations = rm.subscriptions().getById(SeedWorld.PRODUCTION).listLocations().stream().map(l -> l.name()).toList();
        assertTrue(locations.containsAll(List.of("westeurope", "eastus", "usgovvirginia")), locations.toString());
        var groups = aci.resourceManager().resourceGroups().list().stream().map(g -> g.name()).toList();
        assertTrue(groups.containsAll(List.of(SeedWorld.RESOURCE_GROUP, SeedWorld.EMPTY_RESOURCE_GROUP)), groups.toString());
        var rg = aci.resourceManager().resourceGroups().define("rg-created-by-sdk").withRegion("eastus").create();
        assertEquals("eastus", rg.regionName());
        assertNotNull(aci.resourceManager().resourceGroups().getByName("rg-created-by-sdk"));
    }
}
