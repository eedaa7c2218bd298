package com.gatewaywizard.ui.dashboard;

import static com.gatewaywizard.ui.dashboard.DashSim.onFx;
import static com.gatewaywizard.ui.dashboard.DashSim.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.ContainerStateInfo;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
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

/** What a new user's trial of the dashboard found, on the simulator at demo pace (a restart is Pending a while). */
@ExtendWith(ApplicationExtension.class)
class DashboardTrialRobotTest {
    private static DashSim sim;
    private DashboardView view;
    private Stage stage;

    @BeforeAll
    static void deploy() {
        sim = new DashSim(SimulatorOptions.defaults());
        assertTrue(sim.deploy(DashSim.spec("keeper-gateway").image("keeper/gateway:latest").build()).allRunning());
        assertTrue(sim.deploy(DashSim.spec("gw-gone").build()).allRunning());
    }

    @AfterAll
    static void close() {
        sim.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = DashSim.show(stage, sim.context(), 1280, 800, true);
    }

    @AfterEach
    void dispose() {
        DashSim.dispose(view);
    }

    private void open(String name) {
        DashSim.open(view, name);
    }

    private static void collect(Node n, List<Button> out) {
        if (n instanceof Button b && b.isVisible() && b.getScene() != null) {
            out.add(b);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    @Test
    void aGatewayDeletedOutsideTheAppIsSaidToBeGoneAndOffersNoActions(FxRobot robot) {
        open("gw-gone");
        // as `gateway-wizard delete --yes` does, through its own session
        sim.az.control().delete(new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-gone"));
        until("a refresh finds it gone", () -> view.model().rowNamed("gw-gone") == null);
        WaitForAsyncUtils.waitForFxEvents();
        String said = onFx(() -> robot.lookup("#detail-gone").tryQuery().filter(n -> n.getScene() != null)
                .map(n -> ((javafx.scene.control.Label) n).getText()).orElse(""));
        assertTrue(said.contains("gw-gone no longer exists") && said.contains("deleted outside"), "the detail says so: " + said);
        assertTrue(onFx(() -> robot.lookup("#detail-state").tryQuery().filter(n -> n.getScene() != null).isEmpty()),
                "no stale Running state is shown");
        List<String> enabled = onFx(() -> {
            List<Button> buttons = new ArrayList<>();
            collect(robot.lookup("#detail-holder").query(), buttons);
            return buttons.stream().filter(b -> !b.isDisabled()).map(Button::getText).toList();
        });
        assertTrue(enabled.isEmpty(), "nothing offers actions on the gone gateway: " + enabled);
        open("keeper-gateway");
        assertTrue(onFx(() -> robot.lookup("#detail-gone").tryQuery().filter(n -> n.getScene() != null).isEmpty()),
                "another gateway's detail replaces the notice");
    }

    /** Each line the label shows fits its width and ends after '/', '-', ':' or a space (never inside a word). */
    private static List<String> badLines(FactValue v) {
        List<String> bad = new ArrayList<>();
        String[] lines = v.getText().split("\n");
        double room = v.getWidth() - v.snappedLeftInset() - v.snappedRightInset();
        Text probe = new Text();
        probe.setFont(v.getFont());
        for (int i = 0; i < lines.length; i++) {
            probe.setText(lines[i]);
            if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                bad.add("too wide: " + lines[i] + " (" + probe.getLayoutBounds().getWidth() + " > " + room + ")");
            }
            if (i < lines.length - 1 && !lines[i].matches(".*[/:\\-]$") && !lines[i + 1].isEmpty()
                    && !v.value().contains(lines[i] + " ")) {
                bad.add("ends inside a word: " + lines[i] + "|" + lines[i + 1]);
            }
        }
        if (!String.join("", lines).replace(" ", "").equals(v.value().replace(" ", ""))) {
            bad.add("not the value: " + v.getText());
        }
        return bad;
    }

    @Test
    void theImageAndSubnetWrapOnlyAfterSlashesHyphensAndColonsAtEveryWidth(FxRobot robot) {
        open("keeper-gateway");
        for (double width : new double[] {1180, 1230, 1280}) {
            for (double divider : new double[] {0.44, 0.62, 0.72}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    stage.setWidth(width);
                    robot.lookup(".split-pane").queryAs(SplitPane.class).setDividerPositions(divider);
                });
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.waitForFxEvents();
                for (String id : List.of("#detail-image", "#detail-subnet")) {
                    List<String> bad = onFx(() -> badLines(robot.lookup(id).queryAs(FactValue.class)));
                    assertTrue(bad.isEmpty(), id + " at " + width + " px, divider " + divider + ": " + bad);
                }
            }
        }
        assertEquals("keeper/gateway:latest", onFx(() -> robot.lookup("#detail-image").queryAs(FactValue.class).getAccessibleText()));
        assertEquals("keeper/\ngateway:\nlatest", onFx(() -> {
            FactValue f = new FactValue();
            f.setValue("keeper/gateway:latest");
            Text p = new Text("gateway:");
            return f.lines(p.getLayoutBounds().getWidth() + 2);
        }), "a narrow value breaks after '/' and ':'");
    }

