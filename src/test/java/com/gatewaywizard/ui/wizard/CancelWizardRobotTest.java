package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Cancel keeps its promise: with nothing chosen yet it leaves at once (there is nothing to keep, so nothing to ask);
 * with choices made it asks, and after Leave the start page offers the draft — also when Cancel came before the
 * draft's save had its pause.
 */
@ExtendWith(ApplicationExtension.class)
class CancelWizardRobotTest {
    @TempDir
    static Path home;
    static String before;
    WizardHarness h;

    @Start
    void start(Stage stage) {
        before = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", home.toString()); // drafts of this test only
        h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
        Files.deleteIfExists(home.resolve("draft.json"));
        System.setProperty("gatewaywizard.home", before);
    }

    @Test
    void withNothingChosenCancelLeavesWithoutAQuestion(FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("the sign-in step", 10, () -> robot.lookup("#step-signin").tryQuery().isPresent());
        robot.clickOn("#wizard-cancel");
        waitFor("the start page", 5, () -> robot.lookup("#start-new").tryQuery().isPresent());
        assertTrue(robot.lookup("#wizard-cancel-dialog").tryQuery().isEmpty(), "no question when nothing would be lost");
        assertTrue(!robot.lookup("#start-resume").query().isVisible(), "no draft is offered: none was made");
    }

    @Test
    void withAChoiceMadeCancelAsksAndTheStartPageOffersTheDraftAtOnce(FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("signed in", 20, () -> h.window.context().services() != null);
        robot.interact(() -> h.model().subscriptionId.set(WizardHarness.SUB)); // and Cancel at once, within the save's pause
        robot.clickOn("#wizard-cancel");
        waitFor("the question", 5, () -> robot.lookup("#wizard-cancel-dialog").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> b.getText().contains("Leave"))
                .queryButton());
        waitFor("the start page offers the draft", 10, () -> robot.lookup("#start-resume").tryQuery().isPresent()
                && robot.lookup("#start-resume").query().isVisible());
    }
}
