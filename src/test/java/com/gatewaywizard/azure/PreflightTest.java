package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import com.gatewaywizard.spec.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every preflight problem on the simulator's seeded world. */
class PreflightTest {
    @RegisterExtension
    static final Sim s = Sim.perClass();

    static List<Problem> run(GatewaySpec.Builder b) {
        return s.az.preflight().run(b.build());
    }

    static Problem one(List<Problem> ps, String code) {
        List<Problem> found = ps.stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, found.size(), code + " in " + ps);
        Problem p = found.get(0);
        assertFalse(p.message().isBlank());
        assertFalse(p.fix().isBlank(), code);
        return p;
    }

    static List<String> liveCodes(List<Problem> ps) {
        return ps.stream().map(Problem::code).filter(ProblemCodes.preflightCodes()::contains).toList();
    }

    @Test
    void aGoodSpecHasNoErrorsAndPreflightOnlyReads() {
        s.sim.requestLog().clear();
        List<Problem> ps = run(Sim.spec("pf-good"));
        assertFalse(Problem.anyError(ps), ps.toString());
        assertEquals(List.of(), liveCodes(ps));
        assertTrue(s.sim.requestLog().entries().stream().allMatch(e -> e.method().equals("GET") || e.method().equals("HEAD")), "read-only");
    }

    @Test
    void itStartsWithTheSpecsOwnProblemsAndMakesNoCallsForAnInvalidSubscription() {
        s.sim.requestLog().clear();
        List<Problem> ps = run(Sim.spec("Bad_Name").subscriptionId("not-a-guid"));
        assertTrue(ps.stream().anyMatch(p -> p.code().equals(ProblemCodes.SUBSCRIPTION_ID_INVALID)));
        assertTrue(ps.stream().anyMatch(p -> p.code().equals(ProblemCodes.NAME_INVALID)));
        assertEquals(0, s.sim.requestLog().entries().size());
    }

    @Test
    void anUndelegatedSubnetOffersTheDelegation() {
        Problem p = one(run(Sim.spec("pf-undel").subnetId(Sim.subnet(SeedWorld.SUBNET_UNDELEGATED))), ProblemCodes.SUBNET_NOT_DELEGATED);
        assertTrue(p.isError());
        assertTrue(p.fix().contains("add the delegation"), p.fix());
    }

    @Test
    void aSubnetUsedByAVmIsRefused() {
        Problem p = one(run(Sim.spec("pf-vms").subnetId(Sim.subnet(SeedWorld.SUBNET_VMS))), ProblemCodes.SUBNET_IN_USE);
        assertTrue(p.message().contains(SeedWorld.VM_NIC), p.message());
    }

    @Test
    void theLockedNsgBlocksTheRelayPortsOfTheConfigsRegion() {
        List<Problem> ps = run(Sim.spec("pf-locked").subnetId(Sim.subnet(SeedWorld.SUBNET_LOCKED)));
        List<Problem> relay = ps.stream().filter(p -> p.code().equals(ProblemCodes.NSG_BLOCKS_RELAY)).toList();
        assertEquals(2, relay.size(), ps.toString());
        assertTrue(relay.stream().allMatch(p -> p.severity() == Severity.WARNING));
        assertTrue(relay.get(0).message().contains("deny-turn-udp-3478") && relay.get(0).message().contains("UDP 3478 to krelay.keepersecurity.eu"),
                relay.get(0).message());
        assertTrue(relay.get(1).message().contains("UDP 49152-65535"), relay.get(1).message());
        assertTrue(relay.get(1).fix().contains("below 110"), relay.get(1).fix());
        assertTrue(ps.stream().noneMatch(p -> p.code().equals(ProblemCodes.NSG_BLOCKS_KEEPER)), "TCP is allowed");
    }

    @Test
    void aSubnetOfAnotherRegionIsRefused() {
        Problem p = one(run(Sim.spec("pf-region").region("northeurope")), ProblemCodes.SUBNET_OTHER_REGION);
        assertTrue(p.message().contains("westeurope") && p.message().contains("northeurope"), p.message());
    }

    @Test
    void aMissingSubnetResourceGroupOrRegionIsNamed() {
        one(run(Sim.spec("pf-nosubnet").subnetId(Sim.subnet("does-not-exist"))), ProblemCodes.SUBNET_NOT_FOUND);
        one(run(Sim.spec("pf-norg").resourceGroup("rg-missing")), ProblemCodes.RESOURCE_GROUP_NOT_FOUND);
        one(run(Sim.spec("pf-noregion").region("brazilsouth")), ProblemCodes.REGION_NOT_OFFERED);
    }

    @Test
    void theUnregisteredTrainingSubscriptionAsksForRegistration() {
        List<Problem> ps = run(Sim.spec("pf-training").subscriptionId(SeedWorld.TRAINING)
                .subnetId(SeedWorld.subnetId(SeedWorld.TRAINING, SeedWorld.SUBNET_ACI)));
        Problem p = one(ps, ProblemCodes.PROVIDER_NOT_REGISTERED);
        assertTrue(p.fix().contains("Register"), p.fix());
        assertTrue(ps.stream().noneMatch(x -> x.code().equals(ProblemCodes.PREFLIGHT_CHECK_FAILED)), ps.toString());
    }

    @Test
    void noCoresLeftIsReportedWithNeededAndLeft() {
        try (Sim own = Sim.start(SimulatorOptions.instant().withScenario(Scenario.QUOTA))) {
            List<Problem> ps = own.az.preflight().run(Sim.spec("pf-quota").cpu(2).memoryGb(8).instances(2).build());
            Problem p = one(ps, ProblemCodes.CORE_QUOTA_EXCEEDED);
            assertTrue(p.message().contains("needs 4 cores, but only 0 of 10"), p.message());
        }
    }

    @Test
    void aNameTakenByAGroupNotOursIsAnError() throws Exception {
        GatewayControlTest.class.getName(); // same helper idea: create a group without our tags
        var body = com.gatewaywizard.manifest.ArmBody.of(Sim.spec("pf-taken").build(), 1);
        body.remove("tags");
        com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner inner;
        try (var reader = com.azure.json.JsonProviders.createReader(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(com.gatewaywizard.manifest.ArmBody.requestBody(body)))) {
            inner = com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner.fromJson(reader);
        }
        ((AzureConnection) s.az).aci(SeedWorld.PRODUCTION).getContainerGroups()
                .beginCreateOrUpdate(SeedWorld.RESOURCE_GROUP, "pf-taken", inner).setPollInterval(java.time.Duration.ofMillis(10)).getFinalResult();
        Problem p = one(run(Sim.spec("pf-taken")), ProblemCodes.NAME_TAKEN_NOT_OURS);
        assertTrue(p.isError());
    }

    @Test
    void ourExistingGatewayIsAnUpdateInPlaceUnlessItsSizeChanges() {
        assertTrue(s.az.deployer().deploy(Sim.spec("pf-ours").build(), DeployListener.NONE).allRunning());
        Problem same = one(run(Sim.spec("pf-ours")), ProblemCodes.NAME_TAKEN_UPDATE);
        assertEquals(Severity.INFO, same.severity());
        Problem bigger = one(run(Sim.spec("pf-ours").cpu(2)), ProblemCodes.NAME_TAKEN_RECREATE);
        assertTrue(bigger.isError());
        assertTrue(bigger.fix().contains("delete pf-ours"), bigger.fix());
    }

    @Test
    void memoryAboveTheRegionsCapabilityIsCheckedAgainstThatRegion() {
        List<Problem> ps = run(Sim.spec("pf-big").region("westus").memoryGb(15));
        Problem p = one(ps, ProblemCodes.MEMORY_OUT_OF_RANGE);
        assertTrue(p.message().contains("14"), p.message());
        assertTrue(run(Sim.spec("pf-big-we").memoryGb(15)).stream().noneMatch(x -> x.code().equals(ProblemCodes.MEMORY_OUT_OF_RANGE)),
                "westeurope allows 16 GB");
    }
}