    @Test
    void theHeaderNamesTheSubscriptionWithItsIdInTheTooltip(FxRobot robot) {
        until("named once the subscriptions are listed",
                () -> robot.lookup("#dash-scope").queryLabeled().getText().contains(SeedWorld.PRODUCTION_NAME));
        javafx.scene.control.Label scope = robot.lookup("#dash-scope").queryAs(javafx.scene.control.Label.class);
        assertFalse(onFx(scope::getText).contains(SeedWorld.PRODUCTION), "the name replaces the id: " + onFx(scope::getText));
        assertTrue(onFx(() -> scope.getTooltip().getText()).contains(SeedWorld.PRODUCTION), "the id is in the tooltip");
    }

    @Test
    void redeployPrefillsTheRegistryUserNamesTheProbeAsTheWizardDoesAndItsToastAgreesWithTheList(FxRobot robot) {
        open("keeper-gateway");
        robot.clickOn("#action-redeploy");
        until("the confirmation shows", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        until("the secrets dialog shows", () -> robot.lookup("#secrets-dialog").tryQuery().isPresent());
        assertEquals("hubuser", onFx(() -> robot.lookup("#secrets-docker-user").queryAs(TextField.class).getText()),
                "the registry user Azure returns is filled in");
        @SuppressWarnings("unchecked")
        ChoiceBox<com.gatewaywizard.spec.LivenessProbe> probe = robot.lookup("#secrets-probe").queryAs(ChoiceBox.class);
        assertEquals("None", onFx(() -> probe.getConverter().toString(probe.getValue())));
        List<String> shown = onFx(() -> probe.getItems().stream().map(p -> probe.getConverter().toString(p)).toList());
        assertEquals(List.of("None", "HTTP /health on 443", "Health-check command"), shown);
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#secrets-docker-pat").queryAs(TextField.class).setText(DashSim.PAT);
            robot.lookup("#secrets-gateway-config").queryAs(TextField.class).setText(DashSim.CONFIG);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#secrets-ok");
        until("the redeploy is accepted", () -> view.lastToast() != null && view.lastToast().contains("keeper-gateway")
                && !view.lastToast().startsWith("Using"));
        String first = onFx(() -> view.lastToast());
        String stateThen = onFx(() -> view.model().rowNamed("keeper-gateway").stateProperty().get());
        assertFalse(first.contains("Pending") && "Running".equals(stateThen), "toast " + first + " vs list " + stateThen);
        until("running again, and the toast says so", () -> "Running".equals(view.model().rowNamed("keeper-gateway").stateProperty().get())
                && (view.lastToast().equals("keeper-gateway redeployed and running.")
                        || view.lastToast().equals("keeper-gateway redeployed: Running.")));
    }

    @Test
    void aPreviousRunWithoutAnExitCodeLeavesTheExitCodeOut() {
        java.util.ResourceBundle t = Texts.bundle();
        Instant ended = Instant.parse("2026-12-04T07:00:00Z");
        String without = GatewayDetail.previousRun(t, new ContainerStateInfo("Terminated", null, ended, null, null));
        assertTrue(without.startsWith("Terminated, ended "), without);
        assertFalse(without.contains("exit code"), without);
        assertTrue(GatewayDetail.previousRun(t, new ContainerStateInfo("Terminated", null, ended, 137, null))
                .startsWith("Terminated, exit code 137, ended "));
    }
}
