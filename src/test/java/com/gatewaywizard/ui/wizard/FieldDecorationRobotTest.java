package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.util.List;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** ControlsFX decorations show on the field the view-model blames, name the field and the fix, and go once fixed. */
@ExtendWith(ApplicationExtension.class)
class FieldDecorationRobotTest {
    static final String PAT = TestConfigs.fakePat("Decorations");
    WizardHarness h;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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

    /** The decoration icons ControlsFX put on the control {@code id}. */
    private static List<Label> decorations(FxRobot robot, String id) {
        Control c = robot.lookup(id).queryAs(Control.class);
        return c.lookupAll("." + FieldDecorations.STYLE).stream().filter(n -> n instanceof Label).map(n -> (Label) n).toList();
    }

    private static void waitDecorated(FxRobot robot, String id, String... words) {
        waitFor("a decoration on " + id, 10, () -> !decorations(robot, id).isEmpty());
        Label badge = decorations(robot, id).get(0);
        String tip = badge.getTooltip().getText();
        for (String w : words) {
            assertTrue(tip.contains(w), "the decoration of " + id + " says '" + w + "': " + tip);
        }
        assertTrue(badge.getStyleClass().contains(FieldDecorations.STYLE + "-error"), badge.getStyleClass().toString());
        assertTrue(tip.equals(badge.getAccessibleText()), "screen readers get the same text");
    }

    private static void waitClean(FxRobot robot, String id) {
        waitFor("no decoration on " + id, 10, () -> decorations(robot, id).isEmpty());
    }

    private static void replaceText(FxRobot robot, String id, String text) {
        robot.clickOn(id).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text, 0);
        }
    }

    @Test
    void badNameTokenWithSpacesAndCpuAboveTheLimitAreDecoratedOnTheirFieldUntilFixed(FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("signed in", 20, () -> h.window.context().services() != null);
        pressNext(robot, "place");

        // Place: a new resource group name with a slash.
        waitFor("groups", 20, () -> !h.wizard().place().subscriptions.isEmpty());
        robot.interact(() -> {
            h.model().subscriptionId.set(WizardHarness.SUB);
            h.model().resourceGroup.set(WizardHarness.RG);
        });
        replaceText(robot, "#place-new-group", "rg/keeper");
        waitDecorated(robot, "#place-new-group", FieldDecorations.fieldName("newResourceGroup"), "letters");
        assertTrue(decorations(robot, "#place-group").isEmpty(), "only the field at fault");
        // ControlsFX's Decorator would swap in its own scene root, taking the theme's .root background away.
        assertEquals("main-window", stage.getScene().getRoot().getId(), "the window keeps its root");
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("root"));
        replaceText(robot, "#place-new-group", "rg-keeper-new");
        waitClean(robot, "#place-new-group");
        replaceText(robot, "#place-new-group", "");
        pressNext(robot, "network");
        robot.interact(() -> h.model().subnetId.set(WizardHarness.subnet(SeedWorld.SUBNET_ACI)));
        pressNext(robot, "registry");

        // Registry: a pass phrase typed (not pasted) keeps its spaces.
        replaceText(robot, "#registry-user", "keeperadmin");
        replaceText(robot, "#registry-pat-input", "my secret pass phrase");
        waitDecorated(robot, "#registry-pat-input", FieldDecorations.fieldName("dockerPat"), "spaces", "Fix:", "dckr_pat_");
        assertTrue(decorations(robot, "#registry-user").isEmpty(), "the username is fine");
        assertFalse(decorations(robot, "#registry-pat-input").get(0).getTooltip().getText().contains("secret pass"),
                "the decoration never quotes the token");
        replaceText(robot, "#registry-pat-input", PAT);
        waitClean(robot, "#registry-pat-input");
        pressNext(robot, "config");
        // The region line follows every config pasted, not only the first.
        for (com.gatewaywizard.keeper.KeeperRegion r : List.of(com.gatewaywizard.keeper.KeeperRegion.EU,
                com.gatewaywizard.keeper.KeeperRegion.US, com.gatewaywizard.keeper.KeeperRegion.EU)) {
            robot.interact(() -> h.model().gatewayConfig.set(TestConfigs.valid(r)));
            waitFor("the region of a " + r + " config", 5,
                    () -> robot.lookup("#config-region").queryLabeled().getText().contains(r.hostname()));
        }
        // A bad container group name from before the Options step was ever shown (as an import gives it).
        robot.interact(() -> {
            h.model().gatewayConfig.set(TestConfigs.valid());
            h.model().name.set("My_Gateway.Prod");
        });
        pressNext(robot, "options");

        // Options: the bad name is decorated on arrival; then CPU above the region's limit.
        waitDecorated(robot, "#options-name", FieldDecorations.fieldName("name"), "Fix:");
        assertTrue(decorations(robot, "#options-cpu").isEmpty());
        robot.clickOn("#options-name-fix");
        waitClean(robot, "#options-name");
        // Typed key by key, the one-click fix offers what the decoration says, at every key, not the first key's.
        replaceText(robot, "#options-name", "Wizard_GW--1");
        String want = com.gatewaywizard.spec.Names.suggest("Wizard_GW--1");
        waitFor("the fix offers the suggestion for the whole name", 5,
                () -> robot.lookup("#options-name-fix").queryButton().getText().equals("Use \"" + want + "\""));
        robot.clickOn("#options-name-fix");
        waitClean(robot, "#options-name");
        assertEquals(want, h.model().name.get());

        replaceText(robot, "#options-cpu", "64");
        waitDecorated(robot, "#options-cpu", FieldDecorations.fieldName("cpu"));
        assertTrue(decorations(robot, "#options-name").isEmpty());
        replaceText(robot, "#options-cpu", "2");
        waitClean(robot, "#options-cpu");
        waitFor("Next enabled again", 10, () -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        javafx.scene.control.Tooltip tip = robot.lookup("#options-cpu").queryAs(Control.class).getTooltip();
        assertTrue(tip == null || !tip.getText().contains("between"), "no stale out-of-range tooltip once fixed");
    }
}
