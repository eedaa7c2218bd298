package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StartPageRobotTest {

    @Start
    void start(Stage stage) throws Exception {
        DesktopApp.show(stage, java.util.List.of());
    }

    @Test
    void appOpensOnTheStartPageWithItsThreeWays(FxRobot robot) {
        assertTrue(robot.lookup("#start-page").tryQuery().isPresent());
        for (String id : new String[] {"#start-new", "#start-import", "#start-manage"}) {
            Node n = robot.lookup(id).query();
            assertTrue(n.isVisible(), id + " visible");
        }
    }

    @Test
    void simulatorSwitchShowsTheBanner(FxRobot robot) {
        Node banner = robot.lookup("#simulator-banner").query();
        assertFalse(banner.isVisible());
        robot.clickOn("#start-simulator");
        assertTrue(((CheckBox) robot.lookup("#start-simulator").query()).isSelected());
        assertTrue(banner.isVisible());
    }

    @Test
    void actionHintsWrapInsteadOfBeingCutOff(FxRobot robot) {
        for (String id : new String[] {"#start-new-hint", "#start-import-hint", "#start-manage-hint"}) {
            javafx.scene.control.Label hint = robot.lookup(id).queryAs(javafx.scene.control.Label.class);
            javafx.scene.text.Text shown = (javafx.scene.text.Text) hint.lookup(".text");
            assertTrue(shown != null && shown.getText().replace("\n", " ").trim().equals(hint.getText().trim()),
                    id + " shows its whole text, not \"" + (shown == null ? null : shown.getText()) + "\"");
        }
    }
}
