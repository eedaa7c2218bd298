package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.exception.ManagementException;
import com.gatewaywizard.simulator.SeedWorld;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in to the simulator and the catalogue, with the real SDK over HTTP. */
class CatalogTest {
    @RegisterExtension
    static final Sim s = Sim.perClass();

    @Test
    void theSimulatorSessionSeesItsTenantAndBothSubscriptions() {
        assertEquals(CloudKind.SIMULATOR, s.az.cloud());
        assertEquals("simulator", s.az.account());
        List<TenantInfo> tenants = s.az.tenants();
        assertEquals(SeedWorld.TENANT, tenants.get(0).id());
        assertEquals(SeedWorld.TENANT_DOMAIN, tenants.get(0).defaultDomain());
        List<SubscriptionInfo> subs = s.az.subscriptions();
        assertEquals(List.of(SeedWorld.PRODUCTION_NAME, SeedWorld.TRAINING_NAME), subs.stream().map(SubscriptionInfo::displayName).toList());
        assertEquals(SeedWorld.TENANT, subs.get(0).tenantId());
        assertEquals("Enabled", subs.get(0).state());
    }

    @Test
    void resourceGroupsAreListedAndOneCanBeCreated() {
        List<String> names = s.az.catalog().resourceGroups(SeedWorld.PRODUCTION).stream().map(ResourceGroupInfo::name).toList();
        assertTrue(names.containsAll(List.of(SeedWorld.RESOURCE_GROUP, SeedWorld.EMPTY_RESOURCE_GROUP)), names.toString());
        ResourceGroupInfo created = s.az.catalog().createResourceGroup(SeedWorld.PRODUCTION, "rg-catalog-new", "northeurope");
        assertEquals(new ResourceGroupInfo("rg-catalog-new", "northeurope"), created);
        assertTrue(s.az.catalog().resourceGroups(SeedWorld.PRODUCTION).contains(created));
    }

    @Test
    void aciRegionsHaveArmNamesAndDisplayNamesSortedByDisplayName() {
        List<RegionInfo> regions = s.az.catalog().aciRegions(SeedWorld.PRODUCTION);
        assertTrue(regions.contains(new RegionInfo("westeurope", "West Europe")), regions.toString());
        assertTrue(regions.contains(new RegionInfo("eastus", "East US")), regions.toString());
        List<String> display = regions.stream().map(RegionInfo::displayName).toList();
        assertEquals(display.stream().sorted().toList(), display);
    }

    @Test
    void networksShowPrefixDelegationUsersAndNsgOfEverySubnet() {
        List<VnetInfo> nets = s.az.catalog().networks(SeedWorld.PRODUCTION);
        VnetInfo v = nets.stream().filter(n -> n.name().equals(SeedWorld.VNET)).findFirst().orElseThrow();
        assertEquals(List.of(SeedWorld.VNET_PREFIX), v.addressPrefixes());
        assertEquals(SeedWorld.RESOURCE_GROUP, v.resourceGroup());
        assertEquals(SeedWorld.LOCATION, v.location());
        SubnetInfo aci = v.subnets().stream().filter(x -> x.name().equals(SeedWorld.SUBNET_ACI)).findFirst().orElseThrow();
        assertTrue(aci.delegatedToAci());
        assertEquals("10.10.1.0/24", aci.addressPrefix());
        SubnetInfo vms = v.subnets().stream().filter(x -> x.name().equals(SeedWorld.SUBNET_VMS)).findFirst().orElseThrow();
        assertTrue(vms.usedByOthers());
        assertTrue(vms.usedBy().get(0).contains(SeedWorld.VM_NIC));
        SubnetInfo locked = v.subnets().stream().filter(x -> x.name().equals(SeedWorld.SUBNET_LOCKED)).findFirst().orElseThrow();
        assertEquals(SeedWorld.nsgId(SeedWorld.PRODUCTION), locked.nsgId());
    }

