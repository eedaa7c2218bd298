package com.gatewaywizard.ui.dashboard;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** In-window notifications at the bottom right: each stays a few seconds (errors longer) and can be clicked away. */
final class Toasts {
    private final VBox box = new VBox(8);
    private String last = "";

    Toasts() {
        box.setId("toasts");
        box.setAlignment(Pos.BOTTOM_RIGHT);
        box.setPickOnBounds(false);
        box.setMaxSize(420, javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(box, new Insets(16));
    }

    VBox node() {
        return box;
    }

    /** The text of the newest notification, for tests. */
    String last() {
        return last;
    }

    void show(String text, boolean error) {
        last = text;
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(420);
        l.getStyleClass().addAll("toast", error ? "toast-error" : "toast-ok");
        l.setId("toast");
        l.setOnMouseClicked(e -> box.getChildren().remove(l));
        box.getChildren().add(l);
        if (box.getChildren().size() > 4) {
            box.getChildren().remove(0);
        }
        PauseTransition p = new PauseTransition(Duration.seconds(error ? 12 : 6));
        p.setOnFinished(e -> box.getChildren().remove(l));
        p.play();
    }
}
