package com.gatewaywizard.ui.dashboard;

import static com.gatewaywizard.ui.dashboard.DashSim.onFx;
import static com.gatewaywizard.ui.dashboard.DashSim.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.DeployResult;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.AppContext;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard on the in-process simulator with the real SDK: gateways deployed by the real Deployer first. */
@ExtendWith(ApplicationExtension.class)
class DashboardRobotTest {
    private static DashSim sim;
    private DashboardView view;
    private AppContext ctx;
    private Stage stage;

    @BeforeAll
    static void deployGateways() {
        sim = new DashSim(SimulatorOptions.instant());
        assertTrue(sim.deploy(DashSim.spec("gw-run").build()).allRunning());
        assertTrue(sim.deploy(DashSim.spec("gw-pool").instances(2).build()).allRunning());
        assertTrue(sim.deploy(DashSim.spec("gw-restart").build()).allRunning());
        assertTrue(sim.deploy(DashSim.spec("gw-stop").build()).allRunning());
        assertTrue(sim.deploy(DashSim.spec("gw-redeploy").build()).allRunning());
        // No Docker Hub credentials: Docker Hub rate-limits the anonymous pull (429), as it does from Azure.
        DeployResult anon = sim.deploy(DashSim.spec("gw-429").dockerUser("").dockerPat(null).build());
        assertFalse(anon.allRunning());
    }

    @AfterAll
    static void close() {
        sim.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = sim.context();
        view = DashSim.show(stage, ctx);
    }

    @AfterEach
    void dispose() {
        WaitForAsyncUtils.asyncFx(() -> view.dispose());
        WaitForAsyncUtils.waitForFxEvents();
    }


    private GatewayRow row(String name) {
        return onFx(() -> view.model().rowNamed(name));
    }

    private void open(FxRobot robot, String name) {
        until(name + " is listed", () -> view.model().rowNamed(name) != null);
        WaitForAsyncUtils.asyncFx(() -> view.select(name));
        until(name + " is shown", () -> view.currentDetail() != null && view.currentDetail().row().name().equals(name));
    }

    @Test
    void theListShowsEveryDeployedGatewayGroupedByPoolWithItsState(FxRobot robot) {
        until("the six deployed gateways are listed", () -> java.util.stream.Stream.of("gw-run", "gw-pool", "gw-pool-2",
                "gw-restart", "gw-stop", "gw-redeploy", "gw-429").allMatch(n -> view.model().rowNamed(n) != null));
        assertEquals("Running", row("gw-run").stateProperty().get());
        assertEquals("Running", row("gw-pool-2").stateProperty().get());
        assertEquals(2, row("gw-pool-2").instanceProperty().get());
        assertEquals("gw-pool", row("gw-pool-2").poolProperty().get());
        assertTrue(row("gw-run").ipProperty().get().startsWith("10.10.1."));
        // the model has the rows; their cells are drawn on a later pulse
        until("a Running state chip is drawn", () -> robot.lookup(".state-chip").queryAll().stream()
                .anyMatch(n -> n.getStyleClass().contains("state-running")));
        assertTrue(onFx(() -> view.table().getRoot().getChildren().stream()
                .anyMatch(i -> i.getValue() instanceof DashboardView.PoolHeader p && p.pool().equals("gw-pool") && p.members().size() == 2)),
                "the two instances sit under one pool row");
        String refreshed = robot.lookup("#dash-last-refresh").queryLabeled().getText();
        assertTrue(refreshed.startsWith("Refreshed at "), refreshed);

        robot.clickOn("#dash-filter").write("gw-pool");
        until("the filter keeps the pool only", () -> view.table().getRoot().getChildren().size() == 1);
    }

    @Test
    void restartKeepsItRunningCountsTheRestartAndMarksTheLog(FxRobot robot) {
        open(robot, "gw-restart");
        GatewayDetail d = onFx(() -> view.currentDetail());
        until("log lines arrive", () -> d.logs().buffer().size() > 3);
        int before = row("gw-restart").restartsProperty().get();
        robot.clickOn("#action-restart");
        until("the restart count grows", () -> row("gw-restart").restartsProperty().get() == before + 1);
        assertEquals("Running", row("gw-restart").stateProperty().get());
        until("a restart marker is in the log", () -> d.logs().buffer().stream()
                .anyMatch(l -> l.marker() && l.text().startsWith("\u2014 container restarted at ")));
        assertTrue(onFx(() -> d.logs().buffer().get(0).text().contains("starting")), "the lines before the restart are kept");
        until("the toast reports it running", () -> view.lastToast().contains("gw-restart is running again")
                || view.lastToast().contains("gw-restart restarted: Running"));
        assertFalse(view.lastToast().contains("Pending"), view.lastToast());
        until("the run before the restart shows as the previous run",
                () -> !robot.lookup("#detail-previous").queryLabeled().getText().equals("\u2014"));
        assertTrue(robot.lookup("#detail-previous").queryLabeled().getText().contains("Terminated"),
                robot.lookup("#detail-previous").queryLabeled().getText());
    }

