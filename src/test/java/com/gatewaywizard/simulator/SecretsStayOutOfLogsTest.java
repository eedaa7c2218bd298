package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Secret values (secureValue, registry password) never reach the simulator's log, even at DEBUG and on errors. */
class SecretsStayOutOfLogsTest {

    @Test
    void noSecretInAnyLogLineOfAFullSession() throws Exception {
        Logger simLogger = (Logger) LoggerFactory.getLogger("com.gatewaywizard.simulator");
        Level before = simLogger.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        simLogger.addAppender(captured);
        simLogger.setLevel(Level.DEBUG);
        String badSecret = "plain-secret-in-a-broken-variable";
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            Arm arm = new Arm(sim);
            arm.putGroup("gw-s", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
            arm.getGroup("gw-s");
            arm.get(Arm.q(Arm.cg("gw-s") + "/containers/keeper-gateway/logs", Arm.CG_API));
            ObjectNode broken = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI);
            ((ObjectNode) broken.at("/properties/containers/0/properties/environmentVariables/1")).put("value", badSecret);
            arm.putGroup("gw-broken", broken);
            arm.send("POST", "/_simulator/scenario", "{\"scenario\":\"flaky\"}");
            for (int i = 0; i < 10; i++) {
                try {
                    arm.putGroup("gw-s", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI));
                } catch (java.io.UncheckedIOException dropped) {
                    // expected now and then
                }
            }
            arm.delete(Arm.q(Arm.cg("gw-s"), Arm.CG_API));
        } finally {
            simLogger.detachAppender(captured);
            simLogger.setLevel(before);
        }
        List<String> lines = captured.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("PUT /subscriptions/")), "requests are logged at DEBUG: " + lines);
        for (String l : lines) {
            for (String secret : List.of(Gateways.CONFIG, "hub-token-123", badSecret)) {
                assertFalse(l.contains(secret), "secret in log line: " + l);
            }
        }
    }
}
