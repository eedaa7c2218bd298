package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's first frame comes before the real window is built, and the real window takes it over in place. */
@ExtendWith(ApplicationExtension.class)
class FirstPaintRobotTest {
    private final Settings remembered = new Settings(40.0, 30.0, 1000, 700, false, 1.2);
    private final CountDownLatch built = new CountDownLatch(1);
    private final List<String> firstPaintTexts = new ArrayList<>();
    private final AtomicInteger pulsesBeforeBuild = new AtomicInteger();
    private Scene firstScene;
    private Stage stage;
    private final java.util.concurrent.atomic.AtomicReference<String> firstPaintAgent = new java.util.concurrent.atomic.AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainWindow.Options options = new MainWindow.Options(true, false, SimulatorOptions.instant(),
                request -> { throw new IllegalStateException("no sign-in in this test"); }, false, remembered);
        AtomicInteger pulses = new AtomicInteger();
        FirstPaint.show(stage, options, () -> {
            pulsesBeforeBuild.set(pulses.get());
            firstScene = stage.getScene();
            firstPaintAgent.set(javafx.application.Application.getUserAgentStylesheet());
            for (Node n : firstScene.getRoot().lookupAll(".label")) {
                firstPaintTexts.add(((Label) n).getText());
            }
            new MainWindow(stage, options);
            built.countDown();
        });
        stage.getScene().addPostLayoutPulseListener(pulses::incrementAndGet);
    }

    @Test
    void theFirstFrameShowsTheBannerHeaderAndTitleThenTheStartPageTakesOverTheSameScene(FxRobot robot) throws Exception {
        assertTrue(built.await(30, TimeUnit.SECONDS), "the real window was built after the first paint");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pulsesBeforeBuild.get() >= 1, "the first paint was laid out and rendered before the build");
        assertTrue(firstPaintTexts.contains(Texts.get("simulator.banner")), firstPaintTexts.toString());
        assertTrue(firstPaintTexts.contains(Texts.get("start.title")), firstPaintTexts.toString());
        assertTrue(firstPaintTexts.contains(com.gatewaywizard.AppInfo.NAME), firstPaintTexts.toString());

        assertSame(firstScene, stage.getScene(), "the real window reuses the first paint's scene");
        assertEquals("main-window", stage.getScene().getRoot().getId());
        assertNotNull(robot.lookup("#start-new").tryQuery().orElse(null));
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("app.css")));
        assertTrue(firstPaintAgent.get().endsWith("first-paint.css"), "the first frame had the small sheet: " + firstPaintAgent);
        assertEquals(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet(), javafx.application.Application.getUserAgentStylesheet(),
                "the whole theme once the window is built");
        assertTrue(stage.getScene().getProperties().get(FirstPaint.SCENE_KEY) == null, "the marker is gone");
        assertEquals(FirstPaint.zoomStyle(1.2), stage.getScene().getRoot().getStyle(), "zoom kept");
        assertEquals(40.0, stage.getX(), 0.5);
        assertEquals(30.0, stage.getY(), 0.5);
        assertEquals(1000, stage.getScene().getWidth(), 0.5);
        assertEquals(700, stage.getScene().getHeight(), 0.5);
    }
}
