package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightWordingTest {
    @Test
    void theSummaryCountsErrorsWarningsAndNotesEachByName() {
        List<Problem> p = List.of(Problem.error("A", "", "a", ""), Problem.warning("B", "", "b", ""),
                Problem.info("C", "", "c", ""), Problem.info("D", "", "d", ""));
        assertEquals("1 error, 1 warning, 2 notes", PreflightCommand.counts(p));
        assertEquals("2 notes", PreflightCommand.counts(p.subList(2, 4)));
        assertEquals("", PreflightCommand.counts(List.of()));
        assertTrue(Commands.find("preflight").orElseThrow().summary().contains("--delegate-subnet"));
    }

    @Test
    void theDelegationHintComesAfterTheErrorItRefersTo() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(both, true, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs("preflight", "gw-hint",
                    SeedWorld.SUBNET_UNDELEGATED));
            args.add("--cloud=simulator=" + sim.baseUrl());
            int code = Commands.run(args, new Console(ps, ps, new ByteArrayInputStream(new byte[0]), AzureCommandsSimulatorTest.ENV));
            String out = both.toString(StandardCharsets.UTF_8);
            assertEquals(1, code, out);
            int error = out.indexOf("SUBNET_NOT_DELEGATED");
            int hint = out.indexOf("hint: add --delegate-subnet");
            assertTrue(error >= 0 && hint > error, out);
            assertTrue(out.contains("preflight: 1 error"), out);
        }
    }

    @Test
    void afterDelegateSubnetTheSummarySaysTheDelegationWasAddedNotThatNothingChanged() throws Exception {
        // No cores left in the region: preflight still fails after the delegation was added.
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.QUOTA))) {
            CliRun pre = AzureCommandsSimulatorTest.on(sim, AzureCommandsSimulatorTest.deployArgs("preflight", "gw-quota",
                    SeedWorld.SUBNET_UNDELEGATED, "--delegate-subnet"));
            assertEquals(1, pre.code(), pre.all());
            assertTrue(pre.err().contains("the subnet is delegated; checking again"), pre.err());
            assertFalse(pre.out().contains("SUBNET_NOT_DELEGATED"), pre.out());
            assertFalse(pre.out().contains("nothing was changed"), pre.out());
            assertTrue(pre.out().contains("; only the subnet's delegation to Microsoft.ContainerInstance/containerGroups was added"),
                    pre.out());
            long subnetPuts = sim.requestLog().entries().stream().filter(e -> e.method().equals("PUT")
                    && e.path().endsWith("/subnets/" + SeedWorld.SUBNET_UNDELEGATED) && e.status() / 100 == 2).count();
            assertEquals(1, subnetPuts, "the delegation was added with one PUT of the subnet");

            // Without --delegate-subnet (the subnet is delegated now) the same failure changed nothing, and says so.
            CliRun again = AzureCommandsSimulatorTest.on(sim, AzureCommandsSimulatorTest.deployArgs("preflight", "gw-quota",
                    SeedWorld.SUBNET_UNDELEGATED, "--delegate-subnet", "--json"));
            assertEquals(1, again.code(), again.all());
            assertTrue(again.out().contains("\"subnetDelegated\":false") || again.out().contains("\"subnetDelegated\" : false"),
                    again.out());
        }
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.QUOTA))) {
            CliRun deploy = AzureCommandsSimulatorTest.on(sim, AzureCommandsSimulatorTest.deployArgs("deploy", "gw-quota-2",
                    SeedWorld.SUBNET_UNDELEGATED, "--delegate-subnet"));
            assertEquals(1, deploy.code(), deploy.all());
            assertTrue(deploy.err().contains("deploy stopped: preflight found 1 error, 1 warning, 1 note; only the subnet's delegation"), deploy.err());
            assertFalse(deploy.err().contains("nothing was sent to Azure"), deploy.err());
        }
    }

    @Test
    void deployToAnEndpointThatCannotBeReachedStopsAtOneClearErrorAndSendsNothing() throws Exception {
        ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant());
        String url = sim.baseUrl();
        sim.close(); // nothing listens there any more
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs("deploy", "gw-nowhere", SeedWorld.SUBNET_ACI));
        args.add("--cloud=simulator=" + url);
        int code = Commands.run(args, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), AzureCommandsSimulatorTest.ENV));
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, all);
        assertTrue(all.contains("error AZURE_UNREACHABLE cloud: ") && all.contains("cannot be reached"), all);
        assertFalse(all.contains("PREFLIGHT_CHECK_FAILED"), "one error, not a warning per check: " + all);
        assertTrue(all.contains("nothing was sent to Azure"), all);
        assertFalse(all.contains("Not every instance is Running"), all);
    }

    @Test
    void anUnreachableCloudIsTheProblemsFieldInTextAndJsonNotTheSubscription() throws Exception {
        ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant());
        String url = sim.baseUrl();
        sim.close();
        List<String> args = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs("preflight", "gw-nowhere", SeedWorld.SUBNET_ACI));
        args.add("--cloud=simulator=" + url);
        args.add("--json");
        CliRun r = CliRun.run(AzureCommandsSimulatorTest.ENV, "", args.toArray(String[]::new));
        assertEquals(1, r.code(), r.all());
        com.fasterxml.jackson.databind.JsonNode unreachable = null;
        for (com.fasterxml.jackson.databind.JsonNode p : AzureCommandsSimulatorTest.JSON.readTree(r.out()).get("problems")) {
            if (p.get("code").asText().equals("AZURE_UNREACHABLE")) {
                unreachable = p;
            }
        }
        assertTrue(unreachable != null, r.out());
        assertEquals("cloud", unreachable.get("field").asText(), r.out());
    }
}
