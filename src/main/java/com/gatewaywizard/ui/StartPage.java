package com.gatewaywizard.ui;

import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The first page: New deployment, Import manifest, Manage gateways, and the Training simulator switch. */
public final class StartPage {
    private final BorderPane root = new BorderPane();
    private final BooleanProperty simulator = new SimpleBooleanProperty();
    private final Button resume;
    private final Label notice = new Label();
    private final Button newDeployment;
    private final Button importManifest;
    private final Button manage;

    public StartPage(ResourceBundle t, boolean useSimulator) {
        simulator.set(useSimulator);
        root.setId("start-page");

        Label[] heading = FirstPaint.heading(t);

        Button newDeployment = action("start-new", t.getString("start.new"), t.getString("start.new.hint"), Feather.PLUS_CIRCLE);
        Button importManifest = action("start-import", t.getString("start.import"), t.getString("start.import.hint"), Feather.FILE_TEXT);
        Button manage = action("start-manage", t.getString("start.manage"), t.getString("start.manage.hint"), Feather.ACTIVITY);

        CheckBox simulatorSwitch = new CheckBox(t.getString("start.simulator"));
        simulatorSwitch.setId("start-simulator");
        simulatorSwitch.setMnemonicParsing(true);
        simulatorSwitch.selectedProperty().bindBidirectional(simulator);
        Label simulatorHint = new Label(t.getString("start.simulator.hint"));
        simulatorHint.getStyleClass().add("text-muted");
        simulatorHint.setWrapText(true);

        resume = action("start-resume", t.getString("start.resume"), "", Feather.ROTATE_CCW);
        resume.setVisible(false);
        resume.setManaged(false);
        this.newDeployment = newDeployment;
        this.importManifest = importManifest;
        this.manage = manage;
        VBox actions = new VBox(12, newDeployment, resume, importManifest, manage);
        actions.setMaxWidth(520);
        notice.setId("start-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add("text-warning");
        notice.setVisible(false);
        notice.setManaged(false);
        VBox center = new VBox(18, heading[0], heading[1], notice, actions, new VBox(4, simulatorSwitch, simulatorHint));
        center.setPadding(new Insets(48));
        center.setAlignment(Pos.TOP_LEFT);
        center.setMaxWidth(760);

        HBox wrapper = new HBox(center);
        wrapper.setAlignment(Pos.TOP_CENTER);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(wrapper);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("start-scroll");
        root.setCenter(scroll);
    }

    private static Button action(String id, String text, String hint, Feather icon) {
        Label head = new Label(text);
        head.getStyleClass().add("title-4");
        head.setMnemonicParsing(true);
        Label sub = new Label(hint);
        sub.getStyleClass().add("text-muted");
        sub.setId(id + "-hint");
        // The button lays its graphic out at the graphic's preferred size: give the hint a width so it wraps.
        sub.setWrapText(true);
        sub.setMinWidth(430);
        sub.setPrefWidth(430);
        sub.setMaxWidth(430);
        sub.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(2, head, sub);
        Button b = new Button(null, new HBox(14, new FontIcon(icon), box));
        b.setId(id);
        b.getStyleClass().add("start-action");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setAlignment(Pos.CENTER_LEFT);
        head.setLabelFor(b);
        b.setAccessibleText(text.replace("_", ""));
        return b;
    }

    /** What the four buttons do. */
    public void setActions(Runnable onNew, Runnable onImport, Runnable onManage, Runnable onResume) {
        newDeployment.setOnAction(e -> onNew.run());
        importManifest.setOnAction(e -> onImport.run());
        manage.setOnAction(e -> onManage.run());
        resume.setOnAction(e -> onResume.run());
    }

    /** Offers to resume the draft saved at {@code savedAt}; null hides the offer. */
    public void offerDraft(java.time.Instant savedAt) {
        resume.setVisible(savedAt != null);
        resume.setManaged(savedAt != null);
        if (savedAt != null) {
            String when = java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm")
                    .format(java.time.LocalDateTime.ofInstant(savedAt, java.time.ZoneId.systemDefault()));
            VBox box = (VBox) ((HBox) resume.getGraphic()).getChildren().get(1);
            ((Label) box.getChildren().get(1)).setText(Texts.get("start.resume.hint", when));
        }
    }

    /** A notice for the user (e.g. a damaged draft was set aside); empty hides it. */
    public void notice(String text) {
        notice.setText(text);
        notice.setVisible(!text.isEmpty());
        notice.setManaged(!text.isEmpty());
    }

    public Parent root() {
        return root;
    }

    public BooleanProperty simulatorProperty() {
        return simulator;
    }
}
