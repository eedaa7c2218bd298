package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.CloudKind;
import com.gatewaywizard.azure.SignInMethod;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in form's choices — the simulator address too — survive a restart ({@code signin.json}), without the
 * client secret; the command line's {@code --simulator} still wins over what was remembered.
 */
@ExtendWith(ApplicationExtension.class)
class SignInChoicesRobotTest {
    @TempDir
    static Path home;
    static String before;
    Stage stage;
    MainWindow window;

    @BeforeEach
    void ownDataFolder() {
        // the remembering window writes settings and choices: into a folder of this test, not the suite's
        before = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", home.toString());
    }

    @AfterEach
    void back() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.showStart()).get(10, TimeUnit.SECONDS);
        window.context().simulatorSession().close();
        System.setProperty("gatewaywizard.home", before);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private MainWindow open(String simulatorAddress) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            MainWindow w = new MainWindow(stage, new MainWindow.Options(simulatorAddress != null, false, SimulatorOptions.instant(),
                    WizardHarness.connector(0), true, null, null, simulatorAddress));
            stage.show();
            return w;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theSimulatorAddressAndTheOtherChoicesAreThereAfterARestartButNeverTheSecret(FxRobot robot) throws Exception {
        window = open(null);
        robot.interact(window::showWizard);
        robot.interact(() -> {
            SignInViewModel vm = window.wizard().signIn();
            vm.cloud.set(CloudKind.AZURE);
            vm.method.set(SignInMethod.SERVICE_PRINCIPAL_SECRET);
            vm.tenantId.set("contoso.onmicrosoft.com");
            vm.clientId.set("app-id-1");
            vm.clientSecret.set("never-on-disk-Secret-42");
            vm.cloud.set(CloudKind.SIMULATOR);
        });
        robot.clickOn("#signin-simulator-address").write("http://127.0.0.1:8443", 0);
        Path file = home.resolve("signin.json");
        waitFor("the choices saved", 10, () -> {
            try {
                return Files.isRegularFile(file) && Files.readString(file).contains("http://127.0.0.1:8443");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertFalse(Files.readString(file).contains("never-on-disk"), "the client secret stays in memory");

        // a restart: the window is made again from the disk
        window.context().simulatorSession().close();
        window = open(null);
        waitFor("the address read back", 10, () -> "http://127.0.0.1:8443".equals(window.context().simulatorAddressProperty().get()));
        robot.interact(window::showWizard);
        waitFor("the form filled", 10, () -> "app-id-1".equals(window.wizard().signIn().clientId.get()));
        SignInViewModel vm = window.wizard().signIn();
        assertEquals(CloudKind.SIMULATOR, vm.cloud.get());
        assertEquals("http://127.0.0.1:8443", robot.from(window.root()).lookup("#signin-simulator-address").queryAs(TextField.class).getText());
        assertEquals("contoso.onmicrosoft.com", vm.tenantId.get());
        assertEquals("", vm.clientSecret.get());

        // --simulator (the built-in one) on the command line wins over the remembered address, and saves nothing over it
        window.context().simulatorSession().close();
        window = open("");
        robot.interact(window::showWizard);
        waitFor("the form filled", 10, () -> "app-id-1".equals(window.wizard().signIn().clientId.get()));
        assertEquals("", window.context().simulatorAddressProperty().get());
        assertTrue(Files.readString(file).contains("http://127.0.0.1:8443"));
    }
}
