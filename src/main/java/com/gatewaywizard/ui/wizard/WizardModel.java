package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Limits;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.spec.SpecValidator;
import com.gatewaywizard.ui.AppContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's shared state: every input of every step as a property, the {@link GatewaySpec} they make, and the
 * problems {@link SpecValidator} finds in it, recomputed on every change (fast, offline). Secrets are held here in
 * memory only; {@link #toDraft()} leaves them out. Use on the FX thread.
 */
public final class WizardModel {
    private final AppContext context;

    public final StringProperty subscriptionId = new SimpleStringProperty("");
    public final StringProperty resourceGroup = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty("");
    public final StringProperty subnetId = new SimpleStringProperty("");
    public final StringProperty dockerUser = new SimpleStringProperty("");
    /** The Docker Hub token as typed (memory only). */
    public final StringProperty dockerPat = new SimpleStringProperty("");
    /** The gateway config as pasted (memory only). */
    public final StringProperty gatewayConfig = new SimpleStringProperty("");
    public final StringProperty name = new SimpleStringProperty("keeper-gateway");
    public final StringProperty image = new SimpleStringProperty(GatewaySpec.DEFAULT_IMAGE);
    public final StringProperty cpu = new SimpleStringProperty(num(GatewaySpec.DEFAULT_CPU));
    public final StringProperty memoryGb = new SimpleStringProperty(num(GatewaySpec.DEFAULT_MEMORY_GB));
    public final BooleanProperty debugLogging = new SimpleBooleanProperty();
    public final ObjectProperty<LivenessProbe> liveness = new SimpleObjectProperty<>(LivenessProbe.NONE);
    public final IntegerProperty instances = new SimpleIntegerProperty(1);
    /** The region's CPU/memory maximum, once read from Azure. */
    public final ObjectProperty<Limits> limits = new SimpleObjectProperty<>(Limits.STANDARD_LINUX);

    private final ReadOnlyObjectWrapper<GatewaySpec> spec = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    /** Notes for the user from an import (what could not be mapped), shown on the first step. */
    public final ObservableList<String> importNotes = FXCollections.observableArrayList();
    /** The opt-in to keep the secrets in the OS keychain, and what the keychain did. */
    public final KeychainChoice keychain;

    public WizardModel(AppContext context) {
        this.context = context;
        Observable[] inputs = {subscriptionId, resourceGroup, region, subnetId, dockerUser, dockerPat, gatewayConfig, name,
            image, cpu, memoryGb, debugLogging, liveness, instances, limits};
        for (Observable o : inputs) {
            o.addListener(x -> recompute());
        }
        recompute();
        keychain = new KeychainChoice(this);
    }

    public AppContext context() {
        return context;
    }

    public AzureServices services() {
        return context.services();
    }

    private void recompute() {
        GatewaySpec s = buildSpec();
        spec.set(s);
        problems.setAll(SpecValidator.validate(s, limits.get()));
    }

    private GatewaySpec buildSpec() {
        return GatewaySpec.builder()
                .subscriptionId(subscriptionId.get()).resourceGroup(resourceGroup.get()).region(region.get())
                .name(name.get()).subnetId(subnetId.get()).dockerUser(dockerUser.get())
                .dockerPat(Secret.of(dockerPat.get())).gatewayConfig(Secret.of(gatewayConfig.get()))
                .image(image.get()).cpu(parse(cpu.get())).memoryGb(parse(memoryGb.get()))
                .debugLogging(debugLogging.get()).liveness(liveness.get()).instances(instances.get())
                .build();
    }

    /** The spec as typed (not normalised); changes with every input. */
    public ReadOnlyObjectProperty<GatewaySpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** The spec to preview and deploy: {@link SpecValidator#normalize} of the inputs (pastes cleaned). */
    public GatewaySpec deployableSpec() {
        return SpecValidator.normalize(spec.get());
    }

    /** Every problem of the current inputs, in field order. */
    public ObservableList<Problem> problems() {
        return problems;
    }

    public List<Problem> problems(List<String> fields) {
        return problems.stream().filter(p -> fields.contains(p.field())).toList();
    }

    static double parse(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Fills the inputs from a spec (an import, or a redeploy). Secrets only when the spec has them. */
    public void apply(GatewaySpec s) {
        subscriptionId.set(s.subscriptionId());
        resourceGroup.set(s.resourceGroup());
        region.set(s.region());
        subnetId.set(s.subnetId());
        dockerUser.set(s.dockerUser());
        if (!s.dockerPat().isEmpty()) {
            dockerPat.set(s.dockerPat().reveal());
        }
        if (!s.gatewayConfig().isEmpty()) {
            gatewayConfig.set(s.gatewayConfig().reveal());
        }
        name.set(s.name().isEmpty() ? "keeper-gateway" : s.name());
        image.set(s.image());
        cpu.set(num(s.cpu()));
        memoryGb.set(num(s.memoryGb()));
        debugLogging.set(s.debugLogging());
        liveness.set(s.liveness());
        instances.set(Math.max(1, s.instances()));
    }

    /** Back to an empty wizard (keeps the sign-in, which lives in the app context). */
    public void reset() {
        apply(GatewaySpec.builder().build());
        dockerPat.set("");
        gatewayConfig.set("");
        importNotes.clear();
        limits.set(Limits.STANDARD_LINUX);
        keychain.reset();
    }

    // ---- draft (never with secrets) ------------------------------------------------------------------------------

    public WizardDraft toDraft() {
        return new WizardDraft(subscriptionId.get(), resourceGroup.get(), region.get(), subnetId.get(), dockerUser.get(),
                name.get(), image.get(), cpu.get(), memoryGb.get(), debugLogging.get(), liveness.get().cliName(), instances.get(),
                keychain.remember.get());
    }

    /** Fills the inputs from a draft (secrets stay as they are: a draft has none). */
    public void fromDraft(WizardDraft d) {
        subscriptionId.set(nz(d.subscriptionId(), ""));
        resourceGroup.set(nz(d.resourceGroup(), ""));
        region.set(nz(d.region(), ""));
        subnetId.set(nz(d.subnetId(), ""));
        dockerUser.set(nz(d.dockerUser(), ""));
        name.set(nz(d.name(), "keeper-gateway"));
        image.set(nz(d.image(), GatewaySpec.DEFAULT_IMAGE));
        cpu.set(nz(d.cpu(), num(GatewaySpec.DEFAULT_CPU)));
        memoryGb.set(nz(d.memoryGb(), num(GatewaySpec.DEFAULT_MEMORY_GB)));
        debugLogging.set(d.debugLogging());
        liveness.set(LivenessProbe.fromCliName(d.liveness()).orElse(LivenessProbe.NONE));
        instances.set(Math.max(1, Math.min(GatewaySpec.MAX_INSTANCES, d.instances())));
        keychain.remember.set(d.rememberSecrets());
    }

    private static String nz(String v, String dflt) {
        return v == null ? dflt : v;
    }

    /** All observable inputs that a draft holds (for "save as the user goes"). */
    public List<Observable> draftInputs() {
        return new ArrayList<>(List.of(subscriptionId, resourceGroup, region, subnetId, dockerUser, name, image, cpu,
                memoryGb, debugLogging, liveness, instances, keychain.remember));
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
