package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;
import static com.gatewaywizard.ui.wizard.SignInView.show;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.keeper.Endpoint;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** How to get a config, paste/drop/open it, what it says (region, endpoints), and its problems. */
final class ConfigView implements StepView {
    private final VBox root = new VBox(12);
    private final Forms.SecretField value;

    ConfigView(ConfigViewModel vm) {
        root.setId("step-config");
        Label how = Forms.muted(t("config.how"));
        HBox command = Forms.command("config-command", ConfigViewModel.COMMANDER_COMMAND);

        value = new Forms.SecretField("config-value", vm.model.gatewayConfig, null);
        value.masked.setPromptText(t("config.value.prompt"));
        Forms.mark(value.masked, vm, "gatewayConfig");
        Forms.mark(value.clear, vm, "gatewayConfig");
        Button open = Forms.button("config.open", Feather.FOLDER, () -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(t("config.open.title"));
            File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                vm.loadFile(f.toPath());
            }
        });
        open.setId("config-open");
        Button training = Forms.button("config.training", Feather.AWARD, vm::useTrainingConfig);
        training.setId("config-training");
        show(training, vm.model.context().simulatorProperty());
        HBox buttons = new HBox(8, open, training);
        Label drop = Forms.muted(t("config.drop"));

        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            var db = e.getDragboard();
            if (db.hasFiles() && !db.getFiles().isEmpty()) {
                vm.loadFile(db.getFiles().get(0).toPath());
            } else if (db.hasString()) {
                vm.model.gatewayConfig.set(db.getString());
            }
            e.setDropCompleted(true);
            e.consume();
        });

        Label region = new Label();
        region.setId("config-region");
        region.getStyleClass().add(Styles.TITLE_4);
        region.textProperty().bind(Bindings.createStringBinding(() -> vm.regionText().get().isEmpty() ? ""
                : t("config.region", vm.regionText().get()), vm.regionText()));
        TableView<Endpoint> endpoints = new TableView<>();
        endpoints.setId("config-endpoints");
        endpoints.setPrefHeight(150);
        endpoints.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        endpoints.getColumns().add(col(t("config.col.host"), 240, Endpoint::host));
        endpoints.getColumns().add(col(t("config.col.protocol"), 80, e -> e.protocol().name()));
        endpoints.getColumns().add(col(t("config.col.ports"), 110, Endpoint::ports));
        endpoints.getColumns().add(col(t("config.col.purpose"), 240, Endpoint::purpose));
        vm.decoded().addListener((o, a, b) -> endpoints.getItems().setAll(vm.endpoints()));
        endpoints.getItems().setAll(vm.endpoints());
        Button copyEndpoints = Forms.copyButton("config-endpoints-copy", vm::endpointsTable);
        VBox decoded = new VBox(8, region, Forms.section("config.endpoints"), Forms.muted(t("config.endpoints.hint")), endpoints, copyEndpoints);
        var ok = Bindings.createBooleanBinding(() -> vm.decoded().get().ok(), vm.decoded());
        show(decoded, ok);

        root.getChildren().addAll(Forms.header("config"), how, command, Forms.field("config.value", value), buttons, drop,
                KeychainBox.of("config-keychain", vm.model.keychain),
                Forms.problems("config-problems", vm.messages()), Forms.errorLabel("config-error", vm.error), decoded);
    }

    private static TableColumn<Endpoint, String> col(String title, double w, java.util.function.Function<Endpoint, String> f) {
        TableColumn<Endpoint, String> c = new TableColumn<>(title);
        c.setPrefWidth(w);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(f.apply(p.getValue())));
        return c;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstField() {
        return value.input();
    }
}
