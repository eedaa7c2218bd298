package com.gatewaywizard.cli;

import static com.gatewaywizard.cli.AzureCommandsSimulatorTest.deployArgs;
import static com.gatewaywizard.cli.AzureCommandsSimulatorTest.on;
import static com.gatewaywizard.cli.AzureCommandsSimulatorTest.sentPut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.RequestLog;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --subscription} takes a subscription's id or its display name in every command that signs in, as each
 * command's help says; render, which signs in nowhere, says it takes an id only.
 */
class SubscriptionByNameTest {
    static final String SUB = SeedWorld.PRODUCTION;
    static final String RG = SeedWorld.RESOURCE_GROUP;
    static ArmSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static boolean putTo(ArmSimulator s, String subscription, String name) {
        for (RequestLog.Entry e : s.requestLog().entries()) {
            if (e.method().equals("PUT") && e.path().startsWith("/subscriptions/" + subscription + "/")
                    && e.path().endsWith("/containerGroups/" + name)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void preflightAndDeployTakeTheSubscriptionsDisplayNameInAnyCase() {
        CliRun pre = on(sim, deployArgs("preflight", "gw-named", SeedWorld.SUBNET_ACI, "--subscription", "contoso PRODUCTION"));
        assertEquals(0, pre.code(), pre.all());
        assertTrue(pre.out().contains("preflight passed"), pre.out());
        assertFalse(pre.all().contains("SUBSCRIPTION_ID_INVALID"), pre.all());

        CliRun dep = on(sim, deployArgs("deploy", "gw-named", SeedWorld.SUBNET_ACI, "--subscription", SeedWorld.PRODUCTION_NAME));
        assertEquals(0, dep.code(), dep.all());
        assertTrue(putTo(sim, SUB, "gw-named"), "deployed to the subscription the name means");

        // and every command that acts on a gateway, named exactly or searched
        for (List<String> args : List.of(List.of("status", "gw-named"), List.of("logs", "gw-named"), List.of("list"),
                List.of("restart", "gw-named"))) {
            CliRun r = on(sim, concat(args, "--subscription", SeedWorld.PRODUCTION_NAME, "--resource-group", RG));
            assertEquals(0, r.code(), args + ": " + r.all());
            CliRun searched = on(sim, concat(args, "--subscription", SeedWorld.PRODUCTION_NAME));
            assertEquals(0, searched.code(), args + ": " + searched.all());
        }
        assertEquals(0, on(sim, "delete", "gw-named", "--yes", "--subscription", SeedWorld.PRODUCTION_NAME).code());
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    @Test
    void aNameOfAnotherSubscriptionThanTheSubnetsIsCheckedOnceLookedUpAndNothingIsSent() {
        CliRun r = on(sim, deployArgs("deploy", "gw-elsewhere", SeedWorld.SUBNET_ACI, "--subscription", SeedWorld.TRAINING_NAME));
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("error SUBNET_OTHER_SUBSCRIPTION subnetId") && r.err().contains(SeedWorld.TRAINING), r.err());
        assertFalse(sentPut(sim, "gw-elsewhere"));
        CliRun pre = on(sim, deployArgs("preflight", "gw-elsewhere", SeedWorld.SUBNET_ACI, "--subscription", SeedWorld.TRAINING_NAME));
        assertEquals(1, pre.code(), pre.all());
        assertTrue(pre.out().contains("SUBNET_OTHER_SUBSCRIPTION") && pre.out().contains("(Azure's checks were not run)"), pre.out());
    }

    @Test
    void anUnknownNameIsRefusedByEveryCommandNamingTheOptionAndTheChoices() {
        for (List<String> args : List.of(deployArgs("preflight", "gw-x", SeedWorld.SUBNET_ACI),
                deployArgs("deploy", "gw-x", SeedWorld.SUBNET_ACI), List.of("list"), List.of("status", "gw-main"),
                List.of("status", "gw-main", "--resource-group", RG), List.of("restart", "gw-main"))) {
            CliRun r = on(sim, concat(args, "--subscription", "Contoso Staging"));
            assertEquals(1, r.code(), args + ": " + r.all());
            assertTrue(r.err().contains("--subscription: no subscription with the id or name 'Contoso Staging'")
                    && r.err().contains(SUB + " (" + SeedWorld.PRODUCTION_NAME + ")")
                    && r.err().contains(SeedWorld.TRAINING + " (" + SeedWorld.TRAINING_NAME + ")"), args + ": " + r.err());
            assertFalse(r.all().contains("SUBSCRIPTION_ID_INVALID"), r.all());
        }
        assertFalse(sentPut(sim, "gw-x"));
    }

    @Test
    void aMistypedIdIsStillAnIdProblemFoundBeforeSignIn() {
        CliRun r = on(sim, deployArgs("preflight", "gw-typo", SeedWorld.SUBNET_ACI, "--subscription", SUB.substring(1)));
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("error SUBSCRIPTION_ID_INVALID subscriptionId") && r.out().contains("Azure was not asked"),
                r.out());
    }

    @Test
    void aNameTwoSubscriptionsShareIsRefusedWithBothIds(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("world.json");
        try (ArmSimulator s = ArmSimulator.start(SimulatorOptions.instant().withStateFile(state))) {
            assertEquals(0, AzureCommandsSimulatorTest.deploy(s, "gw-seed").code()); // a change: the world is saved
        }
        Files.writeString(state, Files.readString(state).replace('"' + SeedWorld.TRAINING_NAME + '"',
                '"' + SeedWorld.PRODUCTION_NAME + '"'));
        try (ArmSimulator s = ArmSimulator.start(SimulatorOptions.instant().withStateFile(state))) {
            for (List<String> args : List.of(deployArgs("preflight", "gw-y", SeedWorld.SUBNET_ACI), List.of("list"))) {
                CliRun r = on(s, concat(args, "--subscription", SeedWorld.PRODUCTION_NAME.toLowerCase()));
                assertEquals(1, r.code(), r.all());
                assertTrue(r.err().contains("--subscription: 2 subscriptions are named") && r.err().contains(SUB)
                        && r.err().contains(SeedWorld.TRAINING) && r.err().contains("give the id"), r.err());
            }
            CliRun byId = on(s, "list", "--subscription", SUB);
            assertEquals(0, byId.code(), byId.all());
        }
    }

    /** Each command's help says what its --subscription takes, once, and the behaviour above agrees with it. */
    @Test
    void everyCommandsHelpSaysWhetherItsSubscriptionTakesANameAndOnlyOnce() {
        for (Command c : Commands.all()) {
            String help = c.usage();
            long lines = help.lines().filter(l -> l.stripLeading().startsWith("--subscription")).count();
            if (c instanceof AzureCommand) {
                assertEquals(1, lines, c.name() + ":\n" + help);
                assertTrue(help.contains("--subscription ID|NAME"), c.name() + ":\n" + help);
            } else if (c.name().equals("render")) {
                assertEquals(1, lines, help);
                assertTrue(help.contains("--subscription ID ") && help.contains("not its name"), help);
            }
        }
        CliRun render = CliRun.run("render", "--name", "gw-r", "--location", SeedWorld.LOCATION, "--subnet-id",
                AzureCommandsSimulatorTest.subnet(SeedWorld.SUBNET_ACI), "--docker-user", "keeperdemo",
                "--subscription", SeedWorld.PRODUCTION_NAME);
        assertEquals(1, render.code(), render.all());
        assertTrue(render.err().contains("error SUBSCRIPTION_ID_INVALID subscriptionId"), render.err());
    }
}
