package com.gatewaywizard.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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

    public WizardModel(AppContext context) {
        this.context = context;
        Observable[] inputs = {subscriptionId, resourceGroup, region, subnetId, dockerUser, dockerPat, gatewayConfig, name,
            image, cpu, memoryGb, debugLogging, liveness, instances, limits};
        for (Observable o : inputs) {
            o.addListener(x -> recompute());
        }
        recompute();
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
    }

    // ---- draft (never with secrets) ------------------------------------------------------------------------------

    public String toDraft() {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", 1);
        n.put("subscriptionId", subscriptionId.get());
        n.put("resourceGroup", resourceGroup.get());
        n.put("region", region.get());
        n.put("subnetId", subnetId.get());
        n.put("dockerUser", dockerUser.get());
        n.put("name", name.get());
        n.put("image", image.get());
        n.put("cpu", cpu.get());
        n.put("memoryGb", memoryGb.get());
        n.put("debugLogging", debugLogging.get());
        n.put("liveness", liveness.get().cliName());
        n.put("instances", instances.get());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills the inputs from a draft; throws {@link IllegalArgumentException} when it is not one. */
    public void fromDraft(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a draft", e);
        }
        if (n == null || !n.isObject() || n.path("version").asInt() != 1) {
            throw new IllegalArgumentException("not a draft");
        }
        subscriptionId.set(n.path("subscriptionId").asText(""));
        resourceGroup.set(n.path("resourceGroup").asText(""));
        region.set(n.path("region").asText(""));
        subnetId.set(n.path("subnetId").asText(""));
        dockerUser.set(n.path("dockerUser").asText(""));
        name.set(n.path("name").asText("keeper-gateway"));
        image.set(n.path("image").asText(GatewaySpec.DEFAULT_IMAGE));
        cpu.set(n.path("cpu").asText("2"));
        memoryGb.set(n.path("memoryGb").asText("8"));
        debugLogging.set(n.path("debugLogging").asBoolean(false));
        liveness.set(LivenessProbe.fromCliName(n.path("liveness").asText("none")).orElse(LivenessProbe.NONE));
        instances.set(Math.max(1, Math.min(GatewaySpec.MAX_INSTANCES, n.path("instances").asInt(1))));
    }

    /** All observable inputs that a draft holds (for "save as the user goes"). */
    public List<Observable> draftInputs() {
        return new ArrayList<>(List.of(subscriptionId, resourceGroup, region, subnetId, dockerUser, name, image, cpu,
                memoryGb, debugLogging, liveness, instances));
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
