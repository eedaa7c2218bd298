package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.CloudKind;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Manage gateways" with nobody signed in: a way forward, not a dead end (sign in, or the training simulator). */
@ExtendWith(ApplicationExtension.class)
class ManageGatewaysSignedOutRobotTest {
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        DesktopApp.show(stage, java.util.List.of());
        window = (MainWindow) stage.getProperties().get(MainWindow.class);
    }

    @AfterEach
    void signOut() {
        WaitForAsyncUtils.asyncFx(() -> {
            window.context().simulatorProperty().set(false);
            window.showStart();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void until(String what, Callable<Boolean> c) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(c));
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.isVisible() && n.getScene() != null && n.getParent() != null).orElse(false);
    }

    private void openSignedOutDashboard(FxRobot robot) {
        assertNull(onFx(() -> window.context().services()), "nobody signed in");
        robot.clickOn("#start-manage");
        until("the dashboard says nobody is signed in", () -> shown(robot, "#dash-signed-out"));
        assertTrue(shown(robot, "#dash-signin"));
        assertTrue(shown(robot, "#dash-use-simulator"), "the app has the training simulator");
        assertFalse(shown(robot, "#gateway-table"), "no empty list behind it");
    }

    @Test
    void signInFromTheDashboardGoesToTheSignInFormAndComesBackSignedIn(FxRobot robot) {
        openSignedOutDashboard(robot);
        robot.clickOn("#dash-signin");
        until("the wizard's sign-in form is shown", () -> shown(robot, "#step-signin"));
        // The form's own sign-in, with the training simulator as the cloud (no Azure account in tests).
        WaitForAsyncUtils.asyncFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<CloudKind> cloud = (ComboBox<CloudKind>) robot.lookup("#signin-cloud").query();
            cloud.setValue(CloudKind.SIMULATOR);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signin-button");
        until("signed in, back on the dashboard with its list", () -> window.context().services() != null
                && window.dashboard() != null && shown(robot, "#gateway-table") && !shown(robot, "#dash-signed-out"));
        assertTrue(robot.lookup("#simulator-banner").query().isVisible(),
                "signed in to the simulator from the form: the training banner shows too");
    }

    @Test
    void theTrainingSimulatorButtonSignsIntoTheSimulatorAndListsItsGateways(FxRobot robot) {
        openSignedOutDashboard(robot);
        robot.clickOn("#dash-use-simulator");
        until("on the simulator, the list shown", () -> window.context().services() != null
                && window.context().services().cloud() == CloudKind.SIMULATOR && shown(robot, "#gateway-table")
                && !shown(robot, "#dash-signed-out"));
        Node banner = robot.lookup("#simulator-banner").query();
        assertTrue(banner.isVisible(), "the training banner says where this is");
    }
}
