package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The "Remember in the OS keychain" check box with its explanation (or why it is disabled) and the last note. */
final class KeychainBox {
    private KeychainBox() {
    }

    static VBox of(String id, KeychainChoice choice) {
        CheckBox box = new CheckBox(t("keychain.remember"));
        box.setId(id);
        box.setMnemonicParsing(true);
        box.selectedProperty().bindBidirectional(choice.remember);
        box.disableProperty().bind(choice.usable().not());
        Label status = Forms.muted("");
        status.setId(id + "-status");
        status.textProperty().bind(choice.status());
        box.accessibleHelpProperty().bind(choice.status());
        Label note = new Label();
        note.setId(id + "-note");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.ACCENT);
        note.textProperty().bind(choice.note);
        SignInView.show(note, Bindings.isNotEmpty(choice.note));
        VBox v = new VBox(4, box, status, note);
        v.getStyleClass().add("keychain-box");
        choice.check();
        return v;
    }
}
