package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayControl;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.azure.SubscriptionInfo;
import com.gatewaywizard.AppInfo;
import com.gatewaywizard.state.SeenIps;
import com.gatewaywizard.ui.AppContext;
import com.gatewaywizard.ui.DashboardScope;
import com.gatewaywizard.ui.Tasks;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Future;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.Node;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.text.Text;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live dashboard: every gateway of the scope grouped by pool with its state, refreshed adaptively (fast while one
 * moves, slow when all are steady, paused while the window is hidden or iconified), and the selected gateway's detail
 * (actions, diagnosis, logs, events, console). Host it in the main window with {@link #root()}; call
 * {@link #dispose()} when leaving it (stops polling, closes consoles).
 */
public final class DashboardView {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** How often to poll and how much log to keep. */
    record Pace(Duration fast, Duration slow, Duration logPoll, int logCapacity) {
        static final Pace DEFAULT = new Pace(DashboardModel.FAST, DashboardModel.SLOW, Duration.ofSeconds(2), LogBuffer.DEFAULT_CAPACITY);
    }

    /** What a gateway detail needs from the dashboard. */
    interface Host {
        AppContext ctx();

        ResourceBundle texts();

        /** The signed-in session's control; throws when nobody is signed in. */
        GatewayControl control();

        DashboardModel model();

        Pace pace();

        Window window();

        Diagnosis diagnosis();

        void applied(GatewayStatus s);

        void removed(GatewayRef ref);

        void refreshSoon();

        /** The user acknowledged the row's changed IP. */
        void acknowledgeIp(GatewayRow r);

        void toast(String text, boolean error);

        String explain(Throwable e);
    }

    /** A pool of more than one instance: a header row in the list. */
    record PoolHeader(String key, String pool, List<GatewayRow> members) {
    }

    private final AppContext ctx;
    private final DashboardScope scope;
    private final Pace pace;
    private final ResourceBundle t;
    private final DashboardModel model;
    private final Diagnosis diagnosis;
    private final StackPane root = new StackPane();
    private final BorderPane main = new BorderPane();
    private final TreeTableView<Object> table = new TreeTableView<>();
    private final TreeItem<Object> treeRoot = new TreeItem<>();
    private final Map<GatewayRow, TreeItem<Object>> items = new HashMap<>();
    private final Map<String, TreeItem<Object>> poolItems = new HashMap<>();
    private final StackPane detailHolder = new StackPane();
    private SplitPane split;
    private Parent signedOut;
    private final Label placeholder = new Label();
    /** In the detail's place when the gateway shown was deleted outside the app: no stale state, no actions. */
    private final Label gone = new Label();
    private final Label scopeLabel = new Label();
    private final Label lastRefresh = new Label();
    private final Label summary = new Label();
    private final Toasts toasts = new Toasts();
    private final PauseTransition timer = new PauseTransition();
    private final Map<GatewayRef, GatewayDetail> details = new LinkedHashMap<>(8, 0.75f, true);
    private final HostImpl host = new HostImpl();
    /** Last-seen addresses across app runs; read and written only on background threads. */
    private final SeenIps seenIps;
    private GatewayDetail current;
    private boolean refreshRunning;
    private boolean paused;
    private boolean disposed;
    private boolean focusDone;
    private long lastRefreshMillis;
    private long maxApplyNanos;
    private List<SubscriptionInfo> subscriptions;
    private final ChangeListener<Boolean> visibility = (o, a, b) -> updateVisibility();
    private Window watched;
    /** Another sign-in (or sign-out): forget what the old session showed and read again. */
    private final ChangeListener<AzureServices> sessionChanged;

    public DashboardView(AppContext ctx, DashboardScope scope) {
        this(ctx, scope, Pace.DEFAULT, seenIpsOf(ctx));
    }

    DashboardView(AppContext ctx, DashboardScope scope, Pace pace) {
        this(ctx, scope, pace, SeenIps.inMemory());
    }

    /** The app's dashboard: the last-seen addresses kept in the app's folder (one file for Azure, one for the simulator). */
    private static SeenIps seenIpsOf(AppContext ctx) {
        return SeenIps.at(AppInfo.dataDir().resolve(ctx.simulatorProperty().get() ? "seen-ips-simulator.json" : "seen-ips.json"));
    }

    DashboardView(AppContext ctx, DashboardScope scope, Pace pace, SeenIps seenIps) {
        this.ctx = ctx;
        this.seenIps = seenIps;
        this.scope = scope == null ? DashboardScope.all() : scope;
        this.pace = pace;
        this.t = ctx.texts();
        this.model = new DashboardModel(pace.fast(), pace.slow());
        this.diagnosis = new Diagnosis(t, eventExplainer(), Diagnosis.STUCK_AFTER);
        build();
        timer.setOnFinished(e -> refresh());
        root.sceneProperty().addListener((o, a, b) -> watchWindow(b));
        sessionChanged = (o, a, b) -> {
            subscriptions = null;
            if (sameAccount(a, b)) {
                // Signed in again as the same account (e.g. after the sign-in expired): the same gateways, so the
                // open details keep their log buffers and go on through the new session.
                refreshNow();
                return;
            }
            details.values().forEach(GatewayDetail::dispose);
            details.clear();
            current = null;
            detailHolder.getChildren().setAll(placeholder);
            model.clear();
            focusDone = false;
            showSignedIn();
            refreshNow();
        };
        ctx.servicesProperty().addListener(sessionChanged);
        refresh();
    }

    /** Whether two sessions see the same gateways: same cloud and same signed-in account. */
    static boolean sameAccount(AzureServices a, AzureServices b) {
        return a != null && b != null && a.cloud() == b.cloud() && java.util.Objects.equals(a.account(), b.account());
    }

    /** The dashboard's node, to put in the main window. */
    public Parent root() {
        return root;
    }

    /** Stops every poll and timer and closes open consoles. The view is not usable after. */
    public void dispose() {
        disposed = true;
        timer.stop();
        ctx.servicesProperty().removeListener(sessionChanged);
        details.values().forEach(GatewayDetail::dispose);
        details.clear();
        current = null;
        watchWindow(null);
    }

    DashboardModel model() {
        return model;
    }

    GatewayDetail currentDetail() {
        return current;
    }

    TreeTableView<Object> table() {
        return table;
    }

    String lastToast() {
        return toasts.last();
    }

    /** The longest the FX thread spent applying one refresh (rows, tree, bindings), for the benchmark. */
    long maxApplyNanos() {
        return maxApplyNanos;
    }

    void resetMaxApply() {
        maxApplyNanos = 0;
    }

    long lastRefreshMillis() {
        return lastRefreshMillis;
    }

    /** Selects the gateway named {@code name} (as a click on its row does). */
    void select(String name) {
        GatewayRow r = model.rowNamed(name);
        TreeItem<Object> item = r == null ? null : items.get(r);
        if (item != null) {
            table.getSelectionModel().select(item);
            int idx = table.getRow(item);
            if (idx >= 0) {
                table.scrollTo(idx);
            }
        }
    }

    // --- layout

    private void build() {
        root.getStyleClass().add("dashboard");
        root.setId("dashboard");
        var css = DashboardView.class.getResource("dashboard.css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        Label title = new Label(t.getString("dash.title"));
        title.getStyleClass().add("title-2");
        scopeLabel.setText(scopeText());
        scopeLabel.getStyleClass().add("text-muted");
        scopeLabel.setId("dash-scope");
        TextField filter = new TextField();
        filter.setId("dash-filter");
        filter.setPromptText(t.getString("dash.filter.prompt"));
        filter.setPrefColumnCount(18);
        model.filterProperty().bind(filter.textProperty());
        model.filterProperty().addListener((o, a, b) -> rebuildTree());
        Button refresh = new Button(t.getString("dash.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("dash-refresh");
        refresh.setMnemonicParsing(true);
        refresh.setOnAction(e -> refreshNow());
        refresh.disableProperty().bind(model.refreshingProperty());
        Button back = new Button(t.getString("dash.back"), new FontIcon(Feather.ARROW_LEFT));
        back.setId("dash-back");
        back.setMnemonicParsing(true);
        back.getStyleClass().add("flat");
        back.setOnAction(e -> ctx.navigator().showStart());
        lastRefresh.setId("dash-last-refresh");
        lastRefresh.getStyleClass().add("text-muted");
        summary.setId("dash-summary");
        summary.getStyleClass().add("text-muted");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        back.setMinWidth(Region.USE_PREF_SIZE);
        filter.setMinWidth(160);
        HBox status = new HBox(14, summary, lastRefresh);
        VBox heading = new VBox(2, title, scopeLabel, status);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMinWidth(0);
        HBox bar = new HBox(12, back, heading, filter, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 14, 10, 14));
        bar.getStyleClass().add("dash-bar");

        Label error = new Label();
        error.setId("dash-error");
        error.getStyleClass().add("dash-error");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        buildTable();
        placeholder.setText(t.getString("dash.selectHint"));
        placeholder.getStyleClass().add("text-muted");
        detailHolder.getChildren().setAll(placeholder);
        detailHolder.setId("detail-holder");
        gone.setId("detail-gone");
        gone.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        gone.setWrapText(true);
        gone.setMaxWidth(520);
        gone.setPadding(new Insets(16));
        split = new SplitPane(table, detailHolder);
        split.setDividerPositions(0.44); // the list needs less than the detail (facts, events, log)
        SplitPane.setResizableWithParent(table, false);
        main.setTop(new VBox(bar, error));
        signedOut = buildSignedOut();
        showSignedIn();
        root.getChildren().setAll(main, toasts.node());

        model.rows().addListener((ListChangeListener<GatewayRow>) c -> {
            forgetIfGone();
            rebuildTree();
        });
        model.lastRefreshProperty().addListener((o, a, b) -> updateBar());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selected(b));
    }

    /** Nobody signed in: say so and offer the ways forward (sign in, or the training simulator when there is one). */
    private Parent buildSignedOut() {
        Label title = new Label(t.getString("dash.signedOut.title"), new FontIcon(Feather.LOG_IN));
        title.getStyleClass().add("title-3");
        Label text = new Label(t.getString("dash.signedOut.text"));
        text.setWrapText(true);
        text.setMaxWidth(520);
        Button signIn = new Button(t.getString("dash.signedOut.signIn"), new FontIcon(Feather.LOG_IN));
        signIn.setId("dash-signin");
        signIn.setMnemonicParsing(true);
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setOnAction(e -> ctx.navigator().showSignIn(scope));
        Button simulator = new Button(t.getString("dash.signedOut.simulator"), new FontIcon(Feather.PLAY_CIRCLE));
        simulator.setId("dash-use-simulator");
        simulator.setMnemonicParsing(true);
        boolean hasSimulator = ctx.simulatorSession() != null;
        simulator.setVisible(hasSimulator);
        simulator.setManaged(hasSimulator);
        simulator.setOnAction(e -> {
            if (ctx.simulatorProperty().get()) {
                ctx.simulatorProperty().set(false); // on but not connected (it failed, or was signed out): connect again
            }
            ctx.simulatorProperty().set(true);
        });
        Label simulatorHint = new Label(t.getString("dash.signedOut.simulator.hint"));
        simulatorHint.getStyleClass().add("text-muted");
        simulatorHint.setWrapText(true);
        simulatorHint.setMaxWidth(520);
        simulatorHint.visibleProperty().bind(simulator.visibleProperty());
        simulatorHint.managedProperty().bind(simulator.managedProperty());
        HBox buttons = new HBox(10, signIn, simulator);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, title, text, buttons, simulatorHint);
        box.setId("dash-signed-out");
        box.getStyleClass().add("dash-signed-out");
        box.setPadding(new Insets(40));
        box.setMaxWidth(600);
        StackPane holder = new StackPane(box);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        return holder;
    }

    /** The list and detail when someone is signed in, else the signed-out panel. */
    private void showSignedIn() {
        Parent want = ctx.services() == null ? signedOut : split;
        if (main.getCenter() != want) {
            main.setCenter(want);
        }
    }

    private String scopeText() {
        return scopeText(scope.subscriptionId());
    }

    /** The heading's scope line, naming the subscription as {@code subscription} (its display name once known). */
    private String scopeText(String subscription) {
        if (scope.subscriptionId() == null) {
            return t.getString("dash.scope.all");
        }
        return scope.resourceGroup() == null ? MessageFormat.format(t.getString("dash.scope.subscription"), subscription)
                : MessageFormat.format(t.getString("dash.scope.group"), scope.resourceGroup(), subscription);
    }

    /**
     * Once the subscriptions are listed: the scope's subscription by its display name, with its id in the tooltip.
     * A subscription not in the list (or with no name) keeps showing as given.
     */
    private void showScope(List<SubscriptionInfo> subs) {
        if (scope.subscriptionId() == null || subs == null) {
            return;
        }
        String want = scope.subscriptionId().strip();
        SubscriptionInfo hit = subs.stream().filter(x -> want.equalsIgnoreCase(x.id())).findFirst().orElse(null);
        if (hit == null) {
            List<SubscriptionInfo> named = SubscriptionInfo.named(subs, want);
            hit = named.size() == 1 ? named.get(0) : null;
        }
        if (hit == null || hit.displayName() == null || hit.displayName().isBlank()) {
            return;
        }
        String text = scopeText(hit.displayName().strip());
        if (!text.equals(scopeLabel.getText())) {
            scopeLabel.setText(text);
            scopeLabel.setTooltip(new javafx.scene.control.Tooltip(MessageFormat.format(t.getString("dash.scope.subscriptionId"), hit.id())));
        }
    }

    private void buildTable() {
        table.setId("gateway-table");
        table.setRoot(treeRoot);
        table.setShowRoot(false);
        Label empty = new Label(t.getString("dash.empty"));
        empty.setWrapText(true);
        empty.setPadding(new Insets(0, 16, 0, 16));
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<Object, String> name = column("dash.col.name", v -> v instanceof PoolHeader p
                ? new ReadOnlyStringWrapper(MessageFormat.format(t.getString("dash.pool"), p.pool(), p.members().size()))
                : new ReadOnlyStringWrapper(((GatewayRow) v).name()));
        name.setPrefWidth(200);
        name.setCellFactory(c -> new WrappingCell());
        TreeTableColumn<Object, Object> state = new TreeTableColumn<>(t.getString("dash.col.state"));
        state.setCellValueFactory(c -> {
            Object v = c.getValue().getValue();
            return v instanceof GatewayRow r ? (ObservableValue<Object>) (ObservableValue<?>) r.statusProperty() : new ReadOnlyObjectWrapper<>(v);
        });
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(92);
        TreeTableColumn<Object, String> prov = column("dash.col.provisioning", v -> v instanceof GatewayRow r ? r.provisioningProperty() : blank());
        prov.setPrefWidth(84);
        TreeTableColumn<Object, String> region = column("dash.col.region", v -> v instanceof GatewayRow r ? r.regionProperty() : blank());
        region.setPrefWidth(86);
        TreeTableColumn<Object, String> ip = column("dash.col.ip", v -> v instanceof GatewayRow r
                ? Bindings.createStringBinding(() -> (r.ipProperty().get() == null ? "\u2014" : r.ipProperty().get())
                        + (r.ipChangedProperty().get() ? IP_FLAG : ""), r.ipProperty(), r.ipChangedProperty())
                : blank());
        ip.setPrefWidth(84);
        ip.setCellFactory(c -> new IpCell());
        TreeTableColumn<Object, String> restarts = column("dash.col.restarts", v -> v instanceof GatewayRow r
                ? r.restartsProperty().asString() : blank());
        restarts.setPrefWidth(66);
        restarts.setStyle("-fx-alignment: CENTER-RIGHT;");
        TreeTableColumn<Object, String> image = column("dash.col.image", v -> v instanceof GatewayRow r
                ? Bindings.createStringBinding(() -> shortImage(r.imageProperty().get()), r.imageProperty()) : blank());
        image.setPrefWidth(100);
        TreeTableColumn<Object, String> age = column("dash.col.age", v -> v instanceof GatewayRow r
                ? Bindings.createStringBinding(() -> age(r.status().createdAt(), model.clockProperty().get()), r.statusProperty(), model.clockProperty())
                : blank());
        age.setPrefWidth(52);
        table.getColumns().setAll(List.of(name, state, prov, region, ip, restarts, image, age));
        // Readable at the default window size (1180 px): name, state, IP, restarts and age in full, headers uncut;
        // provisioning, region and image are in the detail (and can be shown again from the table's column menu).
        // The name takes what the others leave (they stop at a width that shows their values and headers whole): a
        // pool member, indented below its pool, reads whole at 1180 px, and a longer name wraps (WrappingCell).
        name.setMinWidth(120);
        state.setMinWidth(84);
        ip.setMinWidth(104);
        restarts.setMinWidth(84);
        age.setMinWidth(56);
        state.setPrefWidth(88);
        ip.setPrefWidth(104);
        restarts.setPrefWidth(84);
        age.setPrefWidth(56);
        state.setMaxWidth(110);
        ip.setMaxWidth(130);
        restarts.setMaxWidth(96);
        age.setMaxWidth(72);
        region.setMinWidth(96);
        prov.setVisible(false);
        region.setVisible(false);
        image.setVisible(false);
        table.setTableMenuButtonVisible(true);
    }

    /** Ends the IP column's value while the address change is flagged; the cell shows it as a warning icon. */
    static final String IP_FLAG = " \u26a0";

    private static ObservableValue<String> blank() {
        return new ReadOnlyStringWrapper("");
    }

    private TreeTableColumn<Object, String> column(String key, Function<Object, ObservableValue<String>> f) {
        TreeTableColumn<Object, String> c = new TreeTableColumn<>(t.getString(key));
        c.setCellValueFactory(x -> f.apply(x.getValue().getValue()));
        return c;
    }

    /** {@code keeper/gateway:1.8.4} as {@code gateway:1.8.4}, without a Docker Hub prefix; the detail shows it whole. */
    static String shortImage(String image) {
        if (image == null) {
            return "";
        }
        String s = image.startsWith("docker.io/") ? image.substring("docker.io/".length()) : image;
        return s.startsWith("keeper/") ? s.substring("keeper/".length()) : s;
    }

    static String age(Instant created, Instant now) {
        if (created == null || now == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(created, now).getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86400) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }

    /** The IP column: the address, with a warning sign and the old address in the tooltip while a change is flagged. */
    private final class IpCell extends TreeTableCell<Object, String> {
        private final FontIcon warning = new FontIcon(Feather.ALERT_TRIANGLE);

        IpCell() {
            warning.getStyleClass().add("ip-changed-icon");
        }

        @Override
        protected void updateItem(String v, boolean empty) {
            super.updateItem(v, empty);
            boolean flagged = !empty && v != null && v.endsWith(IP_FLAG);
            setText(empty ? null : flagged ? v.substring(0, v.length() - IP_FLAG.length()) : v);
            setGraphic(flagged ? warning : null);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            Object item = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (flagged && item instanceof GatewayRow r && r.previousIp() != null) {
                String tip = MessageFormat.format(t.getString("dash.detail.ipChanged.tip"), r.previousIp());
                setTooltip(new javafx.scene.control.Tooltip(tip));
                setAccessibleText(getText() + ", " + tip);
            } else {
                if (getTooltip() != null) {
                    setTooltip(null);
                }
                setAccessibleText(null);
            }
        }
    }

    /**
     * A name that does not fit its column (a pool member is indented below its pool) goes on in a second line,
     * broken after a hyphen where it can ("keeper-gateway-" / "westeurope-production"), instead of ending in an
     * ellipsis: the help desk reads it whole. The row grows to the lines it needs; screen readers get the name as is.
     */
    static final class WrappingCell extends TreeTableCell<Object, String> {
        private final LineBreaks breaks = new LineBreaks("- ");
        private String name;

        WrappingCell() {
            setWrapText(true); // a part without a hyphen that is still too long wraps where it must
            setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
        }

        @Override
        protected void updateItem(String v, boolean empty) {
            super.updateItem(v, empty);
            name = empty ? null : v;
            setAccessibleText(name);
            setText(name == null ? null : lines(name, room()));
        }

        /** The width the text has: the column's, less the tree's indent and the cell's padding. */
        private double room() {
            TreeTableColumn<Object, String> col = getTableColumn();
            if (col == null) {
                return Double.MAX_VALUE;
            }
            double start = -1;
            for (Node n : getChildrenUnmodifiable()) {
                if (n instanceof Text t && t.getStyleClass().contains("text")) {
                    start = t.getLayoutX();
                }
            }
            if (start <= 0) { // not laid out yet: the indent of its level (14 px per level, as the skin draws it)
                int level = getTableRow() == null || getTableRow().getTreeItem() == null || getTreeTableView() == null ? 1
                        : getTreeTableView().getTreeItemLevel(getTableRow().getTreeItem());
                start = 14.0 * Math.max(1, level);
            }
            return Math.max(24, col.getWidth() - start - snappedRightInset() - 2);
        }

        /** {@code name} in lines of at most {@code width}, broken after hyphens and spaces. */
        String lines(String name, double width) {
            return breaks.lines(name, width, getFont()); // every layout pass asks: measured only when something changed
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (name != null) {
                String wanted = lines(name, room());
                if (!wanted.equals(getText())) {
                    setText(wanted); // the column's width or the indent changed: lay the lines out again
                }
            }
        }

        /** The row asks for a height at no particular width: answer for the lines at the column's width, with air. */
        @Override
        protected double computePrefHeight(double width) {
            double own = super.computePrefHeight(width);
            if (getText() == null || getText().isEmpty()) {
                return own;
            }
            double h = breaks.height(getText(), getFont(), room());
            return Math.max(own, h + snappedTopInset() + snappedBottomInset() + 8);
        }
    }

    /** The state column: a chip for a gateway, "n of m running" for a pool. */
    private final class StateCell extends TreeTableCell<Object, Object> {
        private final StateChip chip = new StateChip();

        StateCell() {
            setWrapText(true); // a pool's "10 of 10 running" wraps rather than ending in an ellipsis
        }

        @Override
        protected void updateItem(Object v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setGraphic(null);
                setText(null);
            } else if (v instanceof GatewayStatus s) {
                chip.show(s.state(), s.provisioningState());
                setGraphic(chip);
                setText(null);
            } else if (v instanceof PoolHeader p) {
                long up = p.members().stream().filter(r -> r.status().running()).count();
                setGraphic(null);
                setText(MessageFormat.format(t.getString("dash.poolRunning"), up, p.members().size()));
            }
        }
    }

    /** Rebuilds the tree's structure (gateways added/removed, filter changed); row contents update by binding. */
    private void rebuildTree() {
        Object sel = table.getSelectionModel().getSelectedItem() == null ? null : table.getSelectionModel().getSelectedItem().getValue();
        List<TreeItem<Object>> top = new ArrayList<>();
        Map<String, TreeItem<Object>> newPools = new HashMap<>();
        for (Map.Entry<String, List<GatewayRow>> e : model.pools().entrySet()) {
            List<GatewayRow> members = e.getValue();
            List<TreeItem<Object>> kids = new ArrayList<>();
            for (GatewayRow r : members) {
                kids.add(items.computeIfAbsent(r, x -> new TreeItem<>(x)));
            }
            if (members.size() == 1 && members.get(0).instanceProperty().get() <= 1) {
                top.add(kids.get(0));
                continue;
            }
            TreeItem<Object> p = poolItems.get(e.getKey());
            PoolHeader h = new PoolHeader(e.getKey(), members.get(0).poolProperty().get(), List.copyOf(members));
            if (p == null) {
                p = new TreeItem<>(h);
                p.setExpanded(true);
            } else if (!h.equals(p.getValue())) {
                p.setValue(h);
            }
            newPools.put(e.getKey(), p);
            top.add(p);
        }
        items.keySet().retainAll(model.rows());
        poolItems.clear();
        poolItems.putAll(newPools);
        boolean same = treeRoot.getChildren().equals(top);
        for (TreeItem<Object> p : top) {
            if (p.getValue() instanceof PoolHeader h) {
                List<TreeItem<Object>> kids = new ArrayList<>();
                h.members().forEach(r -> kids.add(items.get(r)));
                same &= p.getChildren().equals(kids);
            }
        }
        if (!same) {
            // A tree item has one parent: detach everything first, so an item moving between the top level and a
            // pool is never removed from its new parent by the old one.
            treeRoot.getChildren().forEach(i -> i.getChildren().clear());
            treeRoot.getChildren().clear();
            for (TreeItem<Object> p : top) {
                if (p.getValue() instanceof PoolHeader h) {
                    List<TreeItem<Object>> kids = new ArrayList<>();
                    h.members().forEach(r -> kids.add(items.get(r)));
                    p.getChildren().setAll(kids);
                }
            }
            treeRoot.getChildren().setAll(top);
        }
        if (sel instanceof GatewayRow r && items.containsKey(r)) {
            TreeItem<Object> it = items.get(r);
            if (table.getSelectionModel().getSelectedItem() != it) {
                table.getSelectionModel().select(it);
            }
        }
        updateBar();
    }

    private void updateBar() {
        Instant at = model.lastRefreshProperty().get();
        lastRefresh.setText(at == null ? t.getString("dash.neverRefreshed")
                : MessageFormat.format(t.getString("dash.lastRefresh"), HMS.format(at), lastRefreshMillis / 1000.0,
                        paused ? t.getString("dash.paused") : ""));
        Map<StateChip.Kind, Integer> counts = model.counts();
        StringBuilder sb = new StringBuilder(MessageFormat.format(t.getString("dash.count"), model.rows().size()));
        for (Map.Entry<StateChip.Kind, Integer> e : counts.entrySet()) {
            sb.append(" \u00b7 ").append(e.getValue()).append(' ').append(t.getString(kindKey(e.getKey())));
        }
        summary.setText(sb.toString());
    }

    private static String kindKey(StateChip.Kind k) {
        return "dash.kind." + k.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void selected(TreeItem<Object> item) {
        Object v = item == null ? null : item.getValue();
        if (v instanceof PoolHeader p && !p.members().isEmpty()) {
            v = p.members().get(0);
        }
        GatewayRow r = v instanceof GatewayRow g ? g : null;
        model.selectedProperty().set(r);
        if (current != null && (r == null || current.row() != r)) {
            current.stopPolling();
        }
        if (r == null) {
            current = null;
            if (!detailHolder.getChildren().contains(gone)) { // the gateway shown was deleted elsewhere: say so until another is chosen
                detailHolder.getChildren().setAll(placeholder);
            }
            return;
        }
        GatewayDetail d = details.get(r.ref());
        if (d == null || d.row() != r) {
            if (d != null) {
                d.dispose();
            }
            d = new GatewayDetail(host, r);
            details.put(r.ref(), d);
            trimDetails();
        }
        current = d;
        detailHolder.getChildren().setAll(d.root());
        if (!paused) {
            d.startPolling();
        }
    }

    /**
     * The gateway shown is no longer in the list (a refresh did not find it: deleted with the CLI, the portal or
     * another app): its detail goes, with its actions and stale state, and the pane says plainly what happened.
     */
    private void forgetIfGone() {
        if (current == null || model.rows().contains(current.row())) {
            return;
        }
        GatewayDetail d = current;
        current = null;
        details.remove(d.row().ref());
        d.dispose();
        gone.setText(MessageFormat.format(t.getString("dash.detail.gone"), d.row().name()));
        detailHolder.getChildren().setAll(gone);
    }

    /** Keeps the details (and their log buffers) of the last few gateways looked at; older ones are dropped. */
    private void trimDetails() {
        while (details.size() > 6) {
            GatewayRef oldest = details.keySet().iterator().next();
            GatewayDetail d = details.remove(oldest);
            if (d != null && d != current) {
                d.dispose();
            }
        }
    }

    // --- refresh

    /** Refreshes now (the Refresh button, or after a change of session). */
    void refreshNow() {
        timer.stop();
        refresh();
    }

    private void refresh() {
        if (disposed || refreshRunning) {
            return;
        }
        AzureServices svc = ctx.services();
        if (svc == null) {
            model.errorProperty().set(null); // the signed-out panel says so, with the ways forward
            showSignedIn();
            return;
        }
        refreshRunning = true;
        long t0 = System.nanoTime();
        Tasks.run(() -> {
                    List<GatewayStatus> fetched = fetch(svc);
                    return new Fetched(fetched, seenIps.observe(ipsOf(fetched)), scopeSubscriptions(svc));
                })
                .busy(model.refreshingProperty())
                .onSuccess(got -> {
                    if (ctx.services() != svc || disposed) {
                        return; // the session changed while this refresh ran: its result is the old session's
                    }
                    lastRefreshMillis = (System.nanoTime() - t0) / 1_000_000;
                    long a = System.nanoTime();
                    model.apply(got.list(), Instant.now());
                    showScope(got.subscriptions());
                    for (GatewayRow r : model.rows()) {
                        r.flagIpChange(got.ipChanges().get(r.ref().id()));
                    }
                    focusOnce();
                    maxApplyNanos = Math.max(maxApplyNanos, System.nanoTime() - a);
                })
                .onError(e -> {
                    if (ctx.services() == svc) {
                        model.errorProperty().set(MessageFormat.format(t.getString("dash.refreshFailed"), host.explain(e)));
                    }
                })
                .andFinally(() -> {
                    refreshRunning = false;
                    if (ctx.services() != svc) {
                        refresh(); // read the new session now
                    } else {
                        schedule();
                    }
                }).start();
    }

    /** A refresh's result: the gateways, and from {@link SeenIps} group id → the address before an unacknowledged change. */
    private record Fetched(List<GatewayStatus> list, Map<String, String> ipChanges, List<SubscriptionInfo> subscriptions) {
    }

    /** For a one-subscription scope, the listed subscriptions (listed once a session) to name it by; null if unknown. */
    private List<SubscriptionInfo> scopeSubscriptions(AzureServices svc) {
        if (scope.subscriptionId() == null) {
            return null;
        }
        try {
            return listedSubscriptions(svc);
        } catch (RuntimeException e) {
            return null; // the heading keeps the id; the gateways were read all the same
        }
    }

    private static Map<String, String> ipsOf(List<GatewayStatus> list) {
        Map<String, String> out = new HashMap<>();
        for (GatewayStatus s : list) {
            out.put(s.ref().id(), s.ip());
        }
        return out;
    }

    /** The user acknowledged {@code r}'s changed IP: unflagged now, and remembered (off the FX thread). */
    void acknowledgeIp(GatewayRow r) {
        r.acknowledgeIp();
        String id = r.ref().id();
        Tasks.run(() -> {
            seenIps.acknowledge(id);
            return id;
        }).start();
    }

    private void schedule() {
        if (disposed || paused) {
            return;
        }
        Duration d = model.errorProperty().get() != null ? pace.slow() : model.nextDelay();
        timer.setDuration(javafx.util.Duration.millis(d.toMillis()));
        timer.playFromStart();
    }

    /** Every gateway of the scope; for all subscriptions, each subscription is listed in parallel. */
    private List<GatewayStatus> fetch(AzureServices svc) throws Exception {
        GatewayControl c = svc.control();
        if (scope.subscriptionId() != null) {
            return c.list(scopeSubscription(svc), scope.resourceGroup());
        }
        List<SubscriptionInfo> subs = listedSubscriptions(svc);
        List<Future<List<GatewayStatus>>> parts = new ArrayList<>();
        for (SubscriptionInfo s : subs) {
            parts.add(Tasks.executor().submit(() -> c.list(s.id(), null)));
        }
        List<GatewayStatus> all = new ArrayList<>();
        for (Future<List<GatewayStatus>> f : parts) {
            all.addAll(f.get());
        }
        return all;
    }

    private List<SubscriptionInfo> listedSubscriptions(AzureServices svc) {
        List<SubscriptionInfo> subs = subscriptions;
        if (subs == null) {
            subs = svc.subscriptions();
            subscriptions = subs;
        }
        return subs;
    }

    /**
     * The scope's subscription id: {@code --subscription} as given when it is an id, else the one subscription of
     * that display name (any case), as the CLI takes it. None or several of that name: a plain error naming the ones
     * to choose from, shown where a failed refresh is.
     */
    private String scopeSubscription(AzureServices svc) {
        String want = scope.subscriptionId().strip();
        if (com.gatewaywizard.spec.ArmNames.isGuid(want)) {
            return want;
        }
        List<SubscriptionInfo> subs = listedSubscriptions(svc);
        List<SubscriptionInfo> named = SubscriptionInfo.named(subs, want);
        if (named.size() == 1) {
            return named.get(0).id();
        }
        String choices = subs.stream().map(x -> x.displayName() + " (" + x.id() + ")").collect(java.util.stream.Collectors.joining(", "));
        throw new IllegalStateException(named.isEmpty()
                ? MessageFormat.format(t.getString("dash.scope.noSuchSubscription"), want, choices)
                : MessageFormat.format(t.getString("dash.scope.ambiguousSubscription"), named.size(), want,
                        named.stream().map(SubscriptionInfo::id).collect(java.util.stream.Collectors.joining(", "))));
    }

    private void focusOnce() {
        if (focusDone) {
            return;
        }
        String f = scope.focus();
        GatewayRow r = null;
        if (f != null) {
            r = model.rowNamed(f);
            if (r == null) {
                r = model.rows().stream().filter(x -> f.equalsIgnoreCase(x.poolProperty().get())).findFirst().orElse(null);
            }
        } else if (model.rows().size() == 1) {
            r = model.rows().get(0);
        }
        if (r != null) {
            focusDone = true;
            select(r.name());
        } else if (f == null) {
            focusDone = true;
        }
    }

    // --- window visibility: no polling while hidden or iconified

    private void watchWindow(Scene scene) {
        if (watched != null) {
            watched.showingProperty().removeListener(visibility);
            if (watched instanceof Stage s) {
                s.iconifiedProperty().removeListener(visibility);
            }
            watched = null;
        }
        if (scene == null) {
            updateVisibility();
            return;
        }
        scene.windowProperty().addListener((o, a, b) -> {
            if (!disposed && root.getScene() == scene) {
                watchWindow(scene);
            }
        });
        Window w = scene.getWindow();
        if (w != null) {
            watched = w;
            w.showingProperty().addListener(visibility);
            if (w instanceof Stage s) {
                s.iconifiedProperty().addListener(visibility);
            }
        }
        updateVisibility();
    }

    private void updateVisibility() {
        boolean visible = watched != null && watched.isShowing() && !(watched instanceof Stage s && s.isIconified());
        boolean wasPaused = paused;
        paused = !visible && root.getScene() != null && root.getScene().getWindow() != null;
        if (paused && !wasPaused) {
            timer.stop();
            if (current != null) {
                current.stopPolling();
            }
            updateBar();
        } else if (!paused && wasPaused && !disposed) {
            refreshNow();
            if (current != null) {
                current.startPolling();
            }
        }
    }

    boolean paused() {
        return paused;
    }

    private static Function<EventInfo, Explanation> eventExplainer() {
        return AzureProblems::explainEvent;
    }

    private final class HostImpl implements Host {
        @Override
        public AppContext ctx() {
            return ctx;
        }

        @Override
        public ResourceBundle texts() {
            return t;
        }

        @Override
        public GatewayControl control() {
            AzureServices s = ctx.services();
            if (s == null) {
                throw new IllegalStateException(t.getString("dash.notSignedIn"));
            }
            return s.control();
        }

        @Override
        public DashboardModel model() {
            return model;
        }

        @Override
        public Pace pace() {
            return pace;
        }

        @Override
        public Window window() {
            return root.getScene() == null ? null : root.getScene().getWindow();
        }

        @Override
        public Diagnosis diagnosis() {
            return diagnosis;
        }

        @Override
        public void applied(GatewayStatus s) {
            model.applyOne(s);
            refreshSoon();
        }

        @Override
        public void removed(GatewayRef ref) {
            GatewayDetail d = details.remove(ref);
            if (d != null) {
                d.dispose();
                if (d == current) {
                    current = null;
                    detailHolder.getChildren().setAll(placeholder); // deleted here: the toast says so
                }
            }
            model.remove(ref);
        }

        @Override
        public void refreshSoon() {
            if (!refreshRunning && !paused && !disposed) {
                timer.stop();
                timer.setDuration(javafx.util.Duration.millis(Math.min(pace.fast().toMillis(), 500)));
                timer.playFromStart();
            }
        }

        @Override
        public void acknowledgeIp(GatewayRow r) {
            DashboardView.this.acknowledgeIp(r);
        }

        @Override
        public void toast(String text, boolean error) {
            toasts.show(text, error);
        }

        @Override
        public String explain(Throwable e) {
            return Errors.plain(e);
        }
    }
}
