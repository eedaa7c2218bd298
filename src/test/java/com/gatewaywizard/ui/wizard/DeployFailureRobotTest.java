package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Docker Hub's rate limit (the simulator's docker-rate-limit scenario: the first pulls answer 429): the deploy step
 * explains it in plain words with the next step, and Retry resumes the same group (no duplicate).
 */
@ExtendWith(ApplicationExtension.class)
class DeployFailureRobotTest {
    WizardHarness h;

    @Start
    void start(Stage stage) {
        // give up after 2 failed pulls, so the 3 failures of the scenario end the first attempt
        h = new WizardHarness(stage, SimulatorOptions.instant().withScenario(Scenario.DOCKER_RATE_LIMIT), 2);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void dockerRateLimitIsExplainedAndRetryResumesTheSameGroup(FxRobot robot) throws Exception {
        walkToDeploy(robot, h, "gw-limited");
        failsThenRetries(robot);
    }

    static void walkToDeploy(FxRobot robot, WizardHarness h, String name) {
        robot.clickOn("#start-new");
        waitFor("signed in", 20, () -> h.window.context().services() != null);
        robot.interact(() -> {
            WizardModel m = h.model();
            m.subscriptionId.set(WizardHarness.SUB);
            m.resourceGroup.set(WizardHarness.RG);
            m.subnetId.set(WizardHarness.subnet(SeedWorld.SUBNET_ACI));
            m.dockerUser.set("keeperadmin");
            m.dockerPat.set(WizardRobotTest.PAT);
            m.gatewayConfig.set(TrainingConfig.generate());
            m.name.set(name);
        });
        for (int step = 1; step <= 7; step++) {
            int s = step;
            waitFor("step " + s + " valid", 20, () -> {
                StepViewModel vm = h.wizard().step(s - 1);
                if (vm instanceof ReviewViewModel r && r.preflightDone.get() && r.hasPreflightWarnings()) {
                    r.warningsConfirmed.set(true);
                }
                return vm.valid().get();
            });
            robot.interact(() -> h.wizard().next());
        }
    }

    private void failsThenRetries(FxRobot robot) throws Exception {
        DeployViewModel d = h.wizard().deploy();
        waitFor("the deploy fails on the pulls", 30, () -> !d.deploying.get() && d.failure.get() != null);
        assertEquals(AzureProblems.DOCKER_RATE_LIMITED, d.failure.get().code(), d.failure.get().toString());
        assertTrue(robot.lookup("#deploy-failure-title").queryLabeled().isVisible());
        assertTrue(robot.lookup("#deploy-failure-next").queryLabeled().getText().contains("Docker Hub"),
                robot.lookup("#deploy-failure-next").queryLabeled().getText());
        assertTrue(robot.lookup("#deploy-retry").query().isVisible());

        robot.clickOn("#deploy-retry");
        waitFor("the retry ends", 30, () -> !d.deploying.get() && (d.succeeded.get() || d.failure.get() != null));
        assertTrue(d.events.stream().anyMatch(e -> e.contains("gw-limited") && e.contains("exists")),
                "Retry resumed the existing group: " + d.events);
        assertEquals(1, h.groupsNamed("gw-limited"), "no duplicate group");
    }
}
