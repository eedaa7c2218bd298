package com.gatewaywizard.ui.dashboard;

import static com.gatewaywizard.ui.dashboard.DashSim.onFx;
import static com.gatewaywizard.ui.dashboard.DashSim.until;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.DashboardScope;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code gateway-wizard --dashboard --subscription S} takes the subscription's display name as the CLI does (any
 * case); a name no subscription has is explained where a failed refresh is, naming the ones to choose from.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardSubscriptionByNameRobotTest {
    private DashSim sim;
    private Stage stage;
    private DashboardView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
    }

    @BeforeEach
    void world() {
        sim = new DashSim(SimulatorOptions.instant());
        assertTrue(sim.deploy(DashSim.spec("gw-named").build()).allRunning());
    }

    @AfterEach
    void close() {
        if (view != null) {
            DashSim.dispose(view);
        }
        sim.close();
    }

    private void open(String subscription) {
        view = onFx(() -> {
            DashboardView v = new DashboardView(sim.context(), new DashboardScope(subscription, SeedWorld.RESOURCE_GROUP, null), DashSim.PACE);
            stage.setScene(new Scene(v.root(), 1280, 800));
            stage.show();
            DashSim.onlyWindow(stage);
            return v;
        });
    }

    @Test
    void aSubscriptionGivenByItsNameInAnyCaseShowsItsGateways() {
        open("  " + SeedWorld.PRODUCTION_NAME.toUpperCase(java.util.Locale.ROOT) + " ");
        until("the gateway is listed", () -> view.model().rowNamed("gw-named") != null);
        assertNull(onFx(() -> view.model().errorProperty().get()));
    }

    @Test
    void aNameNoSubscriptionHasIsExplainedWithTheChoices() {
        open("Contoso Staging");
        until("the refresh failed", () -> view.model().errorProperty().get() != null);
        String error = onFx(() -> view.model().errorProperty().get());
        assertTrue(error.contains("\u201cContoso Staging\u201d"), error);
        assertTrue(error.contains(SeedWorld.PRODUCTION_NAME + " (" + SeedWorld.PRODUCTION + ")"), error);
        assertTrue(error.contains("--subscription"), error);
        assertTrue(onFx(() -> view.model().rows().isEmpty()));
    }
}
