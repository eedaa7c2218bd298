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

    @Override
    public void start(Stage stage) {
        MainWindow w = show(stage, getParameters().getRaw());
        w.context().setBrowser(url -> getHostServices().showDocument(url));
    }

    /** Builds the main window on {@code stage}; tests call this directly. */
    public static MainWindow show(Stage stage, List<String> args) {
        MainWindow w = new MainWindow(stage, MainWindow.Options.fromArgs(args, com.gatewaywizard.azure.Azure::connect));
        stage.show();
        return w;
    }

    @Override
    public void init() {
        // nothing: the window is built in start()
    }

}
