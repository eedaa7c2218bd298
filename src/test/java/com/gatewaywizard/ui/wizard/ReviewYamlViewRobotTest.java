package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.Secret;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Review step's manifest view: coloured runs, the mask and the reveal, and copying what the screen shows. */
@ExtendWith(ApplicationExtension.class)
class ReviewYamlViewRobotTest {
    static final String PAT = TestConfigs.fakePat("ReviewView");
    static final String MASK = Secret.of("x").masked();
    WizardHarness h;

    @Start
    void start(Stage stage) {
        h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void pressNext(FxRobot robot, String expectStep) {
        waitFor("Next enabled before " + expectStep, 20, () -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        robot.clickOn("#wizard-next");
        waitFor("step " + expectStep, 10, () -> robot.lookup("#step-" + expectStep).tryQuery().isPresent());
    }

    private YamlView toReview(FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("signed in", 20, () -> h.window.context().services() != null);
        robot.interact(() -> {
            h.model().subscriptionId.set(WizardHarness.SUB);
            h.model().resourceGroup.set(WizardHarness.RG);
        });
        pressNext(robot, "place");
        pressNext(robot, "network");
        robot.interact(() -> {
            h.model().subnetId.set(WizardHarness.subnet(SeedWorld.SUBNET_ACI));
            h.model().dockerUser.set("keeperadmin");
            h.model().dockerPat.set(PAT);
            h.model().gatewayConfig.set(TestConfigs.valid());
        });
        pressNext(robot, "registry");
        pressNext(robot, "config");
        pressNext(robot, "options");
        pressNext(robot, "review");
        return robot.lookup("#review-yaml").queryAs(YamlView.class);
    }

    /** The drawn cell of the first line containing {@code part} (scrolled into view). */
    private static ListCell<?> cellOf(FxRobot robot, YamlView view, String part) {
        int[] row = {-1};
        robot.interact(() -> {
            for (int i = 0; i < view.getItems().size(); i++) {
                if (view.getItems().get(i).text().contains(part)) {
                    row[0] = i;
                    break;
                }
            }
            view.scrollTo(Math.max(0, row[0] - 2));
        });
        assertTrue(row[0] >= 0, "a line with " + part);
        waitFor("cell of " + part, 5, () -> robot.from(view).lookup((Node n) -> n instanceof ListCell<?> c
                && c.getIndex() == row[0] && c.getItem() != null).tryQuery().isPresent());
        return robot.from(view).lookup((Node n) -> n instanceof ListCell<?> c && c.getIndex() == row[0] && c.getItem() != null)
                .queryAs(ListCell.class);
    }

    private static String clipboard(FxRobot robot) {
        String[] s = new String[1];
        robot.interact(() -> s[0] = Clipboard.getSystemClipboard().getString());
        return s[0];
    }

    private static void clearClipboard(FxRobot robot) {
        robot.interact(() -> Forms.copy("-"));
    }

    private static void pressCopy(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
    }

    private static Set<Node> runs(FxRobot robot, Node in, String styleClass) {
        return robot.from(in).lookup("." + styleClass).queryAll();
    }

    @Test
    void showsColouredRunsMasksUntilRevealedAndCopiesWhatTheScreenShows(FxRobot robot) {
        YamlView view = toReview(robot);
        waitFor("manifest shown", 10, () -> view.getText().contains("secureValue"));
        String masked = view.getText();
        assertFalse(masked.contains(PAT), "the preview masks the token");
        assertEquals(masked, view.getAccessibleText(), "screen readers get the masked text");

        // Keys, strings, numbers and the masked token are their own runs.
        ListCell<?> top = cellOf(robot, view, "apiVersion:");
        assertTrue(runs(robot, top, "yaml-key").stream().anyMatch(n -> ((Text) n).getText().equals("apiVersion")));
        assertTrue(runs(robot, top, "yaml-string").stream().anyMatch(n -> ((Text) n).getText().contains("2024-05-01-preview")));
        ListCell<?> cpu = cellOf(robot, view, "cpu:");
        assertFalse(runs(robot, cpu, "yaml-number").isEmpty(), "cpu is a number run");
        ListCell<?> password = cellOf(robot, view, "password:");
        Label chip = (Label) runs(robot, password, "yaml-secret-masked").iterator().next();
        assertTrue(chip.getText().contains(MASK));
        assertTrue(runs(robot, view, "yaml-secret-revealed").isEmpty());

        // Ctrl+C on a selected line copies that line, masked.
        clearClipboard(robot);
        robot.clickOn(password);
        pressCopy(robot);
        String passwordLine = masked.lines().filter(l -> l.contains("password:")).findFirst().orElseThrow();
        assertEquals(passwordLine + "\n", clipboard(robot));

        // Revealed: the text, the runs, the accessible text and a copy hold the token; the selection stays.
        robot.clickOn("#review-reveal");
        waitFor("revealed", 5, () -> view.getText().contains(PAT));
        assertEquals(view.getText(), view.getAccessibleText());
        password = cellOf(robot, view, "password:");
        Label revealed = (Label) runs(robot, password, "yaml-secret-revealed").iterator().next();
        assertTrue(revealed.getText().contains(PAT));
        assertTrue(view.selectedText().contains(PAT), "the selected line is the revealed one now");
        robot.clickOn(password);
        pressCopy(robot);
        assertTrue(clipboard(robot).contains(PAT), "revealed, the copy holds the token");

        // Masked again: the context menu's copy and Select all + Ctrl+C are masked.
        robot.clickOn("#review-reveal");
        waitFor("masked again", 5, () -> !view.getText().contains(PAT));
        clearClipboard(robot);
        password = cellOf(robot, view, "password:");
        robot.clickOn(password);
        // Monocle's headless robot sends no context-menu request on a secondary click: open the list's own menu.
        ListCell<?> at = password;
        robot.interact(() -> view.getContextMenu().show(at, javafx.geometry.Side.RIGHT, 0, 0));
        robot.clickOn(Forms.t("yaml.copy.lines"));
        assertEquals(passwordLine + "\n", clipboard(robot));
        robot.clickOn(password);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        pressCopy(robot);
        assertEquals(masked, clipboard(robot), "all lines copied are the masked manifest");
        assertFalse(clipboard(robot).contains(PAT));

        // The Copy button copies the whole masked manifest as before.
        clearClipboard(robot);
        robot.clickOn("#review-copy");
        assertEquals(masked, clipboard(robot));
    }
}
