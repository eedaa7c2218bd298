package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.MainWindow;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Dark theme: the sign-in form's Cloud list had a white frame where the desktop cannot show a see-through popup
 * (the theme's drop shadow is drawn in the popup window's margin). The list fills its popup, no shadow margin.
 */
@ExtendWith(ApplicationExtension.class)
class DarkPopupRobotTest {
    WizardHarness h;

    @Start
    void start(Stage stage) {
        MainWindow.applyTheme(true);
        h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
    }

    @AfterEach
    void stop() {
        h.close();
        MainWindow.applyTheme(false);
    }

    @Test
    void theCloudListInTheDarkThemeHasNoShadowMarginAroundIt(FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("signed in to the simulator", 10, () -> h.window.context().services() != null);
        robot.interact(() -> h.wizard().signIn().signOut());
        waitFor("the form is enabled", 5, () -> !robot.lookup("#signin-cloud").query().isDisabled());
        robot.clickOn("#signin-cloud");
        waitFor("the list is open", 5, () -> Window.getWindows().stream().anyMatch(w -> w.isShowing()
                && w.getScene() != null && w.getScene().getRoot().lookup(".combo-box-popup .list-view") != null));
        Node list = Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null)
                .map(w -> w.getScene().getRoot().lookup(".combo-box-popup .list-view")).filter(n -> n instanceof ListView<?>)
                .findFirst().orElseThrow();
        assertNull(list.getEffect(), "no drop shadow: it needs a transparent popup window, else a white frame shows");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
