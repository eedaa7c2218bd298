package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.SpecValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliWordsTest {
    @Test
    void rateLimitedPullsAreExplainedInPlainWordsByDeployAndStatus() throws Exception {
        try (ArmSimulator limited = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.DOCKER_RATE_LIMIT))) {
            CliRun r = AzureCommandsSimulatorTest.on(limited, AzureCommandsSimulatorTest.deployArgs("deploy", "gw-lim",
                    SeedWorld.SUBNET_ACI));
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().contains("means: Docker Hub rate limit"), r.out());
            assertTrue(r.out().contains("--docker-user") && !r.out().contains("Registry step"), r.out());
            CliRun s = AzureCommandsSimulatorTest.on(limited, "status", "gw-lim");
            assertEquals(0, s.code(), s.all());
            assertTrue(s.out().contains("means: Docker Hub rate limit"), s.out());
        }
    }

    @Test
    void noFixTheCliPrintsNamesAWizardStep() {
        GatewaySpec empty = GatewaySpec.builder().subnetId("").build();
        List<String> lines = SpecValidator.validate(empty).stream().map(CliWords::of).toList();
        for (String l : lines) {
            assertFalse(l.matches("(?s).*( step\\b|after signing in).*"), l);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("--subscription")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("--subnet-id")), lines.toString());
    }
}
