package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.SeedWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every option value that is not a secret input is checked the same way in every command: a value that holds a secret
 * (also as a tag's name or value, or after a space) is refused without being echoed, and an empty one is a usage
 * error naming the option. Commands run in-process; those on Azure against the built-in simulator.
 */
class OptionValueChecksTest {
    /** Made at test time, never a real token; its random tail must never be printed. */
    private static final String PAT = com.gatewaywizard.keeper.TestConfigs.fakePat("OptionChecks");
    private static final String TAIL = PAT.substring(PAT.length() - 24);

    private static CliRun run(List<String> args) {
        return CliRun.run(AzureCommandsSimulatorTest.ENV, "", args.toArray(String[]::new));
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }

    private static List<String> spec(String command) {
        return with(AzureCommandsSimulatorTest.deployArgs(command, "gw-checks", SeedWorld.SUBNET_ACI), "--cloud", "simulator");
    }

    @Test
    void aTokenInATagsValueOrNameIsRefusedInRenderPreflightAndDeployAndNeverPrinted() {
        for (String command : List.of("render", "preflight", "deploy")) {
            List<String> base = command.equals("render")
                    ? AzureCommandsSimulatorTest.deployArgs("render", "gw-checks", SeedWorld.SUBNET_ACI) : spec(command);
            for (String tag : List.of("x=" + PAT, PAT + "=x", "note=see " + PAT)) {
                CliRun r = run(with(base, "--tag", tag));
                assertEquals(2, r.code(), command + " --tag: " + r.all());
                assertTrue(r.err().contains("--tag holds what looks like a Docker Hub access token"), r.err());
                assertFalse(r.all().contains(TAIL), command + " echoed the token: " + r.all());
            }
        }
    }

    @Test
    void aTokenHiddenInAnyOtherFreeTextOptionIsRefusedInEveryCommand() {
        List<List<String>> runs = List.of(
                with(AzureCommandsSimulatorTest.deployArgs("render", "gw-checks", SeedWorld.SUBNET_ACI), "--image",
                        "keeper/gateway:latest," + PAT),
                with(spec("preflight"), "--docker-user", "me " + PAT),
                List.of("list", "--cloud", "simulator", "--resource-group", "rg=" + PAT),
                List.of("status", "keeper-gateway", "--cloud", "simulator", "--subscription", "prod;" + PAT),
                List.of("validate", "keeper-gateway.yml," + PAT),
                List.of("simulator", "--state", "w.json=" + PAT));
        for (List<String> a : runs) {
            CliRun r = run(a);
            assertEquals(2, r.code(), a.get(0) + ": " + r.all());
            assertTrue(r.err().contains("looks like a Docker Hub access token"), a.get(0) + ": " + r.err());
            assertFalse(r.all().contains(TAIL), a.get(0) + " echoed the token: " + r.all());
        }
    }

    @Test
    void anEmptyOrBlankValueIsAUsageErrorNamingTheOption() {
        List<List<String>> runs = List.of(
                List.of("list", "--cloud", "simulator", "--subscription", ""),
                List.of("list", "--cloud", "simulator", "--subscription=  "),
                with(spec("preflight"), "--subscription", ""),
                with(spec("deploy"), "--subscription", " "),
                List.of("status", "keeper-gateway", "--cloud", "simulator", "--resource-group", ""),
                with(AzureCommandsSimulatorTest.deployArgs("render", "gw-checks", SeedWorld.SUBNET_ACI), "--name", ""),
                List.of("restart", "keeper-gateway", "--cloud", "simulator", "--subscription", ""));
        for (List<String> a : runs) {
            CliRun r = run(a);
            String option = a.stream().filter(s -> s.startsWith("--subscription") || s.startsWith("--resource-group")
                    || s.equals("--name")).reduce((x, y) -> y).orElseThrow().replaceAll("=.*", "");
            assertEquals(2, r.code(), a + ": " + r.all());
            assertTrue(r.err().contains(option + " is given an empty value"), a + ": " + r.err());
            assertFalse(r.out().contains("gw-main"), "nothing was searched: " + r.out());
        }
    }

    @Test
    void aSimulatorAddressWithIpv6OrWithoutAPortIsAUsageErrorSayingWhat() {
        CliRun v6 = CliRun.run("list", "--cloud", "simulator=http://[::1]:18443");
        assertEquals(2, v6.code(), v6.all());
        assertTrue(v6.err().contains("IPv6 address is not supported") && v6.err().contains("127.0.0.1"), v6.err());
        assertFalse(v6.err().contains("For input string"), v6.err());

        CliRun noPort = CliRun.run("list", "--cloud", "simulator=http://127.0.0.1");
        assertEquals(2, noPort.code(), noPort.all());
        assertTrue(noPort.err().contains("--cloud simulator=URL: the address needs its port"), noPort.err());
    }
}
