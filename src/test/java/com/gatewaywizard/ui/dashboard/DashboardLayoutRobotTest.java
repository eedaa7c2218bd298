package com.gatewaywizard.ui.dashboard;

import static com.gatewaywizard.ui.dashboard.DashSim.onFx;
import static com.gatewaywizard.ui.dashboard.DashSim.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TreeTableColumn;
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

/**
 * The dashboard at the app's default window size (1180 x 760 of scene): nothing a help-desk user needs is cut
 * ("westeur…", "A…"), the log tools say what they do, and the empty list speaks in the body size.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardLayoutRobotTest {
    private static DashSim sim;
    private DashboardView view;

    @BeforeAll
    static void deployAndRestart() {
        sim = new DashSim(SimulatorOptions.instant());
        assertTrue(sim.deploy(DashSim.spec("gw-restarted").build()).allRunning());
        // A restart gives the gateway a previous run ("Terminated, exit code 0, ended …"), the longest fact.
        sim.az.control().restart(new GatewayRef(DashSim.scope().subscriptionId(), DashSim.scope().resourceGroup(), "gw-restarted"));
        // pools: members are indented below their pool header, the tightest names of the list
        assertTrue(sim.deploy(DashSim.spec("keeper-gateway").instances(2).build()).allRunning());
        assertTrue(sim.deploy(DashSim.spec(LONG_POOL).instances(2).build()).allRunning());
    }

    /** A pool name as long as a help desk meets them: too long for one line in the list at 1180 px. */
    static final String LONG_POOL = "keeper-gateway-westeurope-production";

    @AfterAll
    static void close() {
        sim.close();
    }

    @Start
    void start(Stage stage) {
        view = DashSim.show(stage, sim.context(), 1180, 760, true);
    }

    @AfterEach
    void dispose() {
        DashSim.dispose(view);
    }

    private void open(String name) {
        DashSim.open(view, name);
    }

    /** True when the label shows less than its text (the skin replaced the end with an ellipsis). */
    static boolean cut(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text text && n.getStyleClass().contains("text")) {
                return !text.getText().equals(l.getText());
            }
        }
        return false;
    }

    private static List<Labeled> labels(Node root) {
        List<Labeled> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Labeled> out) {
        if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    @Test
    void theFactsOfAGatewayWithAPreviousRunAreShownWhole(FxRobot robot) {
        open("gw-restarted");
        until("the previous run is shown", () -> robot.lookup("#detail-previous").queryLabeled().getText().contains("Terminated"));
        WaitForAsyncUtils.waitForFxEvents();
        Node facts = robot.lookup(".detail-facts").query();
        List<String> cut = onFx(() -> labels(facts).stream().filter(DashboardLayoutRobotTest::cut).map(Labeled::getText).toList());
        assertTrue(cut.isEmpty(), "facts cut at 1180 px: " + cut);
        assertTrue(onFx(() -> labels(facts).stream().anyMatch(l -> l.getText().equals("westeurope"))), "the region is shown");
    }

    @Test
    void theListShowsNameStateIpRestartsAndAgeWithUncutHeaders(FxRobot robot) {
        open("gw-restarted");
        Set<String> shown = onFx(() -> view.table().getVisibleLeafColumns().stream().map(TreeTableColumn::getText)
                .collect(Collectors.toSet()));
        assertTrue(shown.containsAll(List.of("Name", "State", "IP", "Restarts", "Age")), "visible columns: " + shown);
        List<String> cutHeaders = onFx(() -> view.table().lookupAll(".column-header").stream()
                .flatMap(h -> labels(h).stream()).filter(DashboardLayoutRobotTest::cut).map(Labeled::getText).toList());
        assertTrue(cutHeaders.isEmpty(), "headers cut: " + cutHeaders);
        boolean sideways = onFx(() -> view.table().lookupAll(".scroll-bar").stream()
                .anyMatch(s -> s instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()));
        assertFalse(sideways, "the visible columns fit without a horizontal scroll bar");
        List<String> cutCells = onFx(() -> labels(view.table()).stream()
                .filter(l -> !(l.getStyleClass().contains("column-header"))).filter(DashboardLayoutRobotTest::cut)
                .map(Labeled::getText).toList());
        assertTrue(cutCells.isEmpty(), "cells cut: " + cutCells);
    }

    @Test
    void poolMemberNamesAreReadWholeAtTheDefaultWidthAndALongOneWrapsInsteadOfBeingCut(FxRobot robot) {
        open("gw-restarted");
        until("the pools are listed", () -> onFx(() -> cells(view, LONG_POOL + "-2").size() == 1));
        WaitForAsyncUtils.waitForFxEvents();
        for (String name : List.of("keeper-gateway", "keeper-gateway-2", LONG_POOL, LONG_POOL + "-2")) {
            List<Labeled> found = onFx(() -> cells(view, name));
            assertEquals(1, found.size(), name + " is one cell of the list");
            Labeled cell = found.get(0);
            assertFalse(onFx(() -> cutOrHidden(cell)), name + " is shown whole");
        }
        // the usual member name fits on one line: its row is as tall as a gateway's outside a pool
        double one = onFx(() -> cells(view, "gw-restarted").get(0).getHeight());
        assertEquals(one, onFx(() -> cells(view, "keeper-gateway-2").get(0).getHeight()), 0.5);
        assertTrue(onFx(() -> cells(view, LONG_POOL + "-2").get(0).getHeight()) > one + 8,
                "the long member name takes a second line");
        // the pool's header and its "2 of 2 running" are whole too
        List<Labeled> header = onFx(() -> cells(view, "keeper-gateway (2 instances)"));
        assertEquals(1, header.size(), "the pool's header");
        assertFalse(onFx(() -> header.get(0).getText()).startsWith("keeper-\n"), "broken where the line is full, not at the first hyphen");
        List<String> cut = onFx(() -> labels(view.table()).stream().filter(l -> l.getText().contains("instances")
                || l.getText().contains("running")).filter(DashboardLayoutRobotTest::cutOrHidden).map(Labeled::getText).toList());
        assertTrue(cut.isEmpty(), "pool rows cut: " + cut);
    }

    /** The table cells that show exactly {@code text}. */
    private static List<Labeled> cells(DashboardView view, String text) {
        return labels(view.table()).stream().filter(l -> l instanceof javafx.scene.control.TreeTableCell<?, ?>
                && text.equals(l.getText().replaceAll("(?<=-)\n", "").replace('\n', ' '))).toList();
    }

    /** Cut with an ellipsis, or drawn beyond the cell's own bounds (clipped away). */
    static boolean cutOrHidden(Labeled l) {
        if (cut(l)) {
            return true;
        }
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text text && n.getStyleClass().contains("text")) {
                javafx.geometry.Bounds b = text.getBoundsInParent();
                return b.getMaxX() > l.getWidth() + 0.5 || b.getMaxY() > l.getHeight() + 0.5;
            }
        }
        return false;
    }

    @Test
    void theLogToolsSayWhatTheyDoInWords(FxRobot robot) {
        open("gw-restarted");
        for (String id : List.of("#log-find-open", "#log-copy", "#log-copy-all", "#log-save", "#log-clear")) {
            Button b = robot.lookup(id).queryButton();
            assertNotNull(b.getText(), id);
            assertFalse(b.getText().isBlank(), id + " has a visible label");
            assertFalse(onFx(() -> cut(b)), id + " label is cut: " + b.getText());
            assertNotNull(b.getAccessibleText(), id + " keeps its accessible text");
            assertNotNull(b.getTooltip(), id + " keeps its tooltip");
        }
        assertEquals("Copy all", robot.lookup("#log-copy-all").queryButton().getText());
    }

    @Test
    void theEmptyListSaysSoInTheBodySize(FxRobot robot) {
        until("the gateway is listed", () -> view.model().rowNamed("gw-restarted") != null);
        robot.clickOn("#dash-filter").write("no-such-gateway");
        until("the list is empty", () -> view.table().getRoot().getChildren().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Label empty = onFx(() -> (Label) view.table().getPlaceholder());
        until("the placeholder shows", () -> empty.getScene() != null && empty.isVisible());
        double body = onFx(() -> robot.lookup("#dash-summary").queryLabeled().getFont().getSize());
        assertEquals(body, onFx(() -> empty.getFont().getSize()), 0.01, "placeholder font vs body font");
    }
}

