package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.ContainerStateInfo;
import com.gatewaywizard.azure.DeployResult;
import com.gatewaywizard.azure.GatewayControl;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.azure.InstanceResult;
import com.gatewaywizard.azure.LogChunk;
import com.gatewaywizard.azure.LogFollower;
import com.gatewaywizard.keeper.GatewayConfig;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.SubnetId;
import com.gatewaywizard.ui.Tasks;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One gateway: header (name, state, IP, region, subnet, size, image, started, the {@code az container show} command),
 * actions enabled by state (Start, Stop, Restart, Redeploy, Delete, Add/Remove instance), the diagnosis card, and
 * tabs for logs (followed while shown), events and a console.
 */
final class GatewayDetail {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final DashboardView.Host host;
    private final ResourceBundle t;
    private final GatewayRow row;
    private final BorderPane root = new BorderPane();
    private final StateChip chip = new StateChip();
    private final Label ip = new Label();
    private final Label ipFlag = new Label();
    private final Label region = new Label();
    private final FactValue subnet = new FactValue();
    private final Label size = new Label();
    private final FactValue image = new FactValue();
    private final Label started = new Label();
    private final Label restarts = new Label();
    private final Label previous = new Label();
    private final VBox diagnosis = new VBox(8);
    private final EventsTable events;
    private final LogView logs;
    private final ConsolePane console;
    private final TabPane tabs = new TabPane();
    private final StringProperty activeAction = new SimpleStringProperty();
    private final PauseTransition logTimer = new PauseTransition();
    private final Button start;
    private final Button stop;
    private final Button restart;
    private final Button redeploy;
    private final Button delete;
    private final Button addInstance;
    private final Button removeInstance;
    private final Button forgetSecrets;
    /** Set when the secrets dialog's "Remember in the OS keychain" was ticked: save after the action succeeds. */
    private volatile com.gatewaywizard.state.keychain.SavedSecrets keychainAfterSuccess;
    /** Whether this pool has secrets saved in the OS keychain (read in the background). */
    private final javafx.beans.property.BooleanProperty hasSavedSecrets = new javafx.beans.property.SimpleBooleanProperty();
    private LogFollower follower;
    /** The session control the follower reads through (replaced when the user signs in again). */
    private GatewayControl followerControl;
    private boolean polling;
    private boolean logTaskRunning;
    private List<Finding> findings = List.of();
    /** After Start/Restart returned before the container runs: the toast to show once it is Running. */
    private String whenRunning;

