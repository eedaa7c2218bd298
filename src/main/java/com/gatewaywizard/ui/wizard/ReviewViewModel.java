package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.manifest.ManifestFiles;
import com.gatewaywizard.manifest.ManifestYaml;
import com.gatewaywizard.manifest.SecretMode;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Severity;
import com.gatewaywizard.state.AtomicFiles;
import com.gatewaywizard.ui.Explain;
import com.gatewaywizard.ui.Tasks;
import com.gatewaywizard.ui.Texts;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Step 7: the manifest exactly as it will be deployed (the same {@code ArmBody} the deployer sends), masked unless
 * revealed; save full (owner-only) or shareable; the equivalent {@code az} commands; the preflight: errors block
 * Deploy, warnings must be acknowledged.
 */
public final class ReviewViewModel extends StepViewModel {
    public final BooleanProperty reveal = new SimpleBooleanProperty();
    /** Which instance of the pool the YAML shows (1-based). */
    public final IntegerProperty instance = new SimpleIntegerProperty(1);
    public final ObservableList<Problem> preflight = FXCollections.observableArrayList();
    public final BooleanProperty preflightDone = new SimpleBooleanProperty();
    public final BooleanProperty warningsConfirmed = new SimpleBooleanProperty();
    /** Where the last save went, or the failure. */
    public final StringProperty saved = new SimpleStringProperty("");
    private Task<List<Problem>> running;
    private GatewaySpec checked;

    public ReviewViewModel(WizardModel model) {
        super(model, "subscriptionId", "resourceGroup", "region", "name", "subnetId", "dockerUser", "dockerPat",
                "gatewayConfig", "image", "cpu", "memoryGb", "instances", "tags");
        model.specProperty().addListener((o, a, b) -> {
            if (instance.get() > Math.max(1, b.instances())) {
                instance.set(1);
            }
        });
    }

    @Override
    public String id() {
        return "review";
    }

    public StringBinding yaml() {
        return Bindings.createStringBinding(() -> {
            GatewaySpec s = model.deployableSpec();
            int k = Math.max(1, Math.min(instance.get(), Math.max(1, s.instances())));
            return ManifestYaml.write(s, k, reveal.get() ? SecretMode.FULL : SecretMode.MASKED);
        }, model.specProperty(), reveal, instance);
    }

    /** The az commands that do the same by hand, for the instance shown. */
    public StringBinding azCommands() {
        return Bindings.createStringBinding(() -> {
            GatewaySpec s = model.deployableSpec();
            String name = s.instanceName(Math.max(1, Math.min(instance.get(), Math.max(1, s.instances()))));
            String common = " --subscription " + s.subscriptionId() + " --resource-group " + s.resourceGroup() + " --name " + name;
            return "# " + Texts.get("review.az.create") + "\n"
                    + "az container create --subscription " + s.subscriptionId() + " --resource-group " + s.resourceGroup()
                    + " --file " + fileName(name) + "\n"
                    + "# " + Texts.get("review.az.show") + "\n"
                    + "az container show" + common + " --query \"{state:instanceView.state, ip:ipAddress.ip}\" -o table\n"
                    + "# " + Texts.get("review.az.logs") + "\n"
                    + "az container logs" + common + " --follow\n"
                    + "# " + Texts.get("review.az.restart") + "\n"
                    + "az container restart" + common + "\n";
        }, model.specProperty(), instance);
    }

    static String fileName(String name) {
        return name + ".yml";
    }

    @Override
    public void entered() {
        runPreflight();
    }

    /** Runs every Azure check on the spec as it is now (read-only), in the background. */
    public void runPreflight() {
        AzureServices s = model.services();
        if (running != null) {
            running.cancel(true);
        }
        preflightDone.set(false);
        warningsConfirmed.set(false);
        preflight.clear();
        error.set("");
        if (s == null) {
            return;
        }
        GatewaySpec spec = model.deployableSpec();
        running = Tasks.run(() -> s.preflight().run(spec)).busy(busy)
                .onSuccess(list -> {
                    checked = spec;
                    preflight.setAll(list);
                    preflightDone.set(true);
                })
                .onError(e -> error.set(Explain.line(e))).start();
    }

    public boolean hasPreflightWarnings() {
        return preflight.stream().anyMatch(p -> p.severity() == Severity.WARNING);
    }

    @Override
    protected BooleanBinding extraValid() {
        return Bindings.createBooleanBinding(() -> preflightDone.get() && !busy.get() && !Problem.anyError(preflight)
                        && (warningsConfirmed.get() || !hasPreflightWarnings())
                        && checked != null && checked.equals(model.deployableSpec()),
                preflightDone, busy, preflight, warningsConfirmed, model.specProperty());
    }

    /** Writes every instance's manifest with the secrets in clear to an owner-only file (the user was warned). */
    public void saveFull(Path first) {
        save(first, SecretMode.FULL);
    }

    /** Writes every instance's manifest with the seed's placeholders instead of the secrets. */
    public void saveShareable(Path first) {
        save(first, SecretMode.SHAREABLE);
    }

    private void save(Path first, SecretMode mode) {
        GatewaySpec spec = model.deployableSpec();
        Tasks.run(() -> {
            List<String> docs = ManifestYaml.writeAll(spec, mode);
            for (int k = 1; k <= docs.size(); k++) {
                Path p = ManifestFiles.instanceFile(first, k);
                if (mode == SecretMode.FULL) {
                    ManifestFiles.writeOwnerOnly(p, docs.get(k - 1));
                } else {
                    AtomicFiles.write(p, docs.get(k - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
                }
            }
            return docs.size();
        }).onSuccess(n -> saved.set(Texts.get(mode == SecretMode.FULL ? "review.saved.full" : "review.saved.shareable", first, n)))
                .onError(e -> saved.set(Texts.get("review.save.failed", Explain.of(e).message()))).start();
    }
}
