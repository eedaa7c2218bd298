package com.gatewaywizard.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.AppInfo;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the start page, the wizard and the dashboard. */
public class DesktopApp extends Application {

    /** Called by {@link com.gatewaywizard.Launcher} through reflection so CLI runs never load JavaFX. */
    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        show(stage, getParameters().getRaw());
    }

    /** Builds the main window on {@code stage}; tests call this directly. */
    public static void show(Stage stage, List<String> args) {
        boolean dark = args.contains("--dark") || Boolean.getBoolean("gatewaywizard.dark");
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        ResourceBundle bundle = Texts.bundle();
        StartPage start = new StartPage(bundle, args.contains("--simulator"));
        Scene scene = new Scene(start.root(), 1100, 720);
        scene.getStylesheets().add(DesktopApp.class.getResource("app.css").toExternalForm());
        stage.setTitle(AppInfo.NAME);
        stage.setScene(scene);
        stage.show();
        // Every icon size (the window manager picks one), decoded in the background after the window is up, so
        // nine PNG decodes do not compete with the first frame.
        javafx.application.Platform.runLater(() -> addIcons(stage));
    }

    static void addIcons(Stage stage) {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            var url = DesktopApp.class.getResource("icons/gateway-wizard-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new javafx.scene.image.Image(url.toExternalForm(), true));
            }
        }
    }
}
