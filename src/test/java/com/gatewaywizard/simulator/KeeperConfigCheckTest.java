package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.keeper.KeeperRegion;
import com.gatewaywizard.keeper.TestConfigs;
import org.junit.jupiter.api.Test;

/** The default config check: the keeper package's decoder, read as the gateway reads its environment. */
class KeeperConfigCheckTest {
    final KeeperConfigCheck check = new KeeperConfigCheck();

    @Test
    void aCleanConfigLoadsAndNamesItsKeeperHost() {
        GatewayConfigCheck.Verdict v = check.check(TestConfigs.valid(KeeperRegion.GOV));
        assertTrue(v.wellFormed());
        assertEquals("govcloud.keepersecurity.us", v.hostname());
    }

    @Test
    void theJsonFormLoadsToo() {
        GatewayConfigCheck.Verdict v = check.check(TestConfigs.json(TestConfigs.parts(KeeperRegion.JP)));
        assertTrue(v.wellFormed(), v.problem());
        assertEquals("keepersecurity.jp", v.hostname());
    }

    @Test
    void valuesTheDecoderRejectsAreMalformedWithItsProblemAndNeverTheValue() {
        String valid = TestConfigs.valid();
        for (String bad : new String[] {TestConfigs.truncated(valid, valid.length() / 2), TestConfigs.oneTimeToken("US"),
                TestConfigs.doubleEncoded(valid), TestConfigs.unbound(TestConfigs.parts()), "", "hello"}) {
            GatewayConfigCheck.Verdict v = check.check(bad);
            assertFalse(v.wellFormed(), bad);
            assertFalse(v.problem().isBlank());
            assertFalse(!bad.isEmpty() && v.problem().contains(bad), "the problem repeats the value");
        }
    }

    @Test
    void aPastedValueWithLineBreaksDoesNotLoadInTheContainerEvenThoughTheWizardWouldCleanIt() {
        GatewayConfigCheck.Verdict v = check.check(TestConfigs.wrapped(TestConfigs.valid(), 76, "\n"));
        assertFalse(v.wellFormed());
        assertTrue(v.problem().startsWith("Failed to decode base64 data"), v.problem());
    }

    @Test
    void aDeployedWrappedConfigCrashLoopsWithTheProblemInTheLog() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.defaults().withClock(clock))) {
            Arm arm = new Arm(sim);
            ObjectNode body = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI);
            ((ObjectNode) body.at("/properties/containers/0/properties/environmentVariables/1"))
                    .put("secureValue", TestConfigs.wrapped(TestConfigs.valid(), 64, "\r\n"));
            arm.putGroup("gw-wrapped", body);
            clock.advanceSeconds(30);
            var iv = arm.getGroup("gw-wrapped").json().at("/properties/containers/0/properties/instanceView");
            assertTrue(iv.get("restartCount").asInt() > 0, iv.toString());
            String log = arm.get(Arm.q(Arm.cg("gw-wrapped") + "/containers/keeper-gateway/logs", Arm.CG_API)).json().get("content").asText();
            assertTrue(log.contains("Could not load config data: Failed to decode base64 data"), log);
        }
    }
}
