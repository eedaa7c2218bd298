package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.FileNotices;
import com.gatewaywizard.ui.MainWindow;
import com.gatewaywizard.ui.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
 * A damaged settings or sign-in file is set aside and the start page says so (as for a damaged draft), and sign-in
 * choices that cannot be saved are reported there too: nothing the app keeps is dropped without a word.
 */
@ExtendWith(ApplicationExtension.class)
class FileNoticesRobotTest {
    @TempDir
    Path home;
    String before;
    Stage stage;
    MainWindow window;

    @BeforeEach
    void ownDataFolder() {
        before = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", home.toString());
        FileNotices.take(); // nothing left over from other tests
    }

    @AfterEach
    void back() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.showStart()).get(10, TimeUnit.SECONDS);
            window.context().simulatorSession().close();
        }
        System.setProperty("gatewaywizard.home", before);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private MainWindow open() throws Exception {
        Settings remembered = Settings.load(); // as DesktopApp.init reads it, before the window
        return WaitForAsyncUtils.asyncFx(() -> {
            MainWindow w = new MainWindow(stage, new MainWindow.Options(false, false, SimulatorOptions.instant(),
                    WizardHarness.connector(0), true, remembered, null, null));
            stage.show();
            return w;
        }).get(10, TimeUnit.SECONDS);
    }

    private String notice(FxRobot robot) {
        Label l = robot.from(window.root()).lookup("#start-notice").queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }

    @Test
    void damagedSettingsAndSignInFilesAreSetAsideAndTheStartPageSaysSo(FxRobot robot) throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"version\": 1, \"value\": {\"wid");
        Files.writeString(home.resolve("signin.json"), "garbage");
        window = open();
        waitFor("both notices", 10, () -> notice(robot).contains("window settings") && notice(robot).contains("sign-in choices"));
        String n = notice(robot);
        assertTrue(n.contains("settings.json.corrupt-") && n.contains("signin.json.corrupt-"), n);
        assertTrue(n.contains("starts without it"), n);
        try (var files = Files.list(home)) {
            assertTrue(files.map(p -> p.getFileName().toString()).filter(f -> f.contains(".corrupt-")).count() == 2);
        }
    }

    @Test
    void signInChoicesThatCannotBeSavedAreReportedNotDroppedSilently(FxRobot robot) throws Exception {
        Files.createDirectory(home.resolve("signin.json")); // in the way: the choices cannot be written there
        window = open();
        robot.interact(window::showWizard);
        robot.interact(() -> window.wizard().signIn().cloud.set(com.gatewaywizard.azure.CloudKind.SIMULATOR));
        robot.clickOn("#signin-simulator-address").write("http://127.0.0.1:8443", 0);
        robot.interact(window::showStart);
        waitFor("the notice", 10, () -> notice(robot).contains("could not be saved"));
        assertTrue(notice(robot).contains("signin.json"), notice(robot));
    }
}
