package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import com.gatewaywizard.spec.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When Azure cannot be reached at all, preflight says so once, as an error, instead of one warning per check. */
class PreflightUnreachableTest {

    @Test
    void anEndpointThatRefusesConnectionsGivesOneUnreachableErrorAndNoOtherLiveCheck() throws Exception {
        ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant());
        String base = sim.uri().toString();
        try (AzureServices az = Azure.connect(SignInRequest.simulator(sim.uri()), AzureTuning.fast(), null)) {
            sim.close(); // the port now refuses connections
            List<Problem> ps = az.preflight().run(Sim.spec("pf-unreachable").build());
            List<Problem> live = ps.stream().filter(p -> ProblemCodes.preflightCodes().contains(p.code())).toList();
            assertEquals(1, live.size(), live.toString());
            Problem p = live.get(0);
            assertEquals(ProblemCodes.AZURE_UNREACHABLE, p.code());
            assertEquals(Preflight.CLOUD_FIELD, p.field(), "what cannot be reached is the cloud, not the subscription");
            assertEquals(Severity.ERROR, p.severity());
            assertTrue(p.message().contains("cannot be reached") && p.message().contains(base.replaceAll("/$", "")), p.message());
            assertTrue(p.message().contains("Nothing was checked or changed"), p.message());
            assertTrue(!p.fix().isBlank(), "a next step");
        }
    }

    @Test
    void aReachableSimulatorIsNeverCalledUnreachable() throws Exception {
        ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant());
        try (AzureServices az = Azure.connect(SignInRequest.simulator(sim.uri()), AzureTuning.fast(), null)) {
            List<Problem> ps = az.preflight().run(Sim.spec("pf-reachable").build());
            assertTrue(ps.stream().noneMatch(p -> p.code().equals(ProblemCodes.AZURE_UNREACHABLE)), ps.toString());
        } finally {
            sim.close();
        }
    }

    /** A check that fails on the way to Azure names the cloud; one that Azure answered with an error names its input. */
    @Test
    void aCheckThatCouldNotReachAzureNamesTheCloudNotTheInputItWasAbout() {
        List<Problem> live = new java.util.ArrayList<>();
        Object none = AzurePreflight.check(live, "subnetId", "the subnet", () -> {
            throw new java.io.UncheckedIOException(new java.net.ConnectException("refused"));
        });
        assertEquals(null, none);
        assertEquals(ProblemCodes.PREFLIGHT_CHECK_FAILED, live.get(0).code());
        assertEquals(Preflight.CLOUD_FIELD, live.get(0).field(), live.toString());

        live.clear();
        AzurePreflight.check(live, "subnetId", "the subnet", () -> {
            throw new IllegalStateException("an answer Azure gave");
        });
        assertEquals("subnetId", live.get(0).field(), live.toString());
    }
}
