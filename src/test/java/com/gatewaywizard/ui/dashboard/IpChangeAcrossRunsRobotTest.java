package com.gatewaywizard.ui.dashboard;

import static com.gatewaywizard.ui.dashboard.DashSim.onFx;
import static com.gatewaywizard.ui.dashboard.DashSim.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.state.SeenIps;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
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
 * The IP-changed flag across app runs: a dashboard sees a gateway, closes; the gateway is stopped and started (the
 * simulator, like Azure, deallocates the address on stop); a second dashboard on the same world and the same state
 * folder flags the gateway with the old address until the user acknowledges it, and a third one remembers that.
 */
@ExtendWith(ApplicationExtension.class)
class IpChangeAcrossRunsRobotTest {
    private DashSim sim;
    private Stage stage;
    private DashboardView view;
    @TempDir
    Path home;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
    }

    @BeforeEach
    void world() {
        sim = new DashSim(SimulatorOptions.instant());
        assertTrue(sim.deploy(DashSim.spec("gw-moves").build()).allRunning());
        assertTrue(sim.deploy(DashSim.spec("gw-stays").build()).allRunning());
    }

    @AfterEach
    void close() {
        closeView();
        sim.close();
    }


    /** A dashboard as the app makes one at start-up: a new view over the same state folder. */
    private void openDashboard() {
        Path file = home.resolve("seen-ips-simulator.json");
        view = onFx(() -> {
            DashboardView v = new DashboardView(sim.context(), DashSim.scope(), DashSim.PACE, SeenIps.at(file));
            stage.setScene(new Scene(v.root(), 1280, 800));
            stage.show();
            DashSim.onlyWindow(stage);
            return v;
        });
        until("both gateways are listed", () -> view.model().rowNamed("gw-moves") != null && view.model().rowNamed("gw-stays") != null);
    }

    private void closeView() {
        if (view != null) {
            DashboardView v = view;
            onFx(() -> {
                v.dispose();
                return null;
            });
            view = null;
        }
    }

    private GatewayRow row(String name) {
        return onFx(() -> view.model().rowNamed(name));
    }

    @Test
    void anIpChangedSinceTheLastRunIsFlaggedWithTheOldAddressUntilAcknowledged(FxRobot robot) throws Exception {
        openDashboard();
        String before = onFx(() -> row("gw-moves").ipProperty().get());
        assertTrue(before.startsWith("10.10.1."), before);
        until("the first run's addresses are saved", () -> Files.exists(home.resolve("seen-ips-simulator.json")));
        assertFalse(onFx(() -> row("gw-moves").ipChangedProperty().get()), "nothing to flag on first sight");
        closeView();

        // Between the two runs: stop and start (the portal, the CLI or another admin).
        GatewayRef ref = new GatewayRef(DashSim.scope().subscriptionId(), DashSim.scope().resourceGroup(), "gw-moves");
        sim.az.control().stop(ref);
        sim.az.control().start(ref);
        GatewayStatus after = sim.az.control().status(ref);
        assertNotEquals(before, after.ip(), "stop/start gave the gateway another address");

        openDashboard();
        until("the moved gateway is flagged", () -> row("gw-moves").ipChangedProperty().get());
        assertEquals(before, onFx(() -> row("gw-moves").previousIp()));
        assertFalse(onFx(() -> row("gw-stays").ipChangedProperty().get()), "an unchanged gateway is not flagged");
        until("the list marks the address and its tooltip names the old one", () -> view.table().lookupAll(".tree-table-cell").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && l.getGraphic() != null
                        && l.getGraphic().getStyleClass().contains("ip-changed-icon")
                        && l.getTooltip() != null && l.getTooltip().getText().contains(before)));

        onFx(() -> {
            view.select("gw-moves");
            return null;
        });
        until("the detail is shown", () -> view.currentDetail() != null && view.currentDetail().row().name().equals("gw-moves"));
        Label flag = robot.lookup("#detail-ip-changed").queryAs(Label.class);
        assertTrue(flag.isVisible());
        assertTrue(flag.getText().contains(before), flag.getText());
        assertTrue(flag.getTooltip().getText().contains(before));
        robot.clickOn("#detail-ip-ack");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> row("gw-moves").ipChangedProperty().get()), "acknowledged: no flag");
        assertFalse(onFx(() -> robot.lookup("#detail-ip-changed").query().isVisible()));
        until("the acknowledgement is saved", () -> !Files.readString(home.resolve("seen-ips-simulator.json")).contains("\"" + before + "\""));
        closeView();

        openDashboard();
        Thread.sleep(500); // a few refreshes
        assertFalse(onFx(() -> row("gw-moves").ipChangedProperty().get()), "the acknowledgement is remembered across runs");
    }
}
