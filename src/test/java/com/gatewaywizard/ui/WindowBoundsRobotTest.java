package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.SimulatorOptions;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A window size remembered on a larger screen must not open larger than today's screen. */
@ExtendWith(ApplicationExtension.class)
class WindowBoundsRobotTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Settings huge = new Settings(null, null, 9000, 7000, false, 1.0);
        new MainWindow(stage, new MainWindow.Options(false, false, SimulatorOptions.instant(),
                request -> { throw new IllegalStateException("no sign-in in this test"); }, false, huge));
        stage.show();
    }

    @Test
    void aRememberedSizeLargerThanTheScreenIsCutToTheScreen() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(stage.getScene().getWidth() <= screen.getWidth(), "scene width " + stage.getScene().getWidth());
        assertTrue(stage.getScene().getHeight() <= screen.getHeight(), "scene height " + stage.getScene().getHeight());
    }
}
