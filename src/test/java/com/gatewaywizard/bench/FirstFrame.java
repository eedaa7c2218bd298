package com.gatewaywizard.bench;

import com.gatewaywizard.ui.DesktopApp;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Start-up probe: {@code FirstFrame app [args]} opens Gateway Wizard's real window (through {@link DesktopApp#start}),
 * {@code FirstFrame hello} a bare JavaFX window of the same size. Both print {@code FIRST_FRAME <epoch ms>} once the
 * first frame has been drawn (the second pulse after the stage was shown: the first one renders it), then
 * {@code WINDOW_READY <epoch ms>} once the whole window is drawn (for Gateway Wizard: its start page, which replaces
 * the first paint; for hello-world: the same frame), and exit, so the bench can time both from process start with the
 * same runtime and flags.
 */
public final class FirstFrame {
    static final String MARK = "FIRST_FRAME ";
    static final String READY = "WINDOW_READY ";

    private FirstFrame() {
    }

    public static void main(String[] args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        if (args.length > 0 && args[0].equals("app")) {
            Application.launch(AppProbe.class, rest); // as DesktopApp.launchApp does
        } else {
            Application.launch(HelloProbe.class, rest);
        }
    }

    /**
     * Prints {@link #MARK} when the second pulse after {@code stage} was shown starts (the first frame is on screen),
     * then {@link #READY} when the second pulse after {@code ready} holds starts (the complete window is), then exits.
     */
    static void reportFirstFrame(Stage stage, java.util.function.BooleanSupplier ready) {
        new AnimationTimer() {
            private int pulses;
            private int readyPulses;

            @Override
            public void handle(long now) {
                if (stage.isShowing() && ++pulses == 2) {
                    System.out.println(MARK + System.currentTimeMillis());
                }
                if (pulses >= 2 && ready.getAsBoolean() && ++readyPulses == 2) {
                    stop();
                    System.out.println(READY + System.currentTimeMillis());
                    System.out.flush();
                    System.exit(0);
                }
            }
        }.start();
    }

    /** Gateway Wizard's own start path. */
    public static final class AppProbe extends DesktopApp {
        @Override
        public void start(Stage stage) {
            super.start(stage);
            reportFirstFrame(stage, () -> stage.getScene() != null && stage.getScene().getRoot() != null
                    && "main-window".equals(stage.getScene().getRoot().getId()) && stage.getScene().lookup("#start-new") != null);
        }
    }

    /** The baseline: a hello-world window, nothing else. */
    public static final class HelloProbe extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Hello");
            stage.setScene(new Scene(new StackPane(new Label("Hello, world")), 1100, 720));
            stage.show();
            reportFirstFrame(stage, () -> true);
        }
    }
}
