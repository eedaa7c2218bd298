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
 * first frame has been drawn (the second pulse after the stage was shown: the first one renders it) and exit, so
 * the bench can time them from process start with the same runtime and flags.
 */
public final class FirstFrame {
    static final String MARK = "FIRST_FRAME ";

    private FirstFrame() {
    }

    public static void main(String[] args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        if (args.length > 0 && args[0].equals("app")) {
            if (!Boolean.getBoolean("bench.noWarmUp")) {
                DesktopApp.warmUp(); // as DesktopApp.launchApp does
            }
            Application.launch(AppProbe.class, rest);
        } else {
            Application.launch(HelloProbe.class, rest);
        }
    }

    /** Prints the mark when the second pulse after {@code stage} was shown starts, then exits. */
    static void reportFirstFrame(Stage stage) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (stage.isShowing() && ++pulses == 2) {
                    stop();
                    System.out.println(MARK + System.currentTimeMillis());
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
            reportFirstFrame(stage);
        }
    }

    /** The baseline: a hello-world window, nothing else. */
    public static final class HelloProbe extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Hello");
            stage.setScene(new Scene(new StackPane(new Label("Hello, world")), 1100, 720));
            stage.show();
            reportFirstFrame(stage);
        }
    }
}
