package com.gatewaywizard.ui;

import com.gatewaywizard.AppInfo;
import java.util.ResourceBundle;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The window's first frame, drawn before the rest of the app exists. Building {@link MainWindow} takes the FX
 * thread most of a second on a cold JVM (about 2,400 classes: the controls' skins, Ikonli's icon fonts, the wizard's
 * model); a window that stays blank (or absent) for that long looks broken. So the stage is first shown, at its
 * remembered size and place, in the app's theme, with what the start page begins with — the simulator banner, the
 * header and the page title — made of plain labels only, styled by the few rules of the theme they need
 * ({@code first-paint.css}); once that frame has been rendered the real window is built on the same scene, with the
 * whole theme, and replaces it. The labels use the same style classes and zoom as the real ones, so the swap
 * only adds what was missing.
 */
final class FirstPaint {
    /** Marks the scene as the first paint's, for {@link MainWindow} to take over. */
    static final String SCENE_KEY = "gatewaywizard.firstPaint";

    private FirstPaint() {
    }

    /** Shows {@code stage} with the first-paint content, then runs {@code rest} once that frame was rendered. */
    static void show(Stage stage, MainWindow.Options options, Runnable rest) {
        Settings settings = options.initialSettings() != null ? options.initialSettings() : Settings.defaults();
        ResourceBundle t = Texts.bundle();
        boolean dark = Boolean.TRUE.equals(options.dark());
        // Not the theme itself yet: its style sheet takes longer to load than this whole frame (see first-paint.css).
        Application.setUserAgentStylesheet(FirstPaint.class.getResource("first-paint.css").toExternalForm());

        VBox top = new VBox();
        if (options.simulator()) {
            // the real banner's warning icon is 18 px wide: its place is kept so the text does not move
            javafx.scene.layout.Region icon = new javafx.scene.layout.Region();
            icon.setPrefSize(18, 16);
            Label banner = new Label(t.getString("simulator.banner"), icon);
            banner.getStyleClass().add("simulator-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            top.getChildren().add(banner);
        }
        Label app = new Label(AppInfo.NAME);
        app.getStyleClass().add("text-bold");
        HBox header = new HBox(app);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 16, 6, 16));
        header.setMinHeight(40);
        header.getStyleClass().add("app-header");
        top.getChildren().add(header);

        VBox center = new VBox(18, heading(t));
        center.setPadding(new Insets(48));
        center.setMaxWidth(760);
        HBox wrapper = new HBox(center);
        wrapper.setAlignment(Pos.TOP_CENTER);

        BorderPane root = new BorderPane(wrapper);
        root.setTop(top);
        root.setStyle(zoomStyle(settings.zoom()));
        if (dark) {
            root.getStyleClass().add("first-paint-dark");
        }
        Scene scene = sceneFor(stage, root, settings);
        scene.getProperties().put(SCENE_KEY, Boolean.TRUE);
        place(stage, settings);
        stage.setTitle(AppInfo.NAME);
        stage.setScene(scene);
        stage.show();
        afterRendered(rest);
    }

    private static final double BASE_FONT = 14;

    /** Light or dark AtlantaFX theme for the whole app. */
    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** The root's style for {@code zoom}: every size in the app's CSS is relative to this font size. */
    static String zoomStyle(double zoom) {
        return "-fx-font-size: " + (BASE_FONT * zoom) + "px;";
    }

    /** A scene for {@code root} at the remembered size (cut to today's screen), with the app's style sheet. */
    static Scene sceneFor(Stage stage, Parent root, Settings settings) {
        // A remembered size larger than today's screen (another monitor, a lower resolution) is cut to the screen.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(settings.width(), screen.getWidth()), Math.min(settings.height(), screen.getHeight()));
        scene.getStylesheets().add(FirstPaint.class.getResource("app.css").toExternalForm());
        return scene;
    }

    /** Puts {@code stage} where it was last time, if that place is on a screen today; minimum size; maximised. */
    static void place(Stage stage, Settings settings) {
        if (settings.x() != null && settings.y() != null && !javafx.stage.Screen.getScreensForRectangle(settings.x(), settings.y(),
                Math.min(settings.width(), 200), Math.min(settings.height(), 100)).isEmpty()) {
            stage.setX(settings.x());
            stage.setY(settings.y());
        }
        stage.setMinWidth(Settings.MIN_WIDTH);
        stage.setMinHeight(Settings.MIN_HEIGHT);
        stage.setMaximized(settings.maximized());
    }

    /** The start page's title and subtitle: the same labels in the first paint and on the start page. */
    static Label[] heading(ResourceBundle t) {
        Label title = new Label(t.getString("start.title"));
        title.getStyleClass().add("title-1");
        title.setWrapText(true);
        Label subtitle = new Label(t.getString("start.subtitle"));
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);
        return new Label[] {title, subtitle};
    }

    /**
     * Runs {@code then} after the frame now pending has been rendered: pulses are not started while the renderer is
     * still busy with the previous frame, so the second pulse from now comes after the first frame is on screen.
     */
    private static void afterRendered(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    Platform.runLater(then); // after this pulse, so other pulse listeners see the frame too
                }
            }
        }.start();
    }
}