    GatewayDetail(DashboardView.Host host, GatewayRow row) {
        this.host = host;
        this.t = host.texts();
        this.row = row;
        root.setId("gateway-detail");
        root.getStyleClass().add("gateway-detail");
        events = new EventsTable(t);
        logs = new LogView(t, host.pace().logCapacity());
        logs.setNotifier(s -> host.toast(s, false));
        console = new ConsolePane(t, host::control, row.ref());

        // --- header
        Label name = new Label(row.name());
        name.setId("detail-name");
        name.getStyleClass().add("title-3");
        chip.setId("detail-state");
        ip.setId("detail-ip");
        ipFlag.setId("detail-ip-changed");
        ipFlag.getStyleClass().add("ip-changed");
        ipFlag.visibleProperty().bind(row.ipChangedProperty());
        ipFlag.managedProperty().bind(row.ipChangedProperty());
        Button ipAck = new Button(t.getString("dash.detail.ipAck"));
        ipAck.setId("detail-ip-ack");
        ipAck.getStyleClass().addAll("flat", "small");
        ipAck.visibleProperty().bind(row.ipChangedProperty());
        ipAck.managedProperty().bind(row.ipChangedProperty());
        ipAck.setOnAction(e -> host.acknowledgeIp(row));
        row.ipChangedProperty().addListener((o, a, b) -> showIpFlag());
        restarts.setId("detail-restarts");
        previous.setId("detail-previous");
        Button copyCmd = new Button(t.getString("dash.detail.copyShow"), new FontIcon(Feather.COPY));
        copyCmd.setId("detail-copy-show");
        copyCmd.getStyleClass().add("flat");
        copyCmd.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(azShow(row.ref()));
            Clipboard.getSystemClipboard().setContent(c);
            host.toast(t.getString("dash.detail.copied"), false);
        });
        copyCmd.setTooltip(new Tooltip(azShow(row.ref())));
        HBox title = new HBox(12, name, chip, new Region(), copyCmd);
        HBox.setHgrow(title.getChildren().get(2), Priority.ALWAYS);
        title.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(18);
        facts.setVgap(4);
        facts.getStyleClass().add("detail-facts");
        fact(facts, 0, 0, "dash.detail.ip", ip);
        ipFlag.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        ipFlag.setWrapText(true);
        ipFlag.setMinWidth(0);
        HBox ipChange = new HBox(10, ipFlag, ipAck);
        ipChange.setId("detail-ip-change");
        ipChange.getStyleClass().add("ip-change");
        ipChange.setAlignment(Pos.CENTER_LEFT);
        ipChange.visibleProperty().bind(row.ipChangedProperty());
        ipChange.managedProperty().bind(row.ipChangedProperty());
        ipAck.setMinWidth(Region.USE_PREF_SIZE);
        fact(facts, 0, 1, "dash.detail.region", region);
        fact(facts, 0, 2, "dash.detail.subnet", subnet);
        fact(facts, 1, 0, "dash.detail.size", size);
        fact(facts, 1, 1, "dash.detail.image", image);
        fact(facts, 1, 2, "dash.detail.restarts", restarts);
        // The two long facts (a date; a state, exit code and date) get a row of their own across both columns, so
        // they never squeeze the short ones ("westeur…") and wrap when the detail is narrow.
        fact(facts, 0, 3, "dash.detail.started", started);
        fact(facts, 0, 4, "dash.detail.previous", previous);
        GridPane.setColumnSpan(started, 3);
        GridPane.setColumnSpan(previous, 3);
        for (Label v : List.of(ip, region, size, restarts)) {
            v.setMinWidth(Region.USE_PREF_SIZE); // short values: never cut
        }
        subnet.setId("detail-subnet");
        image.setId("detail-image");
        // subnet and image wrap only after '/', '-' or ':' (FactValue); the date facts wrap at their spaces
        for (Label v : List.of(started, previous)) {
            v.setWrapText(true);
            v.setMinWidth(0);
        }
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.SOMETIMES);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(new ColumnConstraints(), value, new ColumnConstraints(), wide);

        // --- actions
        start = action("action-start", "dash.action.start", Feather.PLAY);
        stop = action("action-stop", "dash.action.stop", Feather.SQUARE);
        restart = action("action-restart", "dash.action.restart", Feather.ROTATE_CW);
        redeploy = action("action-redeploy", "dash.action.redeploy", Feather.DOWNLOAD_CLOUD);
        delete = action("action-delete", "dash.action.delete", Feather.TRASH_2);
        delete.getStyleClass().add("danger");
        addInstance = action("action-add-instance", "dash.action.addInstance", Feather.PLUS_SQUARE);
        removeInstance = action("action-remove-instance", "dash.action.removeInstance", Feather.MINUS_SQUARE);
        start.setOnAction(e -> doStart());
        stop.setOnAction(e -> doStop());
        restart.setOnAction(e -> doRestart());
        redeploy.setOnAction(e -> doRedeploy());
        delete.setOnAction(e -> doDelete());
        addInstance.setOnAction(e -> doAddInstance());
        removeInstance.setOnAction(e -> doRemoveInstance());
        forgetSecrets = action("action-forget-secrets", "dash.action.forgetSecrets", Feather.KEY);
        forgetSecrets.setOnAction(e -> doForgetSecrets());
        forgetSecrets.setTooltip(new Tooltip(t.getString("dash.action.forgetSecrets.tip")));
        checkSavedSecrets();
        BooleanBinding busy = row.busyProperty().or(activeAction.isNotNull());
        start.disableProperty().bind(busy.or(Bindings.createBooleanBinding(() -> !canStart(row.status()), row.statusProperty())));
        stop.disableProperty().bind(busy.or(Bindings.createBooleanBinding(() -> !canStop(row.status()), row.statusProperty())));
        restart.disableProperty().bind(busy.or(Bindings.createBooleanBinding(() -> !canRestart(row.status()), row.statusProperty())));
        redeploy.disableProperty().bind(busy.or(Bindings.createBooleanBinding(() -> deleting(row.status()), row.statusProperty())));
        delete.disableProperty().bind(busy);
        addInstance.disableProperty().bind(busy);
        forgetSecrets.disableProperty().bind(busy.or(hasSavedSecrets.not()));
        removeInstance.disableProperty().bind(busy.or(Bindings.createBooleanBinding(
                () -> host.model().poolOf(row).size() < 2, host.model().rows())));
        FlowPane actions = new FlowPane(8, 8, start, stop, restart, redeploy, delete, addInstance, removeInstance, forgetSecrets);
        actions.setId("detail-actions");

        diagnosis.setId("diagnosis");
        diagnosis.getStyleClass().add("diagnosis-card");
        diagnosis.setVisible(false);
        diagnosis.setManaged(false);

        VBox head = new VBox(10, title, facts, ipChange, actions, diagnosis);
        head.setPadding(new Insets(0, 0, 10, 0));

        // --- tabs
        Tab logsTab = new Tab(t.getString("dash.tab.logs"), logs.root());
        logsTab.setId("tab-logs");
        VBox eventsBox = new VBox(8, events);
        VBox.setVgrow(events, Priority.ALWAYS);
        Tab eventsTab = new Tab(t.getString("dash.tab.events"), eventsBox);
        eventsTab.setId("tab-events");
        Tab consoleTab = new Tab(t.getString("dash.tab.console"), console.root());
        consoleTab.setId("tab-console");
        tabs.getTabs().setAll(logsTab, eventsTab, consoleTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detail-tabs");
        for (Tab tab : tabs.getTabs()) {
            tab.getContent().getStyleClass().add("detail-tab-content");
        }

        root.setTop(head);
        root.setCenter(tabs);
        root.setPadding(new Insets(12));

        row.statusProperty().addListener((o, a, b) -> showStatus(b));
        showStatus(row.status());
        logTimer.setOnFinished(e -> pollLogs());
    }

    Parent root() {
        return root;
    }

    GatewayRow row() {
        return row;
    }

    LogView logs() {
        return logs;
    }

    ConsolePane console() {
        return console;
    }

    List<Finding> findings() {
        return findings;
    }

    TabPane tabs() {
        return tabs;
    }

    static String azShow(GatewayRef r) {
        return "az container show --subscription " + r.subscriptionId() + " --resource-group " + r.resourceGroup()
                + " --name " + r.name() + " --output table";
    }

    // --- state

    static boolean canStart(GatewayStatus s) {
        String st = s == null || s.state() == null ? "" : s.state();
        return st.equalsIgnoreCase("Stopped") || st.equalsIgnoreCase("Failed") || st.equalsIgnoreCase("Succeeded");
    }

    static boolean canStop(GatewayStatus s) {
        return s != null && !s.stopped() && !deleting(s);
    }

    static boolean canRestart(GatewayStatus s) {
        return s != null && (s.running() || "Failed".equalsIgnoreCase(s.state()));
    }

    static boolean deleting(GatewayStatus s) {
        return s != null && "Deleting".equalsIgnoreCase(s.provisioningState());
    }

    private void showStatus(GatewayStatus s) {
        if (s == null) {
            return;
        }
        if (whenRunning != null && s.running()) {
            host.toast(whenRunning, false);
            whenRunning = null;
        }
        chip.show(s.state(), s.provisioningState());
        chip.setTooltip(new Tooltip(fmt("dash.detail.provisioning", nz(s.provisioningState()))));
        ip.setText(s.ip() == null ? "\u2014" : s.ip());
        showIpFlag();
        region.setText(nz(s.region()));
        subnet.setValue(subnetName(s.subnetId()));
        subnet.setTooltip(s.subnetId() == null ? null : new Tooltip(s.subnetId()));
        size.setText(fmt("dash.detail.sizeValue", num(s.cpu()), num(s.memoryGb())));
        image.setValue(nz(s.image()));
        started.setText(s.containerStarted() == null ? "\u2014" : WHEN.format(s.containerStarted()));
        restarts.setText(Integer.toString(s.restartCount()));
        ContainerStateInfo p = s.previous();
        previous.setText(previousRun(t, p));
        events.show(s.events());
        console.runningProperty().set(s.running());
        updateDiagnosis();
    }

    /** "Terminated, exit code 1, ended …"; without an exit code the part is left out, not shown as a dash. */
    static String previousRun(ResourceBundle t, ContainerStateInfo p) {
        if (p == null || p.state() == null) {
            return "\u2014";
        }
        String ended = p.finishTime() == null ? "\u2014" : WHEN.format(p.finishTime());
        return p.exitCode() == null ? MessageFormat.format(t.getString("dash.detail.previousValue.noExitCode"), p.state(), ended)
                : MessageFormat.format(t.getString("dash.detail.previousValue"), p.state(), p.exitCode(), ended);
    }

    private void showIpFlag() {
        String was = row.previousIp();
        ipFlag.setText(was == null ? "" : fmt("dash.detail.ipChanged", was));
        ipFlag.setTooltip(was == null ? null : new Tooltip(fmt("dash.detail.ipChanged.tip", was)));
    }

    private void updateDiagnosis() {
        GatewayStatus s = row.status();
        if (s == null) {
            return;
        }
        List<String> tail = new ArrayList<>();
        LogBuffer b = logs.buffer();
        for (int i = Math.max(0, b.size() - 200); i < b.size(); i++) {
            tail.add(b.get(i).text());
        }
        List<Finding> f = host.diagnosis().of(s, tail, keeperHost(), Instant.now());
        if (f.equals(findings)) {
            return;
        }
        findings = f;
        diagnosis.getChildren().clear();
        for (Finding x : f) {
            Label title = new Label(x.title(), new FontIcon(Feather.ALERT_TRIANGLE));
            title.getStyleClass().addAll("diagnosis-title", "title-4");
            Label msg = new Label(x.message());
            msg.setWrapText(true);
            Label next = new Label(fmt("dash.diag.nextStep", x.nextStep()));
            next.setWrapText(true);
            next.getStyleClass().add("diagnosis-next");
            VBox one = new VBox(4, title, msg, next);
            one.getStyleClass().add("diagnosis-item");
            one.setId("diag-" + x.code().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (x.detail() != null && !x.detail().isBlank()) {
                TextArea d = new TextArea(x.detail().strip());
                d.setEditable(false);
                d.getStyleClass().add("diagnosis-detail");
                d.setPrefRowCount(Math.min(8, (int) x.detail().strip().lines().count()));
                d.setWrapText(x.detail().strip().lines().count() == 1);
                d.setPrefRowCount(d.isWrapText() ? 2 : d.getPrefRowCount());
                one.getChildren().add(d);
            }
            diagnosis.getChildren().add(one);
        }
        diagnosis.setVisible(!f.isEmpty());
        diagnosis.setManaged(!f.isEmpty());
    }

    /** The Keeper host of the config deployed in this session for this pool, if any (GET never returns it). */
    private String keeperHost() {
        GatewaySpec spec = sessionSpec();
        if (spec == null || spec.gatewayConfig().isEmpty()) {
            return null;
        }
        return GatewayConfig.decode(spec.gatewayConfig().reveal()).config().map(GatewayConfig::hostname).orElse(null);
    }

    private GatewaySpec sessionSpec() {
        GatewayStatus s = row.status();
        return host.ctx().deployedSpec(row.ref().subscriptionId(), row.ref().resourceGroup(), s == null ? row.name() : s.pool());
    }

    // --- logs

    /** Starts following the log (the detail is on screen). */
    void startPolling() {
        if (polling) {
            return;
        }
        polling = true;
        pollLogs();
    }

    /** Stops following (the detail left the screen or the window is hidden); the buffer is kept. */
    void stopPolling() {
        polling = false;
        logTimer.stop();
    }

    private void pollLogs() {
        if (!polling || logTaskRunning) {
            return;
        }
        GatewayControl c;
        try {
            c = host.control();
        } catch (RuntimeException e) {
            return;
        }
        logTaskRunning = true;
        Tasks.run(() -> {
            if (follower == null) {
                follower = c.follow(row.ref(), true);
            } else if (c != followerControl) {
                // Signed in again: the same follow goes on through the new session, so the buffer neither loses
                // nor repeats a line.
                follower = follower.continueOn(c, row.ref(), true);
            }
            followerControl = c;
            return follower.poll();
        }).onSuccess(this::took)
          .onError(e -> logs.polled(Instant.now()))
          .andFinally(() -> {
              logTaskRunning = false;
              if (polling) {
                  logTimer.setDuration(javafx.util.Duration.millis(host.pace().logPoll().toMillis()));
                  logTimer.playFromStart();
              }
          }).start();
    }

    private void took(LogChunk chunk) {
        if (chunk.restarted()) {
            logs.markRestart(chunk.restartDetectedAt() == null ? Instant.now() : chunk.restartDetectedAt());
        }
        logs.append(chunk.lines());
        logs.polled(Instant.now());
        if (!chunk.lines().isEmpty() || chunk.restarted()) {
            updateDiagnosis();
        }
    }

    /** Polls the log once now (after an action), without waiting for the timer. */
    void pollLogsSoon() {
        if (polling) {
            logTimer.stop();
            pollLogs();
        }
    }

    // --- actions

    private void doStart() {
        run(start, "dash.action.start", () -> {
            host.control().start(row.ref());
            return host.control().status(row.ref());
        }, "dash.done.start");
    }

    private void doStop() {
        confirm(t.getString("dash.confirm.stop.title"), fmt("dash.confirm.stop.text", row.name()), t.getString("dash.action.stop.confirm"),
                () -> run(stop, "dash.action.stop", () -> {
                    host.control().stop(row.ref());
                    return host.control().status(row.ref());
                }, "dash.done.stop"));
    }

    private void doRestart() {
        run(restart, "dash.action.restart", () -> {
            host.control().restart(row.ref());
            return host.control().status(row.ref());
        }, "dash.done.restart");
    }

    private void doDelete() {
        confirm(t.getString("dash.confirm.delete.title"), fmt("dash.confirm.delete.text", row.name(), row.ref().resourceGroup()),
                t.getString("dash.action.delete.confirm"), () -> {
                    activeAction.set("delete");
                    setProgress(delete, true);
                    GatewayRef ref = row.ref();
                    Tasks.run(() -> {
                        host.control().delete(ref);
                        return ref;
                    }).busy(row.busyProperty()).onSuccess(r -> {
                        host.toast(fmt("dash.done.delete", row.name()), false);
                        host.removed(r);
                    }).onError(e -> host.toast(fmt("dash.failed.action", t.getString("dash.action.delete").replace("_", ""), row.name(), host.explain(e)), true))
                      .andFinally(() -> {
                          activeAction.set(null);
                          setProgress(delete, false);
                      }).start();
                });
    }

    private void doRedeploy() {
        confirm(t.getString("dash.confirm.redeploy.title"), fmt("dash.confirm.redeploy.text", row.name()), t.getString("dash.action.redeploy.confirm"),
                () -> withSpec(t.getString("dash.secrets.purpose.redeploy"), poolSize(), spec -> run(redeploy, "dash.action.redeploy", () -> {
                    DeployResult r = host.ctx().services().deployer().deployInstance(spec, row.instanceProperty().get(), e -> { });
                    InstanceResult ir = r.instances().isEmpty() ? null : r.instances().get(0);
                    if (ir != null && !ir.running() && ir.failure() != null) {
                        throw new IllegalStateException(ir.failure().oneLine());
                    }
                    // An unchanged body is not re-pulled by a PUT; a restart pulls the tag again (az container restart).
                    host.control().restart(row.ref());
                    host.ctx().rememberDeployed(spec);
                    saveChosenSecrets(spec);
                    return host.control().status(row.ref());
                }, "dash.done.redeploy")));
    }

    private void doAddInstance() {
        List<GatewayRow> pool = host.model().poolOf(row);
        int next = pool.stream().mapToInt(r -> r.instanceProperty().get()).max().orElse(1) + 1;
        String poolName = row.status().pool();
        String reminder = fmt("dash.confirm.addInstance.reminder", poolName, next);
        confirm(t.getString("dash.confirm.addInstance.title"), fmt("dash.confirm.addInstance.text", poolName, next) + "\n\n" + reminder,
                t.getString("dash.action.addInstance.confirm"),
                () -> withSpec(t.getString("dash.secrets.purpose.addInstance"), next, base -> {
                    GatewaySpec spec = base.toBuilder().instances(Math.max(base.instances(), next)).build();
                    String newName = spec.instanceName(next);
                    activeAction.set("add");
                    setProgress(addInstance, true);
                    Tasks.run(() -> host.ctx().services().deployer().deployInstance(spec, next, e -> { }))
                            .onSuccess(r -> {
                                host.ctx().rememberDeployed(spec);
                                Tasks.run(() -> {
                                    saveChosenSecrets(spec);
                                    return null;
                                }).start();
                                InstanceResult ir = r.instances().isEmpty() ? null : r.instances().get(0);
                                if (ir != null && ir.status() != null) {
                                    host.applied(ir.status());
                                }
                                if (ir != null && !ir.running() && ir.failure() != null) {
                                    host.toast(fmt("dash.failed.addInstance", newName, ir.failure().oneLine()), true);
                                } else {
                                    host.toast(fmt("dash.done.addInstance", newName) + " " + reminder, false);
                                }
                                host.refreshSoon();
                            })
                            .onError(e -> host.toast(fmt("dash.failed.addInstance", newName, host.explain(e)), true))
                            .andFinally(() -> {
                                activeAction.set(null);
                                setProgress(addInstance, false);
                            }).start();
                }));
    }

    private void doRemoveInstance() {
        List<GatewayRow> pool = host.model().poolOf(row);
        Optional<GatewayRow> last = pool.stream().filter(r -> r.instanceProperty().get() > 1)
                .max(java.util.Comparator.comparingInt(r -> r.instanceProperty().get()));
        if (last.isEmpty()) {
            return;
        }
        GatewayRow victim = last.get();
        confirm(t.getString("dash.confirm.removeInstance.title"), fmt("dash.confirm.removeInstance.text", victim.name(), row.status().pool()),
                t.getString("dash.action.removeInstance.confirm"), () -> {
                    activeAction.set("remove");
                    setProgress(removeInstance, true);
                    Tasks.run(() -> {
                        host.control().delete(victim.ref());
                        return victim.ref();
                    }).busy(victim.busyProperty()).onSuccess(r -> {
                        host.toast(fmt("dash.done.removeInstance", victim.name()), false);
                        host.removed(r);
                    }).onError(e -> host.toast(fmt("dash.failed.action", t.getString("dash.action.removeInstance").replace("_", ""), victim.name(), host.explain(e)), true))
                      .andFinally(() -> {
                          activeAction.set(null);
                          setProgress(removeInstance, false);
                      }).start();
                });
    }

    private int poolSize() {
        return host.model().poolOf(row).stream().mapToInt(r -> r.instanceProperty().get()).max().orElse(1);
    }

    /**
     * The pool's spec with secrets: from this session, else from the OS keychain (when the user saved them there;
     * read in the background), else asked for (masked) and checked before use.
     */
    private void withSpec(String purpose, int instances, Consumer<GatewaySpec> then) {
        keychainAfterSuccess = null;
        GatewaySpec spec = sessionSpec();
        if (spec != null) {
            then.accept(spec.instances() >= instances ? spec : spec.toBuilder().instances(instances).build());
            return;
        }
        GatewayStatus status = row.status();
        String pool = status == null ? row.name() : status.pool();
        String sub = row.ref().subscriptionId();
        String rg = row.ref().resourceGroup();
        com.gatewaywizard.state.keychain.SavedSecrets saved = host.ctx().savedSecrets();
        activeAction.set("keychain");
        Tasks.run(() -> saved.entry(sub, rg, pool).isPresent() && saved.availability().available()
                        ? saved.load(sub, rg, pool) : Optional.<com.gatewaywizard.state.keychain.SavedSecrets.Saved>empty())
                .onSuccess(found -> {
                    activeAction.set(null);
                    if (found.isPresent() && status != null) {
                        var x = found.get();
                        GatewaySpec fromKeychain = SecretsDialog.build(status, instances, x.entry().dockerUser(), x.dockerPat(),
                                x.gatewayConfig(), x.entry().debugLogging(), x.entry().livenessProbe());
                        boolean ok = com.gatewaywizard.spec.SpecValidator.validate(fromKeychain).stream()
                                .noneMatch(p -> p.severity() == com.gatewaywizard.spec.Severity.ERROR);
                        if (ok) {
                            host.toast(fmt("dash.keychain.used", pool), false);
                            then.accept(fromKeychain);
                            return;
                        }
                        host.toast(fmt("dash.keychain.invalid", pool), true);
                    }
                    askSecrets(purpose, instances, then);
                })
                .onError(e -> {
                    activeAction.set(null);
                    host.toast(fmt("dash.keychain.failed", e instanceof com.gatewaywizard.state.keychain.KeychainException
                            ? e.getMessage() : host.explain(e)), true);
                    askSecrets(purpose, instances, then);
                }).start();
    }

    private void askSecrets(String purpose, int instances, Consumer<GatewaySpec> then) {
        SecretsDialog d = new SecretsDialog(t, host.window(), row.status(), instances, purpose);
        com.gatewaywizard.state.keychain.SavedSecrets saved = host.ctx().savedSecrets();
        Tasks.run(saved::availability).onSuccess(d::keychain).start();
        d.resultProperty().addListener((o, a, b) -> {
            if (b != null) {
                keychainAfterSuccess = d.rememberChosen() ? saved : null;
                then.accept(b);
            }
        });
        d.show();
    }

    /**
     * Background: when the secrets dialog's "Remember in the OS keychain" was ticked, saves them now that the action
     * succeeded; a failure is a toast, never a failed action.
     */
    private void saveChosenSecrets(GatewaySpec spec) {
        com.gatewaywizard.state.keychain.SavedSecrets saved = keychainAfterSuccess;
        keychainAfterSuccess = null;
        if (saved == null) {
            return;
        }
        try {
            saved.save(spec);
            Tasks.fx(() -> {
                host.toast(fmt("dash.keychain.saved", spec.name()), false);
                checkSavedSecrets();
            });
        } catch (java.io.IOException | RuntimeException e) {
            String why = e instanceof com.gatewaywizard.state.keychain.KeychainException ? e.getMessage() : host.explain(e);
            Tasks.fx(() -> host.toast(fmt("dash.keychain.failed", why), true));
        }
    }

    /** Reads in the background whether this pool has secrets in the OS keychain (the index only, no child process). */
    private void checkSavedSecrets() {
        GatewayStatus s = row.status();
        String pool = s == null ? row.name() : s.pool();
        com.gatewaywizard.state.keychain.SavedSecrets saved = host.ctx().savedSecrets();
        Tasks.run(() -> saved.entry(row.ref().subscriptionId(), row.ref().resourceGroup(), pool).isPresent())
                .onSuccess(hasSavedSecrets::set).start();
    }

    private void doForgetSecrets() {
        GatewayStatus s = row.status();
        String pool = s == null ? row.name() : s.pool();
        confirm(t.getString("dash.confirm.forgetSecrets.title"), fmt("dash.confirm.forgetSecrets.text", pool),
                t.getString("dash.action.forgetSecrets.confirm"), () -> {
                    activeAction.set("forget");
                    setProgress(forgetSecrets, true);
                    com.gatewaywizard.state.keychain.SavedSecrets saved = host.ctx().savedSecrets();
                    String sub = row.ref().subscriptionId();
                    String rg = row.ref().resourceGroup();
                    Tasks.run(() -> saved.forget(sub, rg, pool))
                            .onSuccess(r -> host.toast(fmt("dash.done.forgetSecrets", pool), false))
                            .onError(e -> host.toast(fmt("dash.keychain.failed", e instanceof com.gatewaywizard.state.keychain.KeychainException
                                    ? e.getMessage() : host.explain(e)), true))
                            .andFinally(() -> {
                                activeAction.set(null);
                                setProgress(forgetSecrets, false);
                                checkSavedSecrets();
                            }).start();
                });
    }

    private void run(Button b, String actionKey, Callable<GatewayStatus> work, String doneKey) {
        activeAction.set(actionKey);
        setProgress(b, true);
        String label = t.getString(actionKey).replace("_", "");
        Tasks.run(work)
                .busy(row.busyProperty())
                .onSuccess(s -> {
                    boolean waits = (doneKey.equals("dash.done.restart") || doneKey.equals("dash.done.start")
                            || doneKey.equals("dash.done.redeploy")) && !s.running();
                    // Azure accepted the request; the container runs a little later: say so, then report Running.
                    whenRunning = waits ? fmt(doneKey + ".running", row.name()) : null;
                    host.toast(waits ? fmt(doneKey + ".requested", row.name())
                            : fmt(doneKey, row.name(), StateChip.text(s.state(), s.provisioningState())), false);
                    host.applied(s);
                    pollLogsSoon();
                })
                .onError(e -> {
                    host.toast(fmt("dash.failed.action", label, row.name(), host.explain(e)), true);
                    host.refreshSoon();
                })
                .andFinally(() -> {
                    activeAction.set(null);
                    setProgress(b, false);
                }).start();
    }

    private void confirm(String title, String text, String okText, Runnable onOk) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        if (host.window() != null) {
            a.initOwner(host.window());
        }
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(text);
        a.getDialogPane().setId("confirm-dialog");
        a.getDialogPane().setMinWidth(460);
        ButtonType ok = new ButtonType(okText, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        a.getDialogPane().lookupButton(ok).setId("confirm-ok");
        a.getDialogPane().lookupButton(ButtonType.CANCEL).setId("confirm-cancel");
        a.resultProperty().addListener((o, x, r) -> {
            if (r == ok) {
                onOk.run();
            }
        });
        a.show();
    }

    private Button action(String id, String key, Feather icon) {
        Button b = new Button(t.getString(key), new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setUserData(b.getGraphic());
        return b;
    }

    private static void setProgress(Button b, boolean on) {
        if (on) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(14, 14);
            p.setMaxSize(14, 14);
            b.setGraphic(p);
        } else {
            b.setGraphic((Node) b.getUserData());
        }
    }

    private void fact(GridPane g, int col, int r, String key, Node value) {
        Label k = new Label(t.getString(key));
        k.getStyleClass().add("fact-key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        g.add(k, col * 2, r);
        g.add(value, col * 2 + 1, r);
        // a value in several lines (FactValue) reads from its first line, beside its key
        GridPane.setValignment(k, javafx.geometry.VPos.TOP);
        GridPane.setValignment(value, javafx.geometry.VPos.TOP);
    }

    static String subnetName(String subnetId) {
        if (subnetId == null || subnetId.isBlank()) {
            return "\u2014";
        }
        return SubnetId.parse(subnetId).map(id -> id.vnet() + "/" + id.subnet()).orElseGet(() -> {
            int i = subnetId.lastIndexOf('/');
            return i >= 0 ? subnetId.substring(i + 1) : subnetId;
        });
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String fmt(String key, Object... args) {
        return MessageFormat.format(t.getString(key), args);
    }

    void dispose() {
        stopPolling();
        console.dispose();
    }
}
