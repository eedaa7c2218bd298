package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.ProviderState;
import com.gatewaywizard.azure.RegionInfo;
import com.gatewaywizard.azure.RegionLimits;
import com.gatewaywizard.azure.ResourceGroupInfo;
import com.gatewaywizard.azure.SubscriptionInfo;
import com.gatewaywizard.azure.TenantInfo;
import com.gatewaywizard.spec.ArmNames;
import com.gatewaywizard.spec.Limits;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.ui.Explain;
import com.gatewaywizard.ui.Tasks;
import com.gatewaywizard.ui.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 2: subscription (searchable, grouped by tenant), resource group (existing, or created here), region (only
 * where ACI is offered, defaulting to the group's), and the Microsoft.ContainerInstance registration with a
 * one-click Register.
 */
public final class PlaceViewModel extends StepViewModel {
    public final ObservableList<TenantInfo> tenants = FXCollections.observableArrayList();
    public final ObservableList<SubscriptionInfo> subscriptions = FXCollections.observableArrayList();
    public final StringProperty filter = new SimpleStringProperty("");
    public final ObservableList<ResourceGroupInfo> groups = FXCollections.observableArrayList();
    public final ObservableList<RegionInfo> regions = FXCollections.observableArrayList();
    public final ObjectProperty<ProviderState> provider = new SimpleObjectProperty<>();
    public final BooleanProperty registering = new SimpleBooleanProperty();
    public final StringProperty newGroupName = new SimpleStringProperty("");
    /** Whose subscriptions are loaded (to reload after a new sign-in). */
    private AzureServices loadedFor;
    private String groupsLoadedFor = "";

    public PlaceViewModel(WizardModel model) {
        super(model, "subscriptionId", "resourceGroup", "region");
        model.subscriptionId.addListener((o, a, b) -> subscriptionChanged());
        model.resourceGroup.addListener((o, a, b) -> groupChanged());
        model.region.addListener((o, a, b) -> {
            loadLimits();
            check();
        });
        groups.addListener((javafx.collections.ListChangeListener<ResourceGroupInfo>) c -> check());
        regions.addListener((javafx.collections.ListChangeListener<RegionInfo>) c -> check());
        provider.addListener((o, a, b) -> check());
        newGroupName.addListener((o, a, b) -> check());
        busy.addListener((o, a, b) -> check());
    }

    @Override
    public String id() {
        return "place";
    }

    @Override
    public void entered() {
        AzureServices s = model.services();
        if (s != null && s != loadedFor) {
            loadedFor = s;
            groupsLoadedFor = "";
            load(s);
        } else if (s != null && model.subscriptionId.get().isBlank() && subscriptions.size() == 1) {
            model.subscriptionId.set(subscriptions.get(0).id()); // as on the first visit (e.g. after a new deployment)
        } else if (s != null && !groupsLoadedFor.equalsIgnoreCase(model.subscriptionId.get())) {
            subscriptionChanged();
        }
    }

    private void load(AzureServices s) {
        error.set("");
        Tasks.run(() -> new Object[] {s.tenants(), s.subscriptions()}).busy(busy)
                .onSuccess(r -> {
                    @SuppressWarnings("unchecked") List<TenantInfo> t = (List<TenantInfo>) r[0];
                    @SuppressWarnings("unchecked") List<SubscriptionInfo> subs = (List<SubscriptionInfo>) r[1];
                    tenants.setAll(t);
                    subscriptions.setAll(subs);
                    if (model.subscriptionId.get().isBlank() && subs.size() == 1) {
                        model.subscriptionId.set(subs.get(0).id());
                    } else {
                        subscriptionChanged();
                    }
                })
                .onError(e -> error.set(Explain.line(e))).start();
    }

    /** Subscriptions matching the search, grouped by tenant (tenant name → subscriptions), tenants in order. */
    public Map<String, List<SubscriptionInfo>> grouped() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        Map<String, List<SubscriptionInfo>> out = new LinkedHashMap<>();
        for (SubscriptionInfo s : subscriptions) {
            if (!f.isEmpty() && !s.displayName().toLowerCase(Locale.ROOT).contains(f) && !s.id().toLowerCase(Locale.ROOT).contains(f)) {
                continue;
            }
            out.computeIfAbsent(tenantName(s.tenantId()), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    public String tenantName(String tenantId) {
        for (TenantInfo t : tenants) {
            if (t.id().equalsIgnoreCase(tenantId)) {
                String name = t.displayName() == null || t.displayName().isBlank() ? t.id() : t.displayName();
                return t.defaultDomain() == null ? name : name + " (" + t.defaultDomain() + ")";
            }
        }
        return tenantId == null ? "" : tenantId;
    }

    private void subscriptionChanged() {
        AzureServices s = model.services();
        String sub = model.subscriptionId.get();
        check();
        if (s == null || !ArmNames.isGuid(sub)) {
            return;
        }
        groupsLoadedFor = sub;
        error.set("");
        provider.set(null);
        Tasks.run(() -> new Object[] {s.catalog().resourceGroups(sub), s.catalog().aciRegions(sub), s.catalog().providerState(sub)})
                .busy(busy)
                .onSuccess(r -> {
                    if (!sub.equals(model.subscriptionId.get())) {
                        return;
                    }
                    @SuppressWarnings("unchecked") List<ResourceGroupInfo> g = (List<ResourceGroupInfo>) r[0];
                    @SuppressWarnings("unchecked") List<RegionInfo> reg = (List<RegionInfo>) r[1];
                    groups.setAll(g);
                    regions.setAll(reg);
                    provider.set((ProviderState) r[2]);
                    groupChanged();
                    loadLimits();
                })
                .onError(e -> error.set(Explain.line(e))).start();
    }

    private void groupChanged() {
        ResourceGroupInfo g = group(model.resourceGroup.get());
        if (g != null && model.region.get().isBlank() && g.location() != null) {
            model.region.set(g.location());
        }
        check();
    }

    private ResourceGroupInfo group(String name) {
        return groups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public RegionInfo region(String name) {
        return regions.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private void loadLimits() {
        AzureServices s = model.services();
        String sub = model.subscriptionId.get();
        String reg = model.region.get();
        if (s == null || !ArmNames.isGuid(sub) || reg.isBlank() || region(reg) == null) {
            return;
        }
        Tasks.run(() -> s.catalog().limits(sub, reg))
                .onSuccess((RegionLimits l) -> {
                    if (reg.equals(model.region.get()) && l.maxCpu() >= Limits.MIN && l.maxMemoryGb() >= Limits.MIN) {
                        model.limits.set(new Limits(l.maxCpu(), l.maxMemoryGb()));
                    }
                })
                .onError(e -> { /* the validator keeps the standard limits; preflight checks again */ })
                .start();
    }

    /** The step's own problems: group must exist, region must offer ACI, provider must be registered. */
    private void check() {
        List<Problem> p = new ArrayList<>();
        String rg = model.resourceGroup.get();
        boolean loaded = !groupsLoadedFor.isEmpty() && !busy.get();
        if (!rg.isBlank() && ArmNames.isResourceGroupName(rg) && loaded && group(rg) == null) {
            p.add(Problem.error("RESOURCE_GROUP_NOT_FOUND", "resourceGroup", Texts.get("place.rg.missing", rg),
                    Texts.get("place.rg.missing.fix")));
        }
        String reg = model.region.get();
        if (!reg.isBlank() && !regions.isEmpty() && region(reg) == null) {
            p.add(Problem.error("REGION_NO_ACI", "region", Texts.get("place.region.noaci", reg), Texts.get("place.region.noaci.fix")));
        }
        if (provider.get() != null && provider.get() != ProviderState.REGISTERED) {
            p.add(Problem.error("PROVIDER_NOT_REGISTERED", "subscriptionId", Texts.get("place.provider.missing"),
                    Texts.get("place.provider.missing.fix")));
        }
        if (!p.equals(own)) {
            own.setAll(p);
        }
    }

    @Override
    protected BooleanBinding extraValid() {
        return Bindings.createBooleanBinding(() -> !busy.get() && provider.get() == ProviderState.REGISTERED
                && group(model.resourceGroup.get()) != null && region(model.region.get()) != null,
                busy, provider, groups, regions, model.resourceGroup, model.region);
    }

    /** A problem with the new group's name, or empty. */
    public String newGroupProblem() {
        String n = newGroupName.get().strip();
        if (n.isEmpty()) {
            return Texts.get("place.rg.new.empty");
        }
        if (!ArmNames.isResourceGroupName(n)) {
            return Texts.get("place.rg.new.invalid");
        }
        if (group(n) != null) {
            return Texts.get("place.rg.new.exists");
        }
        if (region(model.region.get()) == null) {
            return Texts.get("place.rg.new.region");
        }
        return "";
    }

    /**
     * The new group's name as field problems, for its decoration: none while the name is empty; an invalid name is
     * an error, a name that exists already (or no region to create it in) a warning.
     */
    public List<Problem> newGroupNameProblems() {
        String n = newGroupName.get().strip();
        String p = newGroupProblem();
        if (n.isEmpty() || p.isEmpty()) {
            return List.of();
        }
        return List.of(ArmNames.isResourceGroupName(n) ? Problem.warning("RG_NEW_UNUSABLE", "newResourceGroup", p, "")
                : Problem.error("RG_NEW_INVALID", "newResourceGroup", p, ""));
    }

    public void createGroup() {
        AzureServices s = model.services();
        String n = newGroupName.get().strip();
        if (s == null || !newGroupProblem().isEmpty()) {
            return;
        }
        String sub = model.subscriptionId.get();
        String reg = model.region.get();
        error.set("");
        Tasks.run(() -> s.catalog().createResourceGroup(sub, n, reg)).busy(busy)
                .onSuccess(g -> {
                    groups.add(g);
                    model.resourceGroup.set(g.name());
                    newGroupName.set("");
                })
                .onError(e -> error.set(Explain.line(e))).start();
    }

    /** Registers Microsoft.ContainerInstance in the subscription and waits for it (progress shows meanwhile). */
    public void register() {
        AzureServices s = model.services();
        String sub = model.subscriptionId.get();
        if (s == null || registering.get()) {
            return;
        }
        error.set("");
        provider.set(ProviderState.REGISTERING);
        Tasks.run(() -> s.catalog().registerProvider(sub)).busy(registering)
                .onSuccess(state -> {
                    if (Objects.equals(sub, model.subscriptionId.get())) {
                        provider.set(state);
                    }
                })
                .onError(e -> {
                    provider.set(ProviderState.NOT_REGISTERED);
                    error.set(Explain.line(e));
                }).start();
    }
}
