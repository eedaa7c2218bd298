package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.AzureCli;
import com.gatewaywizard.azure.CloudKind;
import com.gatewaywizard.azure.SignInMethod;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Azure CLI login" on a computer without {@code az} (the search path is an empty folder, whatever this machine
 * has): the sign-in step says so in plain words, and the message goes once the user picks another method or cloud.
 */
@ExtendWith(ApplicationExtension.class)
class AzureCliMissingRobotTest {
    @TempDir
    static Path noAz;
    WizardHarness h;
    String before;

    @Start
    void start(Stage stage) {
        before = System.getProperty(AzureCli.SEARCH_PATH_PROPERTY);
        System.setProperty(AzureCli.SEARCH_PATH_PROPERTY, noAz.toString());
        h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
    }

    @AfterEach
    void stop() {
        h.close();
        if (before == null) {
            System.clearProperty(AzureCli.SEARCH_PATH_PROPERTY);
        } else {
            System.setProperty(AzureCli.SEARCH_PATH_PROPERTY, before);
        }
    }

    @Test
    void withoutAzTheSignInSaysInstallItOrChooseAnotherMethodAndTheMessageGoesWithTheMethod(FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("signed in to the simulator", 10, () -> h.window.context().services() != null);
        SignInViewModel vm = h.wizard().signIn();
        robot.interact(vm::signOut);
        waitFor("signed out", 5, () -> h.window.context().services() == null);
        robot.interact(() -> {
            vm.cloud.set(CloudKind.AZURE);
            vm.method.set(SignInMethod.AZURE_CLI);
        });
        robot.clickOn("#signin-button");
        waitFor("the sign-in failed", 10, () -> !vm.error.get().isEmpty());
        Labeled shown = robot.lookup("#signin-error").queryLabeled();
        assertTrue(shown.isVisible());
        assertTrue(shown.getText().contains("The Azure CLI (az) was not found on this computer"), shown.getText());
        assertTrue(shown.getText().contains("Install it and run 'az login', or choose another sign-in method"), shown.getText());
        assertFalse(shown.getText().contains("AzureCliCredential"), shown.getText());

        robot.interact(() -> vm.method.set(SignInMethod.DEVICE_CODE));
        assertEquals("", vm.error.get(), "another method: the az message is gone");
        assertFalse(robot.lookup("#signin-error").queryLabeled().isVisible());

        robot.interact(() -> vm.method.set(SignInMethod.AZURE_CLI));
        robot.clickOn("#signin-button");
        waitFor("failed again", 10, () -> !vm.error.get().isEmpty());
        robot.interact(() -> vm.cloud.set(CloudKind.US_GOVERNMENT));
        assertEquals("", vm.error.get(), "another cloud: the message is gone");
    }
}
