package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.DeployEvent;
import com.gatewaywizard.azure.DeployResult;
import com.gatewaywizard.azure.DeployStep;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.InstanceResult;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.ui.DashboardScope;
import com.gatewaywizard.ui.Explain;
import com.gatewaywizard.ui.Tasks;
import com.gatewaywizard.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Step 8: deploys every instance, one progress row each with its steps and live container events, elapsed time and
 * Cancel. A failure shows the plain explanation and next step; Retry deploys the same spec again, which resumes
 * (existing groups are read, not duplicated). On success the spec is remembered for the dashboard.
 */
public final class DeployViewModel extends StepViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One instance's progress. */
    public static final class Row {
        public final String name;
        public final StringProperty step = new SimpleStringProperty("");
        public final DoubleProperty progress = new SimpleDoubleProperty(0);
        public final BooleanProperty running = new SimpleBooleanProperty();
        public final BooleanProperty failed = new SimpleBooleanProperty();

        Row(String name) {
            this.name = name;
            step.set(Texts.get("deploy.step.waiting"));
        }
    }

    public final ObservableList<Row> rows = FXCollections.observableArrayList();
    public final ObservableList<String> events = FXCollections.observableArrayList();
    public final BooleanProperty deploying = new SimpleBooleanProperty();
    public final BooleanProperty succeeded = new SimpleBooleanProperty();
    public final ObjectProperty<Explanation> failure = new SimpleObjectProperty<>();
    public final StringProperty elapsed = new SimpleStringProperty("");
    /** The last explained warning of this run (e.g. Docker Hub's rate limit), shown while Azure retries. */
    public final ObjectProperty<Explanation> lastWarning = new SimpleObjectProperty<>();
    private final Map<String, Row> byName = new LinkedHashMap<>();
    private Task<DeployResult> running;
    private Timeline clock;
    private Instant started;
    private GatewaySpec deployed;

    public DeployViewModel(WizardModel model) {
        super(model);
    }

    @Override
    public String id() {
        return "deploy";
    }

    @Override
    public void entered() {
        if (!deploying.get() && !succeeded.get()) {
            start();
        }
    }

    /** Deploys the spec (or deploys it again: the deployer resumes what exists). */
    public void start() {
        AzureServices s = model.services();
        if (s == null || deploying.get()) {
            return;
        }
        GatewaySpec spec = model.deployableSpec();
        deployed = spec;
        failure.set(null);
        lastWarning.set(null);
        succeeded.set(false);
        rows.clear();
        byName.clear();
        for (int k = 1; k <= Math.max(1, spec.instances()); k++) {
            Row r = new Row(spec.instanceName(k));
            rows.add(r);
            byName.put(r.name, r);
        }
        events.add(time(Instant.now()) + "  " + Texts.get("deploy.started", spec.name(), spec.resourceGroup()));
        started = Instant.now();
        startClock();
        running = Tasks.run(() -> s.deployer().deploy(spec, e -> Platform.runLater(() -> onEvent(e))))
                .busy(deploying)
                .onSuccess(this::finished)
                .onError(e -> {
                    failure.set(Explain.of(e));
                    events.add(time(Instant.now()) + "  " + Explain.line(e));
                })
                .onCancel(() -> {
                    failure.set(new Explanation("Cancelled", Texts.get("deploy.cancelled"), Texts.get("deploy.cancelled.message"),
                            Texts.get("deploy.cancelled.next")));
                    rows.forEach(r -> {
                        if (!r.running.get()) {
                            r.step.set(Texts.get("deploy.step.cancelled"));
                        }
                    });
                })
                .andFinally(this::stopClock)
                .start();
    }

    private void onEvent(DeployEvent e) {
        Row r = byName.get(e.instance());
        String msg = e.message() == null ? "" : e.message();
        events.add(time(e.at()) + "  " + e.instance() + "  " + stepWord(e.step()) + (msg.isEmpty() ? "" : ": " + msg));
        if (r == null) {
            return;
        }
        switch (e.step()) {
            case EXISTS -> set(r, 0.1, Texts.get("deploy.step.exists"));
            case ACCEPTED -> set(r, 0.25, Texts.get("deploy.step.accepted"));
            case PROVISIONING -> set(r, Math.max(r.progress.get(), 0.4), Texts.get("deploy.step.provisioning", msg));
            case EVENT -> {
                set(r, Math.max(r.progress.get(), eventProgress(msg)), msg);
                explainEvent(r, msg);
            }
            case RUNNING -> {
                set(r, 1.0, Texts.get("deploy.step.running"));
                r.running.set(true);
            }
            case FAILED -> {
                r.failed.set(true);
                r.step.set(e.failure() != null ? e.failure().title() : Texts.get("deploy.step.failed"));
            }
            case CANCELLED -> r.step.set(Texts.get("deploy.step.cancelled"));
            default -> { }
        }
    }

    /** A warning event (a failed pull, a crash) gets its plain explanation in the events and the row. */
    private void explainEvent(Row r, String msg) {
        int colon = msg.indexOf(':');
        String name = colon > 0 ? msg.substring(0, colon).strip() : msg.strip();
        if (!name.equals("Failed") && !name.equals("BackOff") && !name.equals("Killing")) {
            return;
        }
        Explanation x = Explain.event(name, colon > 0 ? msg.substring(colon + 1).strip() : "");
        if (x != null && x.title() != null && !x.title().isBlank()
                && !(name.equals("BackOff") && lastWarning.get() != null)) {
            events.add(time(Instant.now()) + "  " + r.name + "  \u26a0 " + x.oneLine());
            r.step.set(x.title());
            lastWarning.set(x);
        }
    }

    private static double eventProgress(String msg) {
        String m = msg.toLowerCase(java.util.Locale.ROOT);
        if (m.startsWith("started")) {
            return 0.9;
        }
        if (m.startsWith("pulled")) {
            return 0.75;
        }
        if (m.startsWith("pulling")) {
            return 0.55;
        }
        return 0.5;
    }

    private static void set(Row r, double p, String text) {
        r.progress.set(p);
        r.step.set(text);
    }

    private static String stepWord(DeployStep s) {
        return Texts.get("deploy.word." + s.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void finished(DeployResult result) {
        for (InstanceResult ir : result.instances()) {
            Row r = byName.get(ir.name());
            if (r != null) {
                r.running.set(ir.running());
                r.failed.set(!ir.running());
                if (ir.running()) {
                    set(r, 1.0, Texts.get("deploy.step.running"));
                } else if (ir.failure() != null) {
                    r.step.set(ir.failure().title());
                }
            }
        }
        if (result.allRunning()) {
            succeeded.set(true);
            model.context().rememberDeployed(deployed);
            model.keychain.afterDeploy(deployed, line -> events.add(time(Instant.now()) + "  " + line));
            events.add(time(Instant.now()) + "  " + Texts.get("deploy.done", elapsed.get()));
        } else {
            Explanation first = result.instances().stream().filter(i -> !i.running() && i.failure() != null)
                    .map(InstanceResult::failure).findFirst()
                    .orElse(new Explanation("DeployFailed", Texts.get("deploy.failed"), "", Texts.get("deploy.failed.next")));
            failure.set(first);
        }
    }

    public void cancel() {
        if (running != null && deploying.get()) {
            running.cancel(true);
        }
    }

    public void retry() {
        start();
    }

    /** Where "Open dashboard" goes: this deployment's resource group, focused on the pool. */
    public DashboardScope dashboardScope() {
        GatewaySpec s = deployed != null ? deployed : model.deployableSpec();
        return new DashboardScope(s.subscriptionId(), s.resourceGroup(), s.name());
    }

    /** Forget the last run (the user went back to change something). */
    public void resetIfIdle() {
        if (!deploying.get()) {
            succeeded.set(false);
            failure.set(null);
        }
    }

    private void startClock() {
        stopClock();
        elapsed.set("0 s");
        clock = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
    }

    private void tick() {
        if (started != null) {
            long ms = Duration.between(started, Instant.now()).toMillis();
            elapsed.set(ms < 60_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0)
                    : (ms / 60_000) + " min " + (ms / 1000 % 60) + " s");
        }
    }

    private void stopClock() {
        if (clock != null) {
            clock.stop();
            tick();
        }
    }

    private static String time(Instant at) {
        return LocalTime.ofInstant(at == null ? Instant.now() : at, ZoneId.systemDefault()).format(TIME);
    }
}
