package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;
import static com.gatewaywizard.ui.wizard.SignInView.show;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Severity;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The manifest as deployed (masked unless revealed), save/copy, the az commands, and the preflight. */
final class ReviewView implements StepView {
    private final VBox root = new VBox(12);
    private final YamlView yaml = new YamlView("review-yaml");

    ReviewView(ReviewViewModel vm) {
        root.setId("step-review");
        yaml.textProperty().bind(vm.yaml());
        yaml.setPrefHeight(340);
        yaml.setMinHeight(200);
        VBox.setVgrow(yaml, Priority.ALWAYS);

        ToggleButton reveal = new ToggleButton(t("review.reveal"), new FontIcon(Feather.EYE));
        reveal.setId("review-reveal");
        reveal.setMnemonicParsing(true);
        reveal.selectedProperty().bindBidirectional(vm.reveal);
        Button saveFull = Forms.button("review.save.full", Feather.LOCK, () -> saveFull(vm));
        saveFull.setId("review-save-full");
        Button saveShare = Forms.button("review.save.shareable", Feather.SHARE_2, () -> {
            File f = chooser(vm, "review.save.shareable.title").showSaveDialog(window());
            if (f != null) {
                vm.saveShareable(f.toPath());
            }
        });
        saveShare.setId("review-save-shareable");
        Button copy = Forms.copyButton("review-copy", yaml::getText);
        Spinner<Integer> instance = new Spinner<>(1, 10, 1);
        instance.setId("review-instance");
        instance.setPrefWidth(90);
        instance.valueProperty().addListener((o, a, n) -> vm.instance.set(n == null ? 1 : n));
        vm.model.instances.addListener((o, a, n) -> ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory)
                instance.getValueFactory()).setMax(Math.max(1, n.intValue())));
        Label instanceLabel = new Label(t("review.instance"));
        HBox instanceBox = new HBox(6, instanceLabel, instance);
        instanceBox.setAlignment(Pos.CENTER_LEFT);
        show(instanceBox, vm.model.instances.greaterThan(1));
        HBox tools = new HBox(8, reveal, copy, saveFull, saveShare, instanceBox);
        tools.setAlignment(Pos.CENTER_LEFT);
        Label saved = Forms.muted("");
        saved.setId("review-saved");
        saved.textProperty().bind(vm.saved);

        TextArea az = Forms.monoArea("review-az");
        az.textProperty().bind(vm.azCommands());
        az.setPrefRowCount(8);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        Label checking = new Label(t("review.preflight.running"), spinner);
        show(checking, vm.busy);
        Label allGood = new Label(t("review.preflight.ok"), new FontIcon(Feather.CHECK_CIRCLE));
        allGood.setId("review-preflight-ok");
        allGood.getStyleClass().add(Styles.SUCCESS);
        show(allGood, Bindings.createBooleanBinding(() -> vm.preflightDone.get()
                && vm.preflight.stream().noneMatch(p -> p.severity() != Severity.INFO), vm.preflightDone, vm.preflight));
        Button rerun = Forms.button("review.preflight.rerun", Feather.REFRESH_CW, vm::runPreflight);
        rerun.setId("review-preflight-rerun");
        rerun.disableProperty().bind(vm.busy);
        CheckBox confirm = new CheckBox(t("review.preflight.confirm"));
        confirm.setId("review-confirm-warnings");
        confirm.setMnemonicParsing(true);
        confirm.selectedProperty().bindBidirectional(vm.warningsConfirmed);
        show(confirm, Bindings.createBooleanBinding(() -> vm.hasPreflightWarnings() && !Problem.anyError(vm.preflight), vm.preflight));
        HBox preflightHead = new HBox(10, Forms.section("review.preflight"), checking, allGood, rerun);
        preflightHead.setAlignment(Pos.CENTER_LEFT);

        VBox left = new VBox(8, Forms.section("review.yaml"), Forms.muted(t("review.yaml.hint")), tools, yaml, saved);
        VBox.setVgrow(left, Priority.ALWAYS);
        root.getChildren().addAll(Forms.header("review"), Forms.problems("review-spec-problems", vm.messages(), Problem::isError),
                preflightHead, Forms.problems("review-preflight", vm.preflight), confirm,
                Forms.errorLabel("review-error", vm.error), left, Forms.section("review.az"), az);
    }

    private void saveFull(ReviewViewModel vm) {
        Alert warn = new Alert(Alert.AlertType.WARNING, t("review.save.full.warning"), ButtonType.CANCEL, ButtonType.OK);
        warn.setTitle(t("review.save.full.title"));
        warn.setHeaderText(t("review.save.full.header"));
        if (window() != null) {
            warn.initOwner(window());
        }
        warn.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            File f = chooser(vm, "review.save.full.title").showSaveDialog(window());
            if (f != null) {
                vm.saveFull(f.toPath());
            }
        });
    }

    private FileChooser chooser(ReviewViewModel vm, String titleKey) {
        FileChooser fc = new FileChooser();
        fc.setTitle(t(titleKey));
        fc.setInitialFileName(ReviewViewModel.fileName(vm.model.name.get().isBlank() ? "keeper-gateway" : vm.model.name.get()));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yml", "*.yaml"));
        return fc;
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstField() {
        return yaml;
    }
}
