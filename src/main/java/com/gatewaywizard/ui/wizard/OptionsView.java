package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;
import static com.gatewaywizard.ui.wizard.SignInView.show;

import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Name (live rules, suggested fix), image, CPU/memory within the region's limits, debug, probe, instances. */
final class OptionsView implements StepView {
    private final VBox root = new VBox(12);
    private final TextField name = new TextField();

    OptionsView(OptionsViewModel vm) {
        WizardModel m = vm.model;
        root.setId("step-options");
        name.setId("options-name");
        name.textProperty().bindBidirectional(m.name);
        Forms.mark(name, vm, "name");
        Button suggestion = new Button();
        suggestion.setId("options-name-fix");
        suggestion.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> t("options.name.use", vm.suggestedName().get()), vm.suggestedName()));
        suggestion.setOnAction(e -> vm.useSuggestedName());
        show(suggestion, vm.suggestedName().isNotEmpty());
        HBox nameRow = new HBox(8, name, suggestion);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        name.setPrefColumnCount(28);

        TextField image = new TextField();
        image.setId("options-image");
        image.textProperty().bindBidirectional(m.image);
        image.setPrefColumnCount(28);
        Forms.mark(image, vm, "image");

        TextField cpu = new TextField();
        cpu.setId("options-cpu");
        cpu.setPrefColumnCount(6);
        cpu.textProperty().bindBidirectional(m.cpu);
        Forms.mark(cpu, vm, "cpu");
        TextField memory = new TextField();
        memory.setId("options-memory");
        memory.setPrefColumnCount(6);
        memory.textProperty().bindBidirectional(m.memoryGb);
        Forms.mark(memory, vm, "memoryGb");
        Label limits = Forms.muted("");
        limits.setId("options-limits");
        limits.textProperty().bind(vm.limitsText());
        GridPane size = new GridPane();
        size.setHgap(12);
        size.setVgap(4);
        size.addRow(0, Forms.field("options.cpu", cpu), Forms.field("options.memory", memory));
        VBox sizing = new VBox(4, size, limits, Forms.muted(t("options.sizing")));

        CheckBox debug = new CheckBox(t("options.debug"));
        debug.setId("options-debug");
        debug.setMnemonicParsing(true);
        debug.selectedProperty().bindBidirectional(m.debugLogging);

        ToggleGroup probes = new ToggleGroup();
        HBox probeRow = new HBox(14);
        for (LivenessProbe p : OptionsViewModel.probes()) {
            RadioButton r = new RadioButton(t("options.probe." + p.cliName()));
            r.setId("options-probe-" + p.cliName());
            r.setToggleGroup(probes);
            r.setUserData(p);
            r.setSelected(m.liveness.get() == p);
            probeRow.getChildren().add(r);
        }
        probes.selectedToggleProperty().addListener((o, a, tg) -> {
            if (tg != null) {
                m.liveness.set((LivenessProbe) tg.getUserData());
            }
        });
        m.liveness.addListener((o, a, p) -> probes.getToggles().forEach(tg -> tg.setSelected(tg.getUserData() == p)));
        Label probeWhy = Forms.muted("");
        probeWhy.setId("options-probe-why");
        probeWhy.textProperty().bind(vm.probeExplanation());

        Spinner<Integer> instances = new Spinner<>(1, GatewaySpec.MAX_INSTANCES, Math.max(1, m.instances.get()));
        instances.setId("options-instances");
        instances.setEditable(true);
        instances.setPrefWidth(100);
        instances.valueProperty().addListener((o, a, n) -> {
            if (n != null) {
                m.instances.set(n);
            }
        });
        m.instances.addListener((o, a, n) -> {
            if (!n.equals(instances.getValue())) {
                instances.getValueFactory().setValue(n.intValue());
            }
        });
        HBox maxCommand = Forms.command("options-max-instances", "");
        TextField cmdField = (TextField) maxCommand.getChildren().get(0);
        cmdField.textProperty().bind(vm.maxInstancesCommand());
        VBox pool = new VBox(4, Forms.muted(t("options.instances.pool")), maxCommand);
        show(pool, vm.maxInstancesCommand().isNotEmpty());

        root.getChildren().addAll(Forms.header("options"), Forms.field("options.name", nameRow), Forms.muted(t("options.name.rules")),
                Forms.field("options.image", image), sizing, debug, Forms.section("options.probe"), probeRow, probeWhy,
                Forms.field("options.instances", instances), pool, Forms.problems("options-problems", vm.messages()));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstField() {
        return name;
    }
}
