package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing input gets one message, which names the flag to add; no manifest-terms repeat of it. */
class MissingInputWordingTest {

    private static List<String> problemLines(String text) {
        return text.lines().filter(l -> l.matches("^(error|warning|info) [A-Z_]+ .*")).toList();
    }

    @Test
    void everyMissingInputTheSpecRulesReportNamesItsFlagInTheCli() {
        List<Problem> missing = SpecValidator.validate(GatewaySpec.builder().subnetId("").build()).stream()
                .filter(p -> p.code().endsWith("_REQUIRED")).toList();
        assertTrue(missing.size() >= 8, missing.toString());
        for (Problem p : missing) {
            String line = CliWords.of(p);
            assertTrue(line.contains(" \u2014 Add --"), "the fix is the flag to add: " + line);
        }
    }

    @Test
    void deployWithoutSecretsSaysOnceForEachWhichFlagToAdd() {
        List<String> args = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs("deploy", "gw-nosecrets", SeedWorld.SUBNET_ACI));
        for (String flag : List.of("--docker-user", "--docker-pat-env", "--gateway-config-env")) {
            int at = args.indexOf(flag);
            args.remove(at + 1);
            args.remove(at);
        }
        args.add("--cloud=simulator");
        CliRun r = CliRun.run(Map.of(), "", args.toArray(String[]::new));
        assertEquals(1, r.code(), r.all());
        List<String> lines = problemLines(r.err());
        for (String[] codeAndFlag : new String[][] {{"DOCKER_USER_REQUIRED", "--docker-user"},
                {"DOCKER_PAT_REQUIRED", "--docker-pat-file"}, {"GATEWAY_CONFIG_REQUIRED", "--gateway-config-file"}}) {
            List<String> about = lines.stream().filter(l -> l.contains(" " + codeAndFlag[0] + " ")).toList();
            assertEquals(1, about.size(), lines.toString());
            assertTrue(about.get(0).contains("Add " + codeAndFlag[1]), about.get(0));
        }
        assertFalse(r.all().contains("REGISTRY_CREDENTIALS_MISSING") || r.all().contains("imageRegistryCredentials"),
                "the missing Docker Hub credentials are said once, with the flags: " + r.all());
        assertFalse(r.all().contains("GATEWAY_CONFIG_MISSING"), r.all());
        assertTrue(r.err().contains("nothing was sent to Azure"), r.err());
    }

    @Test
    void renderAndPreflightWithoutALocationSayItOnceWithTheFlag() {
        for (String command : List.of("render", "preflight")) {
            List<String> args = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs(command, "gw-noloc", SeedWorld.SUBNET_ACI));
            int at = args.indexOf("--location");
            args.remove(at + 1);
            args.remove(at);
            if (command.equals("preflight")) {
                args.add("--cloud=simulator");
            }
            CliRun r = CliRun.run(AzureCommandsSimulatorTest.ENV, "", args.toArray(String[]::new));
            assertEquals(1, r.code(), r.all());
            assertTrue(r.all().contains("error REGION_REQUIRED region:") && r.all().contains("Add --location REGION"), r.all());
            assertFalse(r.all().contains("LOCATION_MISSING"), command + ": " + r.all());
        }
    }
}
