package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --state: the world survives a restart of the simulator, and secrets never reach the file. */
class StatePersistenceTest {
    @TempDir
    Path dir;

    @Test
    void aDeployedGroupIsStillRunningAfterARestartWithItsIpAndAGrowingLog() throws Exception {
        Path state = dir.resolve("world.json");
        ManualClock clock = ManualClock.startingNow();
        SimulatorOptions options = SimulatorOptions.defaults().withClock(clock).withStateFile(state);
        String firstLog;
        try (ArmSimulator sim = ArmSimulator.start(options)) {
            Arm arm = new Arm(sim);
            assertEquals(201, arm.putGroup("gw-kept", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)).status());
            clock.advanceSeconds(30);
            firstLog = arm.get(Arm.q(Arm.cg("gw-kept") + "/containers/keeper-gateway/logs", Arm.CG_API)).json().get("content").asText();
        }
        String saved = Files.readString(state);
        assertTrue(saved.contains("gw-kept"));
        for (String secret : List.of(Gateways.CONFIG, "hub-token-123")) {
            assertFalse(saved.contains(secret), "a secret reached the state file");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(state), files.toList(), "no temporary files left behind");
        }
        clock.advanceSeconds(20);
        try (ArmSimulator again = ArmSimulator.start(options)) {
            Arm arm = new Arm(again);
            var props = arm.getGroup("gw-kept").json().get("properties");
            assertEquals("Running", props.at("/instanceView/state").asText());
            assertEquals("10.10.1.4", props.at("/ipAddress/ip").asText());
            String log = arm.get(Arm.q(Arm.cg("gw-kept") + "/containers/keeper-gateway/logs", Arm.CG_API)).json().get("content").asText();
            assertTrue(log.startsWith(firstLog) && log.length() > firstLog.length(), "the same run, two heartbeats later");
            assertEquals(404, arm.get("/_simulator/last-put/" + SeedWorld.PRODUCTION + "/rg-keeper/gw-kept").status(),
                    "the PUT body with its secrets was memory-only");
            // the next group still gets the next free address
            arm.putGroup("gw-next", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
            clock.advanceSeconds(5);
            assertEquals("10.10.1.5", arm.getGroup("gw-next").json().at("/properties/ipAddress/ip").asText());
        }
    }

    @Test
    void everyChangeIsSavedAndResetGoesBackToTheSeed() throws Exception {
        Path state = dir.resolve("w.json");
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withStateFile(state))) {
            Arm arm = new Arm(sim);
            assertTrue(Files.exists(state), "written at start");
            arm.put(Arm.q(Arm.P + "/resourcegroups/rg-saved", "2025-04-01"), ArmJson.object().put("location", "eastus"));
            assertTrue(Files.readString(state).contains("rg-saved"));
            arm.post(Arm.q("/subscriptions/" + SeedWorld.TRAINING + "/providers/Microsoft.ContainerInstance/register", "2025-04-01"));
            assertTrue(Files.readString(state).contains("Registering"));
            arm.post("/_simulator/reset");
            assertFalse(Files.readString(state).contains("rg-saved"));
        }
    }

    @Test
    void anUnreadableStateFileIsReportedNotIgnored() throws Exception {
        Path state = dir.resolve("broken.json");
        Files.writeString(state, "{ this is not json");
        StateFileException e = assertThrows(StateFileException.class,
                () -> ArmSimulator.start(SimulatorOptions.instant().withStateFile(state)));
        assertTrue(e.getMessage().contains("is not a simulator state file (line 1, column"), e.getMessage());
        assertTrue(e.getMessage().contains("fix or delete it, or use another --state"), e.getMessage());
        assertFalse(e.getMessage().matches("(?s).*(Exception|StreamReadFeature|Unexpected character).*"), e.getMessage());
    }

    @Test
    void aBinaryFileOrAFolderAsStateIsExplainedInPlainWords() throws Exception {
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {0, 1, 2, (byte) 0xff, 10, 0});
        StateFileException b = assertThrows(StateFileException.class,
                () -> ArmSimulator.start(SimulatorOptions.instant().withStateFile(binary)));
        assertTrue(b.getMessage().contains("is not a simulator state file"), b.getMessage());
        Path folder = Files.createDirectories(dir.resolve("adir"));
        StateFileException f = assertThrows(StateFileException.class,
                () -> ArmSimulator.start(SimulatorOptions.instant().withStateFile(folder)));
        assertTrue(f.getMessage().contains("is a folder"), f.getMessage());
    }
}