    @Test
    void oneSubnetByIdAndAMissingOneIsAnArmNotFound() {
        SubnetInfo u = s.az.catalog().subnet(Sim.subnet(SeedWorld.SUBNET_UNDELEGATED));
        assertEquals(SeedWorld.SUBNET_UNDELEGATED, u.name());
        assertEquals(SeedWorld.VNET, u.vnetName());
        assertEquals(SeedWorld.LOCATION, u.location());
        ManagementException e = assertThrows(ManagementException.class, () -> s.az.catalog().subnet(Sim.subnet("nope")));
        assertEquals(404, e.getResponse().getStatusCode());
        Explanation x = AzureProblems.explain(e);
        assertTrue(x.code().endsWith("NotFound"), x.code());
        assertFalse(x.nextStep().isBlank());
    }

    @Test
    void delegatingPutsOnlyTheSubnetAndWaitsUntilItHasSucceeded() {
        try (Sim own = Sim.start()) {
            own.sim.requestLog().clear();
            SubnetInfo d = own.az.catalog().delegateSubnet(Sim.subnet(SeedWorld.SUBNET_UNDELEGATED));
            assertTrue(d.delegatedToAci());
            assertEquals("10.10.2.0/24", d.addressPrefix());
            assertEquals(1, own.requests("PUT", "/subnets/" + SeedWorld.SUBNET_UNDELEGATED));
            assertEquals(0, own.requests("PUT", "/virtualNetworks/" + SeedWorld.VNET + "?"), "never a whole-VNet PUT");
            assertTrue(own.sim.requestLog().entries().stream().noneMatch(e -> e.method().equals("PUT") && e.path().endsWith(SeedWorld.VNET)));
            // a second call changes nothing
            own.sim.requestLog().clear();
            own.az.catalog().delegateSubnet(Sim.subnet(SeedWorld.SUBNET_UNDELEGATED));
            assertEquals(0, own.requests("PUT", "/subnets/"));
        }
    }

    @Test
    void delegatingASubnetUsedByAVmIsRefusedInPlainWords() {
        ManagementException e = assertThrows(ManagementException.class,
                () -> s.az.catalog().delegateSubnet(Sim.subnet(SeedWorld.SUBNET_VMS)));
        Explanation x = AzureProblems.explain(e);
        assertEquals("SubnetDelegationsCannotChangeWhenSubnetUsedByResource", x.code());
        assertEquals("Subnet is used by other resources", x.title());
    }

    @Test
    void regionLimitsComeFromTheCapabilitiesAndCoresFromTheUsage() {
        assertEquals(new RegionLimits("westeurope", 4, 16), s.az.catalog().limits(SeedWorld.PRODUCTION, "westeurope"));
        assertEquals(14, s.az.catalog().limits(SeedWorld.PRODUCTION, "westus").maxMemoryGb());
        CoreUsage cores = s.az.catalog().cores(SeedWorld.PRODUCTION, "northeurope");
        assertEquals(10, cores.limit());
        assertEquals(10, cores.free());
    }

    @Test
    void trainingIsUnregisteredAndRegisteringWaitsUntilRegistered() {
        try (Sim own = Sim.start()) {
            assertEquals(ProviderState.REGISTERED, own.az.catalog().providerState(SeedWorld.PRODUCTION));
            assertEquals(ProviderState.NOT_REGISTERED, own.az.catalog().providerState(SeedWorld.TRAINING));
            assertEquals(ProviderState.REGISTERED, own.az.catalog().registerProvider(SeedWorld.TRAINING));
            assertEquals(ProviderState.REGISTERED, own.az.catalog().providerState(SeedWorld.TRAINING));
            assertEquals(1, own.requests("POST", "/register"));
        }
    }

    @Test
    void managersAreBuiltOncePerSubscriptionEvenFromManyThreads() throws Exception {
        AzureConnection conn = (AzureConnection) s.az;
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.Set<Object> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> seen.add(conn.aci(SeedWorld.TRAINING)));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, seen.size());
        assertNotNull(conn.aci(SeedWorld.TRAINING.toUpperCase()));
        assertEquals(seen.iterator().next(), conn.aci(SeedWorld.TRAINING.toUpperCase()));
        assertFalse(conn.aci(SeedWorld.PRODUCTION) == conn.aci(SeedWorld.TRAINING));
    }
}
