package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;
import static com.gatewaywizard.ui.wizard.SignInView.converter;
import static com.gatewaywizard.ui.wizard.SignInView.show;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.azure.ProviderState;
import com.gatewaywizard.azure.RegionInfo;
import com.gatewaywizard.azure.ResourceGroupInfo;
import com.gatewaywizard.azure.SubscriptionInfo;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Subscription (search + tree by tenant), resource group or a new one, region, provider registration. */
final class PlaceView implements StepView {
    private final VBox root = new VBox(14);
    private final TextField search = new TextField();
    private final TreeView<Object> tree = new TreeView<>();
    private boolean updating;

    PlaceView(PlaceViewModel vm) {
        WizardModel m = vm.model;
        root.setId("step-place");
        search.setId("place-search");
        search.setPromptText(t("place.search.prompt"));
        search.textProperty().bindBidirectional(vm.filter);
        tree.setId("place-subscriptions");
        tree.setShowRoot(false);
        tree.setPrefHeight(150);
        tree.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("tenant-row");
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof SubscriptionInfo s) {
                    setText(s.displayName() + "   " + s.id() + ("Enabled".equalsIgnoreCase(s.state()) ? "" : "   (" + s.state() + ")"));
                } else {
                    setText(item.toString());
                    getStyleClass().add("tenant-row");
                }
            }
        });
        Runnable rebuild = () -> rebuild(vm);
        vm.subscriptions.addListener((ListChangeListener<SubscriptionInfo>) c -> rebuild.run());
        vm.tenants.addListener((ListChangeListener<Object>) c -> rebuild.run());
        vm.filter.addListener((o, a, b) -> rebuild.run());
        m.subscriptionId.addListener((o, a, b) -> selectCurrent(m.subscriptionId.get()));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!updating && item != null && item.getValue() instanceof SubscriptionInfo s) {
                m.subscriptionId.set(s.id());
            }
        });

        Forms.mark(tree, vm, "subscriptionId");

        ComboBox<ResourceGroupInfo> group = new ComboBox<>(vm.groups);
        group.setId("place-group");
        group.setMaxWidth(Double.MAX_VALUE);
        group.setConverter(converter(g -> g.name() + "  (" + g.location() + ")"));
        group.valueProperty().addListener((o, a, g) -> {
            if (!updating && g != null) {
                m.resourceGroup.set(g.name());
            }
        });
        Runnable syncGroup = () -> {
            updating = true;
            group.setValue(vm.groups.stream().filter(g -> g.name().equalsIgnoreCase(m.resourceGroup.get()))
                    .findFirst().orElse(null));
            updating = false;
        };
        m.resourceGroup.addListener((o, a, b) -> syncGroup.run());
        vm.groups.addListener((ListChangeListener<ResourceGroupInfo>) c -> javafx.application.Platform.runLater(syncGroup));
        Forms.mark(group, vm, "resourceGroup");

        TextField newGroup = new TextField();
        newGroup.setId("place-new-group");
        newGroup.setPromptText(t("place.rg.new.prompt"));
        newGroup.textProperty().bindBidirectional(vm.newGroupName);
        FieldDecorations.attach(newGroup, "newResourceGroup", vm::newGroupNameProblems, vm.newGroupName, vm.groups, m.region, vm.regions);
        Button create = Forms.button("place.rg.create", Feather.PLUS, vm::createGroup);
        create.setId("place-create-group");
        create.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.newGroupProblem().isEmpty() || vm.busy.get(),
                vm.newGroupName, vm.groups, m.region, vm.regions, vm.busy));
        Label newHint = Forms.muted("");
        newHint.textProperty().bind(Bindings.createStringBinding(() -> vm.newGroupName.get().isBlank() ? t("place.rg.new.hint")
                : vm.newGroupProblem().isEmpty() ? t("place.rg.new.where", m.region.get()) : vm.newGroupProblem(),
                vm.newGroupName, vm.groups, m.region, vm.regions));
        HBox.setHgrow(newGroup, Priority.ALWAYS);
        HBox newRow = new HBox(8, newGroup, create);

        ComboBox<RegionInfo> region = new ComboBox<>(vm.regions);
        region.setId("place-region");
        region.setMaxWidth(Double.MAX_VALUE);
        region.setConverter(converter(r -> r.displayName() + "  (" + r.name() + ")"));
        region.valueProperty().addListener((o, a, r) -> {
            if (!updating && r != null) {
                m.region.set(r.name());
            }
        });
        Runnable syncRegion = () -> {
            updating = true;
            region.setValue(vm.region(m.region.get()));
            updating = false;
        };
        m.region.addListener((o, a, b) -> syncRegion.run());
        vm.regions.addListener((ListChangeListener<RegionInfo>) c -> javafx.application.Platform.runLater(syncRegion));
        Forms.mark(region, vm, "region");

        Label provider = new Label();
        provider.setId("place-provider");
        provider.textProperty().bind(Bindings.createStringBinding(() -> vm.provider.get() == null ? ""
                : t("place.provider." + vm.provider.get().name().toLowerCase(java.util.Locale.ROOT)), vm.provider));
        Button register = Forms.button("place.provider.register", Feather.CHECK_SQUARE, vm::register);
        register.setId("place-register");
        register.getStyleClass().add(Styles.ACCENT);
        show(register, vm.provider.isEqualTo(ProviderState.NOT_REGISTERED).or(vm.provider.isEqualTo(ProviderState.UNREGISTERING)));
        ProgressBar registering = new ProgressBar();
        registering.setPrefWidth(180);
        show(registering, vm.registering);
        HBox providerRow = new HBox(10, provider, register, registering);
        providerRow.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        show(spinner, vm.busy);
        Label loading = new Label(t("common.loading"), spinner);
        show(loading, vm.busy);
        syncGroup.run();
        syncRegion.run();

        VBox subs = Forms.field("place.subscription", tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        root.getChildren().addAll(Forms.header("place"), loading, Forms.field("place.search", search), subs,
                Forms.field("place.rg", group), newRow, newHint, Forms.field("place.region", region), providerRow,
                Forms.problems("place-problems", vm.messages()), Forms.errorLabel("place-error", vm.error));
    }

    private void rebuild(PlaceViewModel vm) {
        updating = true;
        tree.setRoot(TwoLevelTree.build(vm.grouped().entrySet(), Map.Entry::getKey, Map.Entry::getValue));
        updating = false;
        selectCurrent(vm.model.subscriptionId.get());
    }

    /** No stale highlight: the tree shows exactly the model's subscription (none after a new deployment). */
    private void selectCurrent(String id) {
        updating = true;
        TwoLevelTree.selectLeaf(tree.getRoot(), tree.getSelectionModel(), o -> o instanceof SubscriptionInfo si && si.id().equalsIgnoreCase(id));
        updating = false;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstField() {
        return search;
    }
}
