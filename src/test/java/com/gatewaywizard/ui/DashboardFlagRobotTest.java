package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** {@code gateway-wizard --simulator --dashboard --subscription S --resource-group RG} opens on that dashboard. */
@ExtendWith(ApplicationExtension.class)
class DashboardFlagRobotTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = DesktopApp.show(stage, List.of("--simulator", "--dashboard", "--subscription", SeedWorld.PRODUCTION,
                "--resource-group=" + SeedWorld.RESOURCE_GROUP));
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> {
            window.context().simulatorProperty().set(false);
            window.showStart();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDashboardFlagOpensTheDashboardOfTheGivenResourceGroupSignedInToTheSimulator(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#dashboard").tryQuery().isPresent(), "the dashboard, not the start page, is shown");
        Label scopeLabel = robot.lookup("#dash-scope").queryAs(Label.class);
        String scope = scopeLabel.getText();
        // the subscription's id, replaced by its name (the id in the tooltip) once the subscriptions are listed
        assertTrue(scope.contains(SeedWorld.RESOURCE_GROUP)
                && (scope.contains(SeedWorld.PRODUCTION) || scope.contains(SeedWorld.PRODUCTION_NAME)), scope);
        if (scope.contains(SeedWorld.PRODUCTION_NAME)) {
            assertTrue(scopeLabel.getTooltip() != null && scopeLabel.getTooltip().getText().contains(SeedWorld.PRODUCTION));
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.context().services() != null);
        assertTrue(robot.lookup("#simulator-banner").query().isVisible(), "the training banner shows");
    }

    @Test
    void theAppsArgumentsAreReadIntoTheWindowOptions() {
        MainWindow.Options o = MainWindow.Options.fromArgs(List.of("--simulator", "--scenario", "docker-rate-limit",
                "--dashboard", "--subscription=S1"), r -> null);
        assertEquals(Scenario.DOCKER_RATE_LIMIT, o.simulatorOptions().scenario());
        assertEquals(new DashboardScope("S1", null, null), o.dashboard());
        assertNull(MainWindow.Options.fromArgs(List.of("--simulator", "--subscription", "S1"), r -> null).dashboard(),
                "--subscription alone does not open the dashboard");
    }
}
