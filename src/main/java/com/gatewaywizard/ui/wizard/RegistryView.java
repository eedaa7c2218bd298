package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;

import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Docker Hub username and masked read-only token, and why they are needed. */
final class RegistryView implements StepView {
    private final VBox root = new VBox(14);
    private final TextField user = new TextField();

    RegistryView(RegistryViewModel vm) {
        root.setId("step-registry");
        user.setId("registry-user");
        user.setPromptText(t("registry.user.prompt"));
        user.textProperty().bindBidirectional(vm.model.dockerUser);
        Forms.mark(user, vm, "dockerUser");
        Forms.SecretField pat = new Forms.SecretField("registry-pat", vm.model.dockerPat, RegistryViewModel::cleanPaste);
        Forms.mark(pat.masked, vm, "dockerPat");
        Forms.mark(pat.clear, vm, "dockerPat");
        pat.masked.setPromptText(t("registry.pat.prompt"));

        javafx.scene.control.Button training = Forms.button("registry.training", org.kordamp.ikonli.feather.Feather.AWARD,
                vm::useTrainingValues);
        training.setId("registry-training");
        Label trainingNote = Forms.muted(t("registry.training.note"));
        javafx.scene.layout.VBox trainingBox = new javafx.scene.layout.VBox(4, training, trainingNote);
        SignInView.show(trainingBox, vm.model.context().simulatorProperty());

        Label whyTitle = Forms.section("registry.why.title");
        Label why = Forms.muted(t("registry.why"));
        why.setId("registry-why");
        Hyperlink link = new Hyperlink(t("registry.link"));
        link.setId("registry-link");
        link.setOnAction(e -> vm.model.context().openBrowser(RegistryViewModel.TOKENS_URL));

        root.getChildren().addAll(Forms.header("registry"), Forms.field("registry.user", user), Forms.field("registry.pat", pat),
                Forms.muted(t("registry.pat.hint")), KeychainBox.of("registry-keychain", vm.model.keychain), trainingBox, Forms.problems("registry-problems", vm.messages()),
                new VBox(6, whyTitle, why, link));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstField() {
        return user;
    }
}
