package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.spec.Names;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command that takes a gateway name answers an invalid one with the nearest valid name, as the wizard does. */
class NameSuggestionTest {
    private static final List<String> NAME_COMMANDS = List.of("status", "logs", "start", "stop", "restart", "delete");

    @Test
    void everyCommandTakingANameSuggestsTheNearestValidOne() {
        for (String command : NAME_COMMANDS) {
            for (String[] typedAndSuggested : new String[][] {{"Keeper_GW", "keeper-gw"}, {"Keeper-GW", "keeper-gw"},
                    {"My Gateway.Prod", "my-gateway-prod"}, {"edge--gw-", "edge-gw"}}) {
                List<String> args = new ArrayList<>(List.of(command, typedAndSuggested[0], "--cloud", "simulator"));
                if (command.equals("delete")) {
                    args.add("--yes");
                }
                CliRun r = CliRun.run(args.toArray(String[]::new));
                assertEquals(2, r.code(), command + " " + typedAndSuggested[0] + ": " + r.all());
                assertTrue(r.err().contains("did you mean " + typedAndSuggested[1] + "?"), command + ": " + r.err());
                assertFalse(r.err().contains("started the built-in simulator"), "refused before any Azure call: " + r.err());
            }
        }
    }

    @Test
    void aTooLongNameIsCutToTheLimit() {
        String typed = "Gateway_" + "x".repeat(70);
        CliRun r = CliRun.run("status", typed, "--cloud", "simulator");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("did you mean " + Names.suggest(typed) + "?") && Names.suggest(typed).length() == Names.MAX_LENGTH,
                r.err());
    }

    @Test
    void deployPreflightAndRenderSuggestTheNameToo() {
        for (String command : List.of("deploy", "preflight", "render")) {
            List<String> args = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs(command, "Keeper_GW", SeedWorld.SUBNET_ACI));
            if (!command.equals("render")) {
                args.add("--cloud=simulator");
            }
            CliRun r = CliRun.run(AzureCommandsSimulatorTest.ENV, "", args.toArray(String[]::new));
            assertEquals(1, r.code(), command + ": " + r.all());
            assertTrue(r.all().contains("error NAME_INVALID name:") && r.all().contains("Use keeper-gw"), command + ": " + r.all());
        }
    }

    @Test
    void aNameThatMayBeAPastedSecretIsNeitherEchoedNorTurnedIntoASuggestion() {
        String token = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9";
        CliRun r = CliRun.run("status", token, "--cloud", "simulator");
        assertEquals(2, r.code(), r.all());
        assertFalse(r.all().toLowerCase(java.util.Locale.ROOT).contains(token.toLowerCase(java.util.Locale.ROOT)), r.all());
        assertTrue(r.err().contains("e.g. keeper-gateway"), r.err());
    }
}
