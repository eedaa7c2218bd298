package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.SubnetInfo;
import com.gatewaywizard.azure.VnetInfo;
import com.gatewaywizard.spec.ArmNames;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import com.gatewaywizard.ui.Explain;
import com.gatewaywizard.ui.Tasks;
import com.gatewaywizard.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 3: the subscription's VNets and subnets. A subnet used by other resources cannot be chosen (the reason is
 * shown); an empty undelegated one can be delegated to ACI from here (a subnet-only change, after confirmation); a
 * subnet in another region than the gateway's is explained. The subnet id can also be pasted.
 */
public final class NetworkViewModel extends StepViewModel {
    public final ObservableList<VnetInfo> networks = FXCollections.observableArrayList();
    /** The subnet the id points at, when it is one of the listed subnets. */
    public final ObjectProperty<SubnetInfo> selected = new SimpleObjectProperty<>();
    public final BooleanProperty delegating = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private String loadedFor = "";
    private AzureServices loadedWith;

    public NetworkViewModel(WizardModel model) {
        super(model, "subnetId");
        model.subnetId.addListener((o, a, b) -> resolve());
        model.region.addListener((o, a, b) -> check());
        networks.addListener((javafx.collections.ListChangeListener<VnetInfo>) c -> resolve());
        model.gatewayConfig.addListener((o, a, b) -> nsgFindings.clear()); // judged against the config's Keeper region
    }

    /** The spec says "Pick the subnet in the Network step": on this very step, point at the list instead. */
    @Override
    protected Problem worded(Problem p) {
        String elsewhere = "Pick the subnet in the Network step";
        if (p.fix().startsWith(elsewhere)) {
            return new Problem(p.severity(), p.code(), p.field(), p.message(),
                    Texts.get("network.fix.pick") + p.fix().substring(elsewhere.length()));
        }
        return p;
    }

    @Override
    public String id() {
        return "network";
    }

    @Override
    public void entered() {
        AzureServices s = model.services();
        String sub = model.subscriptionId.get();
        if (s != null && ArmNames.isGuid(sub) && (!sub.equalsIgnoreCase(loadedFor) || s != loadedWith)) {
            reload();
        }
    }

    public void reload() {
        AzureServices s = model.services();
        String sub = model.subscriptionId.get();
        if (s == null || !ArmNames.isGuid(sub)) {
            return;
        }
        error.set("");
        loaded.set(false);
        nsgFindings.clear();
        Tasks.run(() -> s.catalog().networks(sub)).busy(busy)
                .onSuccess(list -> {
                    loadedFor = sub;
                    loadedWith = s;
                    networks.setAll(list);
                    loaded.set(true);
                    resolve();
                })
                .onError(e -> error.set(Explain.line(e))).start();
    }

    public List<SubnetInfo> allSubnets() {
        return networks.stream().flatMap(v -> v.subnets().stream()).toList();
    }

    private SubnetInfo find(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String want = id.strip();
        return allSubnets().stream().filter(s -> s.id().equalsIgnoreCase(want)).findFirst().orElse(null);
    }

    private void resolve() {
        selected.set(find(model.subnetId.get()));
        check();
    }

    /** Why this subnet cannot take the gateway at all (used by other resources), or null when it can. */
    public String blockedReason(SubnetInfo s) {
        if (s.usedByOthers()) {
            return Texts.get("network.used", s.usedBy().stream().map(NetworkViewModel::lastSegment).distinct()
                    .reduce((a, b) -> a + ", " + b).orElse(""));
        }
        if (!s.delegations().isEmpty() && !s.delegatedToAci()) {
            return Texts.get("network.other.delegation", String.join(", ", s.delegations()));
        }
        return null;
    }

    /** The status text of a subnet in the table. */
    public String status(SubnetInfo s) {
        String blocked = blockedReason(s);
        if (blocked != null) {
            return blocked;
        }
        if (!s.delegatedToAci()) {
            return Texts.get("network.status.undelegated");
        }
        if (!sameRegion(s)) {
            return Texts.get("network.status.region", s.location());
        }
        if (s.nsgId() != null) {
            List<Problem> found = nsgFindings.get(s.id().toLowerCase(Locale.ROOT));
            if (found != null && !found.isEmpty()) {
                return Texts.get(Problem.anyError(found) ? "network.status.nsg.blocks" : "network.status.nsg.slow", lastSegment(s.nsgId()));
            }
            return Texts.get("network.status.nsg", lastSegment(s.nsgId()));
        }
        return Texts.get("network.status.ready");
    }

    /**
     * Preflight's NSG findings for a subnet with a network security group. Preflight judges the group's outbound rules
     * against the endpoints of the gateway config's Keeper region, so this runs only once a valid config is in the
     * wizard (imported, or entered and come Back); until then the step says that the rules are checked before deploy.
     */
    private void checkNsg(SubnetInfo s) {
        AzureServices az = model.services();
        if (az == null || s == null || s.nsgId() == null || nsgFindings.containsKey(s.id().toLowerCase(Locale.ROOT))
                || model.problems(List.of("gatewayConfig")).stream().anyMatch(Problem::isError)
                || model.gatewayConfig.get().isBlank()) {
            return;
        }
        GatewaySpec spec = model.deployableSpec();
        String key = s.id().toLowerCase(Locale.ROOT);
        Tasks.run(() -> az.preflight().run(spec).stream().filter(p -> NSG_CODES.contains(p.code())).toList())
                .onSuccess(list -> {
                    nsgFindings.put(key, list);
                    check();
                    networks.setAll(List.copyOf(networks)); // the table shows the new status
                })
                .onError(e -> { /* the Review step's preflight runs it again and shows the error there */ }).start();
    }

