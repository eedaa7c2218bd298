package com.gatewaywizard.ui;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the start page, the wizard and the dashboard. */
public class DesktopApp extends Application {

    /** Called by {@link com.gatewaywizard.Launcher} through reflection so CLI runs never load JavaFX. */
    public static void launchApp(String[] args) {
        warmUp();
        Application.launch(DesktopApp.class, args);
    }

    /**
     * Start-up: while the JavaFX toolkit starts (about a second in which the main thread only waits), a background
     * thread initialises what the window's constructor would otherwise initialise on the FX thread before the first
     * frame: SLF4J/Logback (the first {@code Tasks} use; ~500 classes and the config) and Jackson (the settings and
     * draft stores; ~400 classes). Only class initialisation, no file or network I/O.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> {
            try {
                org.slf4j.LoggerFactory.getLogger(DesktopApp.class);
                com.fasterxml.jackson.databind.ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
                json.readValue(json.writeValueAsString(new WarmUp("x", 1, List.of("y"), true)), WarmUp.class);
            } catch (Exception | LinkageError e) {
                // warming only: the real use reports its own problems
            }
        }, "startup-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** A record like the stored settings and drafts, for {@link #warmUp()}. */
    record WarmUp(String text, int number, List<String> list, boolean flag) {
    }

    /** The remembered window settings, read by {@link #init()} on the launcher thread (not the FX thread). */
    private volatile Settings remembered;

    @Override
    public void start(Stage stage) {
        MainWindow w = new MainWindow(stage, MainWindow.Options.fromArgs(getParameters().getRaw(),
                com.gatewaywizard.azure.Azure::connect, remembered));
        stage.show();
        w.context().setBrowser(url -> getHostServices().showDocument(url));
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
        remembered = Settings.load();
    }

}