    @Test
    void stoppingAfterConfirmingDisablesStopAndEnablesStart(FxRobot robot) {
        open(robot, "gw-stop");
        until("Stop is enabled", () -> !robot.lookup("#action-stop").queryButton().isDisabled());
        assertTrue(robot.lookup("#action-start").queryButton().isDisabled());
        robot.clickOn("#action-stop");
        until("the confirmation shows", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        String text = onFx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#confirm-dialog").query()).getContentText());
        assertTrue(text.contains("deallocates") && text.contains("IP"), text);
        robot.clickOn("#confirm-ok");
        until("the gateway is stopped", () -> "Stopped".equals(row("gw-stop").stateProperty().get()));
        until("Start is enabled", () -> !((Button) robot.lookup("#action-start").query()).isDisabled());
        assertTrue(((Button) robot.lookup("#action-stop").query()).isDisabled());
        assertTrue(((Button) robot.lookup("#action-restart").query()).isDisabled());

        robot.clickOn("#action-start");
        until("it runs again", () -> "Running".equals(row("gw-stop").stateProperty().get()));
    }

    @Test
    void aDockerHubRateLimitedPullIsDiagnosedWithThePatAsTheFix(FxRobot robot) {
        open(robot, "gw-429");
        GatewayDetail d = onFx(() -> view.currentDetail());
        until("the diagnosis names the rate limit", () -> d.findings().stream().anyMatch(f -> f.code().equals("DOCKER_RATE_LIMIT")));
        Node card = robot.lookup("#diag-docker-rate-limit").query();
        assertNotNull(card);
        assertTrue(card.isVisible());
        Finding f = d.findings().stream().filter(x -> x.code().equals("DOCKER_RATE_LIMIT")).findFirst().orElseThrow();
        assertTrue(f.nextStep().contains("personal access token"), f.nextStep());
        // The tab's content joins the scene graph with the tab pane's skin, at the detail's first pulse.
        until("the events are listed", () -> robot.lookup("#events-table").tryQuery()
                .map(n -> !((javafx.scene.control.TableView<?>) n).getItems().isEmpty()).orElse(false));
    }

    @Test
    void theConsoleEchoesACommand(FxRobot robot) {
        open(robot, "gw-run");
        GatewayDetail d = onFx(() -> view.currentDetail());
        WaitForAsyncUtils.asyncFx(() -> d.tabs().getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        until("Connect is enabled for a running gateway", () -> !robot.lookup("#console-connect").queryButton().isDisabled());
        robot.clickOn("#console-connect");
        until("connected", () -> d.console().connectedProperty().get());
        until("the shell's prompt shows", () -> d.console().outputText().contains("# "));
        // The status names the command opened, and the prompt is the one that shell prints (no fake "$" of ours).
        String opened = onFx(() -> robot.lookup("#console-status").queryLabeled().getText());
        assertTrue(opened.contains("/bin/bash") && onFx(() -> d.console().outputText()).contains("bash-5.1# "),
                opened + " / " + onFx(() -> d.console().outputText()));
        assertTrue(robot.lookup(".console-prompt").tryQuery().isEmpty(), "no prompt mark of our own");
        robot.clickOn("#console-input").write("echo hello-from-the-dashboard");
        until("the line is typed", () -> robot.lookup("#console-input").queryTextInputControl().getText().equals("echo hello-from-the-dashboard"));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        try {
            until("the echo comes back", () -> d.console().outputText().contains("hello-from-the-dashboard\n"));
        } catch (AssertionError e) {
            throw new AssertionError("console output was: " + onFx(() -> d.console().outputText()), e);
        }
        robot.clickOn("#console-disconnect");
        until("disconnected", () -> !d.console().connectedProperty().get());
    }

    @Test
    void addInstanceDeploysTheNextNameOfThePoolAndRemoveInstanceDeletesIt(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> ctx.rememberDeployed(DashSim.spec("gw-run").build()));
        open(robot, "gw-run");
        robot.clickOn("#action-add-instance");
        until("the confirmation shows", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        String text = onFx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#confirm-dialog").query()).getContentText());
        assertTrue(text.contains("pam gateway set-max-instances -g gw-run -m 2"), text);
        robot.clickOn("#confirm-ok");
        until("gw-run-2 is listed", () -> view.model().rowNamed("gw-run-2") != null);
        until("gw-run-2 runs", () -> "Running".equals(row("gw-run-2").stateProperty().get()));
        assertEquals("gw-run", row("gw-run-2").poolProperty().get());
        until("the toast says so", () -> view.lastToast().contains("gw-run-2 added"));

        until("Remove instance is enabled", () -> !robot.lookup("#action-remove-instance").queryButton().isDisabled());
        robot.clickOn("#action-remove-instance");
        until("the confirmation shows", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        until("gw-run-2 is gone", () -> view.model().rowNamed("gw-run-2") == null);
    }

    @Test
    void refreshingPausesWhileTheWindowIsHiddenAndResumesWhenShown(FxRobot robot) throws Exception {
        until("refreshed once", () -> view.model().lastRefreshProperty().get() != null);
        WaitForAsyncUtils.asyncFx(() -> stage.hide());
        until("paused", () -> view.paused());
        until("a refresh already under way has finished", () -> !view.model().refreshingProperty().get());
        java.time.Instant at = onFx(() -> view.model().lastRefreshProperty().get());
        Thread.sleep(1_500);
        assertTrue(onFx(() -> view.paused()), "still paused; showing=" + onFx(() -> stage.isShowing()));
        assertEquals(at, onFx(() -> view.model().lastRefreshProperty().get()), "no refresh while hidden");
        WaitForAsyncUtils.asyncFx(() -> stage.show());
        until("refreshing again", () -> !view.paused() && view.model().lastRefreshProperty().get().isAfter(at));
    }

    @Test
    void redeployAsksForTheSecretsGetNeverReturnsChecksThemAndRestartsOnTheNewManifest(FxRobot robot) {
        open(robot, "gw-redeploy");
        int before = onFx(() -> row("gw-redeploy").restartsProperty().get());
        robot.clickOn("#action-redeploy");
        until("the confirmation shows", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        until("the secrets dialog shows", () -> robot.lookup("#secrets-dialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#secrets-docker-pat").query() instanceof javafx.scene.control.PasswordField, "the PAT is masked");
        assertTrue(robot.lookup("#secrets-gateway-config").query() instanceof javafx.scene.control.PasswordField, "the config is masked");

        assertEquals("hubuser", onFx(() -> ((javafx.scene.control.TextField) robot.lookup("#secrets-docker-user").query()).getText()),
                "the registry user comes from the group");
        robot.clickOn("#secrets-ok");
        until("the dialog stays and says what is missing", () -> !((javafx.scene.control.Label) robot.lookup("#secrets-problems").query()).getText().isBlank());
        assertTrue(robot.lookup("#secrets-dialog").tryQuery().isPresent());

        WaitForAsyncUtils.asyncFx(() -> {
            ((javafx.scene.control.TextField) robot.lookup("#secrets-docker-pat").query()).setText(DashSim.PAT);
            ((javafx.scene.control.TextField) robot.lookup("#secrets-gateway-config").query()).setText(DashSim.CONFIG);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#secrets-ok");
        until("redeployed", () -> view.lastToast().contains("gw-redeploy redeployed"));
        until("it runs on a fresh container", () -> "Running".equals(row("gw-redeploy").stateProperty().get())
                && row("gw-redeploy").restartsProperty().get() > before);
        assertTrue(onFx(() -> ctx.deployedSpec(DashSim.scope().subscriptionId(), DashSim.scope().resourceGroup(), "gw-redeploy")) != null,
                "the secrets are kept in memory for the session's next redeploy");
    }

    @Test
    void signingOutEmptiesTheListAndSigningInAgainFillsIt(FxRobot robot) {
        until("listed", () -> view.model().rows().size() > 0);
        WaitForAsyncUtils.asyncFx(() -> ctx.servicesProperty().set(null));
        until("the list is empty and says why, with the ways forward", () -> view.model().rows().isEmpty()
                && robot.lookup("#dash-signed-out").tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false)
                && robot.lookup("#dash-signin").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> ctx.servicesProperty().set(sim.az));
        until("listed again", () -> view.model().rows().size() > 0 && view.model().errorProperty().get() == null);
    }
}