    private static final java.util.Set<String> NSG_CODES = java.util.Set.of(ProblemCodes.NSG_BLOCKS_KEEPER, ProblemCodes.NSG_BLOCKS_RELAY);
    /** Preflight's NSG problems by subnet id (lower case), for the subnets checked so far. */
    private final java.util.Map<String, List<Problem>> nsgFindings = new java.util.HashMap<>();

    private boolean sameRegion(SubnetInfo s) {
        return model.region.get().isBlank() || s.location() == null || s.location().equalsIgnoreCase(model.region.get());
    }

    /** Chooses a subnet; refused (false) when it is used by other resources. */
    public boolean select(SubnetInfo s) {
        if (s == null || blockedReason(s) != null) {
            return false;
        }
        model.subnetId.set(s.id());
        return true;
    }

    /** The selected subnet can be delegated from here: empty and not delegated at all. */
    public boolean canDelegate() {
        SubnetInfo s = selected.get();
        return s != null && !s.usedByOthers() && s.delegations().isEmpty();
    }

    /** Exactly what "Delegate to ACI" will change, for the confirmation. */
    public String delegationPlan() {
        SubnetInfo s = selected.get();
        if (s == null) {
            return "";
        }
        return Texts.get("network.delegate.plan", s.name(), s.vnetName(), s.resourceGroup(), s.addressPrefix(),
                SubnetInfo.ACI_DELEGATION);
    }

    /** Adds the ACI delegation to the selected subnet (a PUT of that subnet only) and shows it as it now is. */
    public void delegate() {
        AzureServices s = model.services();
        SubnetInfo sub = selected.get();
        if (s == null || !canDelegate() || delegating.get()) {
            return;
        }
        error.set("");
        Tasks.run(() -> s.catalog().delegateSubnet(sub.id())).busy(delegating)
                .onSuccess(updated -> {
                    List<VnetInfo> copy = new ArrayList<>();
                    for (VnetInfo v : networks) {
                        List<SubnetInfo> subs = v.subnets().stream()
                                .map(x -> x.id().equalsIgnoreCase(updated.id()) ? updated : x).toList();
                        copy.add(new VnetInfo(v.id(), v.name(), v.resourceGroup(), v.location(), v.addressPrefixes(), subs));
                    }
                    networks.setAll(copy);
                })
                .onError(e -> error.set(Explain.line(e))).start();
    }

    /** When the subnet is in another region than the gateway: that region, else null. */
    public String mismatchRegion() {
        SubnetInfo s = selected.get();
        return s != null && !sameRegion(s) ? s.location() : null;
    }

    /** Moves the gateway to the subnet's region (ACI needs both in the same region). */
    public void useSubnetRegion() {
        String r = mismatchRegion();
        if (r != null) {
            model.region.set(r);
        }
    }

    private void check() {
        List<Problem> p = new ArrayList<>();
        String id = model.subnetId.get();
        SubnetInfo s = selected.get();
        boolean idOk = model.problems(List.of("subnetId")).stream().noneMatch(Problem::isError);
        if (s != null) {
            String blocked = blockedReason(s);
            if (blocked != null) {
                p.add(Problem.error("SUBNET_IN_USE", "subnetId", Texts.get("network.problem.used", s.name(), blocked),
                        Texts.get("network.problem.used.fix")));
            } else if (!s.delegatedToAci()) {
                p.add(Problem.error("SUBNET_NOT_DELEGATED", "subnetId", Texts.get("network.problem.undelegated", s.name()),
                        Texts.get("network.problem.undelegated.fix")));
            }
            if (!sameRegion(s)) {
                p.add(Problem.error("SUBNET_OTHER_REGION", "subnetId",
                        Texts.get("network.problem.region", s.name(), s.location(), model.region.get()),
                        Texts.get("network.problem.region.fix", s.location())));
            }
            if (blocked == null && s.nsgId() != null) {
                List<Problem> found = nsgFindings.get(s.id().toLowerCase(Locale.ROOT));
                if (found == null) {
                    p.add(Problem.info(ProblemCodes.SUBNET_HAS_NSG, "subnetId", Texts.get("network.problem.nsg", s.name(), lastSegment(s.nsgId())),
                            Texts.get("network.problem.nsg.fix")));
                    checkNsg(s);
                } else {
                    // Preflight's own words: rule, priority, port, host and what it breaks (an NSG that blocks TCP 443
                    // to Keeper is an error, a blocked relay port a warning), as the Review step will show them.
                    p.addAll(found);
                }
            }
        } else if (idOk && loaded.get() && !id.isBlank()) {
            p.add(Problem.error("SUBNET_NOT_FOUND", "subnetId", Texts.get("network.problem.notfound"),
                    Texts.get("network.problem.notfound.fix")));
        }
        if (!p.equals(own)) {
            own.setAll(p);
        }
    }

    @Override
    protected BooleanBinding extraValid() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !busy.get(), selected, busy);
    }

    static String lastSegment(String id) {
        String[] parts = id.split("/");
        // NIC ip configurations: .../networkInterfaces/<nic>/ipConfigurations/<ip>: show the NIC
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].toLowerCase(Locale.ROOT).equals("networkinterfaces")) {
                return parts[i + 1];
            }
        }
        return parts[parts.length - 1];
    }
}
