package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;
import static com.gatewaywizard.ui.wizard.SignInView.show;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.azure.SubnetInfo;
import com.gatewaywizard.azure.VnetInfo;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** VNets and subnets in a tree table; the subnet id sent; Delegate to ACI; region mismatch. */
final class NetworkView implements StepView {
    private final VBox root = new VBox(12);
    private final TreeTableView<Object> table = new TreeTableView<>();
    private boolean updating;

    NetworkView(NetworkViewModel vm) {
        root.setId("step-network");
        table.setId("network-table");
        table.setShowRoot(false);
        table.setPrefHeight(250);
        table.setMinHeight(200);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(t("network.col.name"), 240, o -> o instanceof VnetInfo v ? v.name() + "  (" + v.location() + ")"
                : ((SubnetInfo) o).name()));
        table.getColumns().add(column(t("network.col.prefix"), 118, o -> o instanceof VnetInfo v ? String.join(", ", v.addressPrefixes())
                : ((SubnetInfo) o).addressPrefix()));
        table.getColumns().add(column(t("network.col.delegation"), 156, o -> o instanceof SubnetInfo s
                ? (s.delegations().isEmpty() ? t("network.none") : s.delegatedToAci() ? t("network.aci") : String.join(", ", s.delegations())) : ""));
        TreeTableColumn<Object, String> status = column(t("network.col.status"), 330, o -> o instanceof SubnetInfo s ? vm.status(s) : v(o));
        status.setCellFactory(c -> new TreeTableCell<>() { // a long status (a used-by list, an NSG) wraps, never cut
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
            }
        });
        table.getColumns().add(status);
        table.setRowFactory(tv -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                boolean blocked = !empty && item instanceof SubnetInfo s && vm.blockedReason(s) != null;
                setDisable(blocked);
                getStyleClass().removeAll("subnet-blocked", "vnet-row");
                if (blocked) {
                    getStyleClass().add("subnet-blocked");
                } else if (!empty && item instanceof VnetInfo) {
                    getStyleClass().add("vnet-row");
                }
            }
        });
        vm.networks.addListener((ListChangeListener<VnetInfo>) c -> rebuild(vm));
        vm.model.subnetId.addListener((o, a, b) -> selectCurrent(vm));
        vm.model.region.addListener((o, a, b) -> table.refresh());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (updating || item == null) {
                return;
            }
            if (item.getValue() instanceof SubnetInfo s && !vm.select(s)) {
                javafx.application.Platform.runLater(() -> selectCurrent(vm));
            }
        });

        // A subnet id is ~170 characters: a one-line field showed only its start at 1180 px. Two wrapped lines show it
        // whole; it stays one line of text (no line breaks), and Enter still means Next.
        TextArea id = new TextArea();
        id.setId("network-subnet-id");
        id.getStyleClass().add("mono");
        id.setWrapText(true);
        id.setPrefRowCount(2);
        id.setMinHeight(Region.USE_PREF_SIZE);
        id.setTextFormatter(new TextFormatter<String>(c -> {
            if (c.getText().indexOf('\n') >= 0 || c.getText().indexOf('\r') >= 0) {
                c.setText(c.getText().replaceAll("[\\r\\n]+", ""));
            }
            return c;
        }));
        id.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                id.getParent().fireEvent(e.copyFor(id.getParent(), id.getParent())); // to the window: Enter = Next
            } else if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume(); // Tab moves focus on, as in a text field (a text area's own key for that is Ctrl+Tab)
                id.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        id.setPromptText(t("network.id.prompt"));
        id.textProperty().bindBidirectional(vm.model.subnetId);
        Forms.mark(id, vm, "subnetId");
        HBox.setHgrow(id, Priority.ALWAYS);
        HBox idRow = new HBox(8, id, Forms.copyButton("network-subnet-id-copy", id::getText));

        Button delegate = Forms.button("network.delegate", Feather.GIT_BRANCH, () -> confirmDelegate(vm));
        delegate.setId("network-delegate");
        delegate.getStyleClass().add(Styles.ACCENT);
        var canDelegate = Bindings.createBooleanBinding(vm::canDelegate, vm.selected, vm.networks);
        show(delegate, canDelegate);
        delegate.disableProperty().bind(vm.delegating);
        ProgressIndicator delegating = new ProgressIndicator();
        delegating.setPrefSize(20, 20);
        show(delegating, vm.delegating);

        Button useRegion = new Button();
        useRegion.setId("network-use-region");
        useRegion.setOnAction(e -> vm.useSubnetRegion());
        var mismatch = Bindings.createStringBinding(() -> {
            String r = vm.mismatchRegion();
            return r == null ? "" : r;
        }, vm.selected, vm.model.region);
        useRegion.textProperty().bind(Bindings.createStringBinding(() -> t("network.use.region", mismatch.get()), mismatch));
        show(useRegion, mismatch.isNotEmpty());

        Button refresh = Forms.button("network.refresh", Feather.REFRESH_CW, vm::reload);
        refresh.setId("network-refresh");
        refresh.disableProperty().bind(vm.busy);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        show(spinner, vm.busy);
        HBox actions = new HBox(10, delegate, delegating, useRegion, refresh, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(Forms.header("network"), table, actions, Forms.field("network.id", idRow),
                Forms.muted(t("network.id.hint")), Forms.problems("network-problems", vm.messages()),
                Forms.errorLabel("network-error", vm.error));
    }

    private static String v(Object o) {
        return "";
    }

    private void confirmDelegate(NetworkViewModel vm) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, vm.delegationPlan(), ButtonType.CANCEL, ButtonType.OK);
        a.setTitle(t("network.delegate.title"));
        a.setHeaderText(t("network.delegate.header"));
        a.getDialogPane().setId("network-delegate-dialog");
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        ((Button) a.getDialogPane().lookupButton(ButtonType.OK)).setText(t("network.delegate.confirm"));
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delegate());
    }

    private static TreeTableColumn<Object, String> column(String title, double width, Function<Object, String> f) {
        TreeTableColumn<Object, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 118));
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().getValue() == null ? "" : f.apply(p.getValue().getValue())));
        c.setSortable(false);
        return c;
    }

    private void rebuild(NetworkViewModel vm) {
        updating = true;
        table.setRoot(TwoLevelTree.build(vm.networks, v -> v, VnetInfo::subnets));
        updating = false;
        selectCurrent(vm);
    }

    private void selectCurrent(NetworkViewModel vm) {
        updating = true;
        String id = vm.model.subnetId.get().strip();
        TwoLevelTree.selectLeaf(table.getRoot(), table.getSelectionModel(), o -> o instanceof SubnetInfo si && si.id().equalsIgnoreCase(id));
        updating = false;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstField() {
        return table;
    }
}
