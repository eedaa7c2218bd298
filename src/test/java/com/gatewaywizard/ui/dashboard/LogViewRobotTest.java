package com.gatewaywizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.ui.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LogViewRobotTest {
    private LogView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new LogView(Texts.bundle(), 2_000);
        Scene scene = new Scene(view.root(), 900, 500);
        scene.getStylesheets().add(DashboardView.class.getResource("dashboard.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        DashSim.onlyWindow(stage);
    }

    private static List<String> lines(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("2026-12-03T10:00:" + String.format("%02d", i % 60) + ".000000000Z INFO    gateway.router: Heartbeat " + i);
        }
        return out;
    }

    private void fx(Runnable r) {
        org.testfx.api.FxToolkit.toolkitContext();
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A mouse-wheel turn over the log (positive = up), through the list's normal event dispatch. */
    private void wheel(FxRobot robot, double deltaY) {
        Node list = view.list();
        javafx.geometry.Point2D p = robot.point(list).query();
        fx(() -> javafx.event.Event.fireEvent(list, new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                p.getX(), p.getY(), p.getX(), p.getY(), false, false, false, false, false, false, 0, deltaY, 0, deltaY,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0, javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.LINES, 3,
                0, null)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int lastVisible() {
        VirtualFlow<?> flow = (VirtualFlow<?>) view.list().lookup(".virtual-flow");
        IndexedCell<?> c = flow.getLastVisibleCell();
        return c == null ? -1 : c.getIndex();
    }

    @Test
    void followShowsNewLinesPausesOnScrollUpAndJumpToLatestResumes(FxRobot robot) {
        fx(() -> view.append(lines(0, 300)));
        assertTrue(view.followProperty().get(), "follow is on by default");
        assertEquals(299, lastVisible());

        wheel(robot, +120);
        assertFalse(view.followProperty().get(), "scrolling up pauses follow");
        assertTrue(robot.lookup("#log-jump").query().isVisible());

        fx(() -> view.append(lines(300, 400)));
        assertEquals(400, view.shown().size(), "new lines still arrive while paused");
        assertTrue(lastVisible() < 399, "the view stays where the user scrolled");

        robot.clickOn("#log-jump");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.followProperty().get());
        assertEquals(399, lastVisible());
        assertFalse(robot.lookup("#log-jump").query().isVisible());

        wheel(robot, +120);
        assertFalse(view.followProperty().get());
        for (int i = 0; i < 3 && !view.followProperty().get(); i++) {
            wheel(robot, -400);
        }
        assertTrue(view.followProperty().get(), "scrolling back down to the end resumes follow");
    }

    @Test
    void ctrlFFindsHighlightsAndStepsThroughMatches(FxRobot robot) {
        fx(() -> view.append(lines(0, 200)));
        robot.clickOn("#log-list");
        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#log-find-bar").query().isVisible());
        robot.write("Heartbeat 1[0-2]$");
        robot.clickOn("#log-find-regex");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 matches", robot.lookup("#log-find-count").queryLabeled().getText());
        robot.clickOn("#log-find").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, view.list().getSelectionModel().getSelectedIndex());
        assertEquals("1 of 3", robot.lookup("#log-find-count").queryLabeled().getText());
        java.util.Set<String> hits = new java.util.TreeSet<>();
        robot.lookup(".log-hit").queryAll().forEach(n -> hits.add(((javafx.scene.control.Label) n).getText()));
        assertEquals(java.util.Set.of("Heartbeat 10", "Heartbeat 11", "Heartbeat 12"), hits, "every match on screen is highlighted");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, view.list().getSelectionModel().getSelectedIndex());
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, view.list().getSelectionModel().getSelectedIndex());
        assertFalse(view.followProperty().get(), "jumping to a match pauses follow");
    }

    @Test
    void theFilterIsSeparateFromFindAndKeepsMarkers(FxRobot robot) {
        fx(() -> {
            view.append(lines(0, 50));
            view.markRestart(Instant.parse("2026-12-03T10:05:00Z"));
            view.append(List.of("INFO    gateway: Keeper Gateway 1.8.4 starting"));
        });
        String marker = view.buffer().get(50).text();
        assertTrue(marker.startsWith("\u2014 container restarted at ") && marker.endsWith(" \u2014"), marker);
        robot.clickOn("#log-filter").write("starting");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, view.shown().size(), "the matching line and the restart marker");
        assertEquals(52, view.buffer().size(), "filtering hides, never drops");
        assertTrue(view.statusProperty().get().contains("2 of 52"), view.statusProperty().get());
    }

    @Test
    void timestampsToggleCopyAllAndSaveUseTheWholeBuffer(FxRobot robot, @TempDir Path dir) throws Exception {
        fx(() -> view.append(lines(0, 1_500)));
        assertFalse(view.textOfAll().startsWith("2026-"), "timestamps hidden by default");
        robot.clickOn("#log-timestamps");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.textOfAll().startsWith("2026-12-03T10:00:00.000000000Z INFO    gateway.router: Heartbeat 0\n"));
        Path out = dir.resolve("gateway.log");
        CountDownLatch saved = new CountDownLatch(1);
        fx(() -> view.saveTo(out, saved::countDown));
        assertTrue(saved.await(5, TimeUnit.SECONDS));
        List<String> written = Files.readAllLines(out);
        assertEquals(1_500, written.size(), "the whole buffer, not the viewport");
        assertTrue(written.get(1_499).endsWith("Heartbeat 1499"));
        robot.clickOn("#log-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.buffer().size());
    }

    @Test
    void aQuietContainerSaysSinceWhenThereIsNoNewOutput() {
        fx(() -> {
            view.append(lines(0, 3));
            view.lastOutputAt(Instant.now().minusSeconds(120));
            view.polled(Instant.now());
        });
        assertTrue(view.statusProperty().get().contains("no new output since"), view.statusProperty().get());
    }
}
