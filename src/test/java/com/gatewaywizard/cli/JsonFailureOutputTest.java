package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With --json, a command that fails early still prints one JSON object on stdout: {@code ok: false} and problems with
 * code, field and message (preflight and deploy with their own result fields). Real commands on the simulator.
 */
class JsonFailureOutputTest {

    private static JsonNode json(CliRun r) throws Exception {
        assertFalse(r.out().isBlank(), "stdout holds the JSON object: " + r.all());
        return Json.MAPPER.readTree(r.out());
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }

    private static CliRun run(List<String> args) {
        return CliRun.run(AzureCommandsSimulatorTest.ENV, "", args.toArray(String[]::new));
    }

    @Test
    void aSubscriptionNoOneHasPrintsTheProblemAsJsonInEveryAzureCommand() throws Exception {
        List<List<String>> runs = List.of(
                AzureCommandsSimulatorTest.deployArgs("preflight", "gw-json", SeedWorld.SUBNET_ACI),
                AzureCommandsSimulatorTest.deployArgs("deploy", "gw-json", SeedWorld.SUBNET_ACI),
                List.of("list"), List.of("status", "keeper-gateway"), List.of("restart", "keeper-gateway"));
        for (List<String> a : runs) {
            CliRun r = run(with(a, "--cloud", "simulator", "--subscription", "Nope", "--json"));
            assertEquals(1, r.code(), a + ": " + r.all());
            JsonNode o = json(r);
            assertFalse(o.path("ok").asBoolean(true), a + ": " + o);
            JsonNode p = o.path("problems").path(0);
            assertEquals(CliProblem.SUBSCRIPTION_NOT_FOUND, p.path("code").asText(), a + ": " + o);
            assertEquals("subscriptionId", p.path("field").asText(), a + ": " + o);
            assertTrue(p.path("message").asText().contains("Nope"), a + ": " + o);
            assertTrue(p.path("fix").asText().startsWith("give one of these ids or names"), a + ": " + o);
            assertTrue(r.err().contains("no subscription with the id or name"), "stderr still explains: " + r.err());
        }
        JsonNode preflight = json(run(with(AzureCommandsSimulatorTest.deployArgs("preflight", "gw-json", SeedWorld.SUBNET_ACI),
                "--cloud", "simulator", "--subscription", "Nope", "--json")));
        assertFalse(preflight.path("azureChecked").asBoolean(true), preflight.toString());
        assertFalse(preflight.path("delegationAdded").asBoolean(true), preflight.toString());
        JsonNode deploy = json(run(with(AzureCommandsSimulatorTest.deployArgs("deploy", "gw-json", SeedWorld.SUBNET_ACI),
                "--cloud", "simulator", "--subscription", "Nope", "--json")));
        assertFalse(deploy.path("allRunning").asBoolean(true), deploy.toString());
    }

    @Test
    void aUsageErrorWithJsonPrintsAUsageProblemNamingTheOption() throws Exception {
        CliRun r = run(List.of("list", "--cloud", "simulator", "--subscription", "", "--json"));
        assertEquals(2, r.code(), r.all());
        JsonNode p = json(r).path("problems").path(0);
        assertEquals("USAGE", p.path("code").asText(), r.out());
        assertEquals("--subscription", p.path("field").asText(), r.out());
    }

    @Test
    void deployStoppedByTheInputsOwnErrorsPrintsItsJsonResult() throws Exception {
        CliRun r = run(with(AzureCommandsSimulatorTest.deployArgs("deploy", "Bad_Name!", SeedWorld.SUBNET_ACI),
                "--cloud", "simulator", "--json"));
        assertEquals(1, r.code(), r.all());
        JsonNode o = json(r);
        assertFalse(o.path("allRunning").asBoolean(true), o.toString());
        assertTrue(o.path("stoppedByPreflight").asBoolean(false), o.toString());
        assertTrue(o.path("problems").size() > 0, o.toString());
    }

    @Test
    void preflightOnASimulatorWhereNothingListensSaysAzureWasNotChecked() throws Exception {
        String url;
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            url = "http://127.0.0.1:" + sim.uri().getPort();
        }
        CliRun r = run(with(AzureCommandsSimulatorTest.deployArgs("preflight", "gw-json", SeedWorld.SUBNET_ACI),
                "--cloud=simulator=" + url, "--json"));
        assertEquals(1, r.code(), r.all());
        JsonNode o = json(r);
        boolean unreachable = false;
        for (JsonNode p : o.path("problems")) {
            unreachable |= p.path("code").asText().equals("AZURE_UNREACHABLE");
        }
        assertTrue(unreachable, o.toString());
        assertFalse(o.path("azureChecked").asBoolean(true), "Azure could not be reached: " + o);

        CliRun text = run(with(AzureCommandsSimulatorTest.deployArgs("preflight", "gw-json", SeedWorld.SUBNET_ACI),
                "--cloud=simulator=" + url));
        assertTrue(text.out().contains("Azure could not be reached, so its checks were not run"), text.out());
    }
}
