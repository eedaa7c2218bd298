package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SimulatorOptions;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The docker-rate-limit scenario with the normal patience: the 429s are explained while Azure retries; it ends running. */
@ExtendWith(ApplicationExtension.class)
class RateLimitedDeployRobotTest {
    WizardHarness h;

    @Start
    void start(Stage stage) {
        h = new WizardHarness(stage, SimulatorOptions.instant().withScenario(Scenario.DOCKER_RATE_LIMIT), 0);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theRateLimitIsExplainedWhileAzureRetriesAndTheGatewayRuns(FxRobot robot) throws Exception {
        DeployFailureRobotTest.walkToDeploy(robot, h, "gw-patient");
        DeployViewModel d = h.wizard().deploy();
        waitFor("running", 30, () -> !d.deploying.get() && (d.succeeded.get() || d.failure.get() != null));
        assertTrue(d.succeeded.get(), () -> "failed: " + d.failure.get());
        assertEquals(AzureProblems.DOCKER_RATE_LIMITED, d.lastWarning.get().code());
        assertTrue(d.events.stream().anyMatch(e -> e.contains(d.lastWarning.get().title())), d.events.toString());
        assertEquals(1, h.groupsNamed("gw-patient"));
    }
}
