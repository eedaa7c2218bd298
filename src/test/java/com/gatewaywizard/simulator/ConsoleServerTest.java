package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exec/attach websocket endpoint: password first, a small shell, one-shot commands, streaming output. */
class ConsoleServerTest {
    ManualClock clock = ManualClock.startingNow();
    ArmSimulator sim;
    Arm arm;

    @BeforeEach
    void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.defaults().withClock(clock));
        arm = new Arm(sim);
        arm.putGroup("gw-console", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
        clock.advanceSeconds(5);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    JsonNode exec(String command) {
        Arm.Res r = arm.send("POST", Arm.q(Arm.cg("gw-console") + "/containers/keeper-gateway/exec", Arm.CG_API),
                "{\"command\":\"" + command + "\",\"terminalSize\":{\"rows\":24,\"cols\":80}}");
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    @Test
    void aWrongPasswordClosesTheSessionWithPolicyViolation() throws Exception {
        JsonNode grant = exec("/bin/sh");
        WsClient ws = WsClient.connect(grant.get("webSocketUri").asText(), null);
        ws.send("not-the-password");
        assertEquals(1008, ws.closeCode());
        assertEquals("", ws.text());
    }

    @Test
    void aGrantIsSingleUseAndUnknownSessionsAreRefused() throws Exception {
        JsonNode grant = exec("/bin/sh");
        WsClient ws = WsClient.connect(grant.get("webSocketUri").asText(), null);
        ws.send(grant.get("password").asText());
        ws.await("# ");
        assertThrows(Exception.class, () -> WsClient.connect(grant.get("webSocketUri").asText(), null));
        String other = grant.get("webSocketUri").asText().replaceAll("sessionId/[^?]+", "sessionId/nope");
        assertThrows(Exception.class, () -> WsClient.connect(other, null));
    }

    @Test
    void theShellAnswersKnownCommandsAndReportsUnknownOnes() throws Exception {
        JsonNode grant = exec("/bin/bash");
        WsClient ws = WsClient.connect(grant.get("webSocketUri").asText(), null);
        ws.send(grant.get("password").asText());
        ws.send("frobnicate --now\r");
        assertTrue(ws.await("not found").contains("bash: frobnicate: command not found\r\n"), ws.text());
        ws.send("echo $ACCEPT_EULA\r");
        assertTrue(ws.await("\r\nY\r\n").contains("\r\nY\r\n"), ws.text());
        ws.send("partial line\u0003");
        assertTrue(ws.await("^C").contains("^C\r\nbash-5.1# "), ws.text());
        ws.send("exit 3\r");
        assertEquals(1000, ws.closeCode());
    }

    @Test
    void aNonShellCommandRunsOnceAndTheSessionEnds() throws Exception {
        JsonNode grant = exec("cat /etc/os-release");
        WsClient ws = WsClient.connect(grant.get("webSocketUri").asText(), null);
        ws.send(grant.get("password").asText());
        assertEquals(1000, ws.closeCode());
        assertTrue(ws.text().contains("NAME=\"Rocky Linux\"\r\n"), ws.text());
    }

    @Test
    void execIntoAStoppedContainerSaysSoAndCloses() throws Exception {
        JsonNode grant = exec("/bin/sh");
        assertEquals(204, arm.post(Arm.q(Arm.cg("gw-console") + "/stop", Arm.CG_API)).status());
        WsClient ws = WsClient.connect(grant.get("webSocketUri").asText(), null);
        ws.send(grant.get("password").asText());
        assertEquals(1011, ws.closeCode());
        assertTrue(ws.text().contains("is not running"), ws.text());
    }

    @Test
    void attachStreamsTheOutputAndThenTheLinesThatFollow() throws Exception {
        Arm.Res r = arm.post(Arm.q(Arm.cg("gw-console") + "/containers/keeper-gateway/attach", Arm.CG_API));
        assertEquals(200, r.status());
        assertTrue(r.json().get("webSocketUri").asText().contains("/attachstream/"));
        WsClient ws = WsClient.connect(r.json().get("webSocketUri").asText(), null);
        ws.send(r.json().get("password").asText());
        assertTrue(ws.await("Gateway is ONLINE").contains("Gateway is ONLINE"));
        int before = ws.await("Heartbeat").split("Heartbeat", -1).length;
        clock.advanceSeconds(10);
        long deadline = System.currentTimeMillis() + 5000;
        while (ws.text().split("Heartbeat", -1).length == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before + 1, ws.text().split("Heartbeat", -1).length, "the next heartbeat arrived: " + ws.text());
        assertEquals(1, ws.text().split("Gateway is ONLINE", -1).length - 1, "each line is sent once");
    }

    @Test
    void execNeedsACommandAndAnExistingContainer() {
        ArmRoutingTest.assertArmError(arm.send("POST", Arm.q(Arm.cg("gw-console") + "/containers/keeper-gateway/exec", Arm.CG_API), "{}"),
                400, "InvalidRequestContent");
        ArmRoutingTest.assertArmError(arm.send("POST", Arm.q(Arm.cg("gw-console") + "/containers/nope/exec", Arm.CG_API),
                "{\"command\":\"/bin/sh\"}"), 404, "ContainerNotFound");
    }
}
