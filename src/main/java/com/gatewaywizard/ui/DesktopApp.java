package com.gatewaywizard.ui;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the start page, the wizard and the dashboard. */
public class DesktopApp extends Application {

    /** Called by {@link com.gatewaywizard.Launcher} through reflection so CLI runs never load JavaFX. */
    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    /** The remembered window settings, read by {@link #init()} on the launcher thread (not the FX thread). */
    private volatile Settings remembered;

    /**
     * Shows the window's first frame at once ({@link FirstPaint}), then builds the real window on it. The Azure SDK
     * is not touched here: the connector only names {@code Azure.connect}, which runs when someone signs in.
     */
    @Override
    public void start(Stage stage) {
        MainWindow.Options chosen = MainWindow.Options.fromArgs(getParameters().getRaw(), com.gatewaywizard.azure.Azure::connect,
                remembered);
        MainWindow.Options options = withOsTheme(chosen);
        FirstPaint.show(stage, options, () -> {
            MainWindow w = new MainWindow(stage, options);
            w.context().setBrowser(url -> getHostServices().showDocument(url));
            if (chosen.dark() == null && options.dark() != null) {
                // drawn in the OS's appearance of last time: ask the OS now, and follow it if it changed since
                boolean shown = options.dark();
                Tasks.run(OsTheme::askAndRemember).onSuccess(dark -> {
                    if (dark != shown) {
                        MainWindow.applyTheme(dark);
                    }
                }).start();
            }
        });
    }

    /** Builds the main window on {@code stage}; tests call this directly. */
    public static MainWindow show(Stage stage, List<String> args) {
        MainWindow w = new MainWindow(stage, MainWindow.Options.fromArgs(args, com.gatewaywizard.azure.Azure::connect));
        stage.show();
        return w;
    }

    /** Runs on the JavaFX launcher thread before {@link #start}: the settings file is read here, off the FX thread. */
    @Override
    public void init() {
        osDark = OsTheme.remembered();
        remembered = Settings.load();
    }

    /** The OS's appearance as it was last asked (null: never), read by {@link #init()}; for the first frame. */
    private volatile Boolean osDark;

    /** {@code options} with the OS's last known appearance filled in when the user chose none. */
    private MainWindow.Options withOsTheme(MainWindow.Options options) {
        Boolean dark = options.dark() == null ? osDark : null;
        return dark == null ? options : new MainWindow.Options(options.simulator(), dark, options.simulatorOptions(),
                options.connector(), options.rememberWindow(), options.initialSettings(), options.dashboard(),
                options.simulatorAddress());
    }

}
