package com.gatewaywizard.azure;

import static com.gatewaywizard.spec.ProblemCodes.CORE_QUOTA_EXCEEDED;
import static com.gatewaywizard.spec.ProblemCodes.NAME_TAKEN_NOT_OURS;
import static com.gatewaywizard.spec.ProblemCodes.NAME_TAKEN_RECREATE;
import static com.gatewaywizard.spec.ProblemCodes.NAME_TAKEN_TRANSITIONING;
import static com.gatewaywizard.spec.ProblemCodes.NAME_TAKEN_UPDATE;
import static com.gatewaywizard.spec.ProblemCodes.NSG_BLOCKS_KEEPER;
import static com.gatewaywizard.spec.ProblemCodes.NSG_BLOCKS_RELAY;
import static com.gatewaywizard.spec.ProblemCodes.AZURE_UNREACHABLE;
import static com.gatewaywizard.spec.ProblemCodes.PREFLIGHT_CHECK_FAILED;
import static com.gatewaywizard.spec.ProblemCodes.PROVIDER_NOT_REGISTERED;
import static com.gatewaywizard.spec.ProblemCodes.PROVIDER_REGISTERING;
import static com.gatewaywizard.spec.ProblemCodes.REGION_NOT_OFFERED;
import static com.gatewaywizard.spec.ProblemCodes.RESOURCE_GROUP_NOT_FOUND;
import static com.gatewaywizard.spec.ProblemCodes.SUBNET_DELEGATED_ELSEWHERE;
import static com.gatewaywizard.spec.ProblemCodes.SUBNET_IN_USE;
import static com.gatewaywizard.spec.ProblemCodes.SUBNET_NOT_DELEGATED;
import static com.gatewaywizard.spec.ProblemCodes.SUBNET_NOT_FOUND;
import static com.gatewaywizard.spec.ProblemCodes.SUBNET_OTHER_REGION;
import static com.gatewaywizard.spec.ProblemCodes.SUBSCRIPTION_NOT_FOUND;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import com.gatewaywizard.keeper.DecodeResult;
import com.gatewaywizard.keeper.Endpoint;
import com.gatewaywizard.keeper.GatewayConfig;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Limits;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.SpecValidator;
import com.gatewaywizard.spec.SubnetId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@link Preflight} on the SDK: the spec's own rules (with the region's real CPU/memory limits), then the live checks.
 * Read-only. A check that cannot be made (an Azure error) becomes a {@code PREFLIGHT_CHECK_FAILED} warning.
 */
final class AzurePreflight implements Preflight {
    private final AzureConnection c;

    AzurePreflight(AzureConnection c) {
        this.c = c;
    }

    private static boolean fieldOk(List<Problem> ps, String field) {
        return ps.stream().noneMatch(p -> p.isError() && p.field().equals(field));
    }

    @Override
    public List<Problem> run(GatewaySpec spec) {
        List<Problem> basic = SpecValidator.validate(spec);
        List<Problem> live = new ArrayList<>();
        if (!fieldOk(basic, "subscriptionId")) {
            return basic;
        }
        String sub = spec.subscriptionId();
        AzureCatalog catalog = (AzureCatalog) c.catalog();

        // Subscription and provider. When this first call cannot reach Azure at all, neither can the others (each
        // would wait through its retries for the same answer): one error, nothing else checked.
        Boolean visible;
        try {
            visible = subscriptionVisible(sub);
        } catch (RuntimeException e) {
            if (AzureProblems.isCancellation(e)) {
                throw e;
            }
            Explanation x = AzureProblems.explain(e, c.environment().getResourceManagerEndpoint(), c.cloud() == CloudKind.SIMULATOR);
            if (AzureProblems.NETWORK.equals(x.code())) {
                live.add(Problem.error(AZURE_UNREACHABLE, CLOUD_FIELD, x.title() + ": " + x.message()
                        + " Nothing was checked or changed.", x.nextStep()));
                return merge(basic, live);
            }
            visible = check(live, "subscriptionId", "the subscription", () -> {
                throw e;
            });
        }
        if (Boolean.FALSE.equals(visible)) {
            live.add(Problem.error(SUBSCRIPTION_NOT_FOUND, "subscriptionId", "Subscription " + sub + " is not visible to the signed-in account.",
                    "Choose one of the subscriptions the wizard lists, or sign in to the tenant that holds it."));
            return merge(basic, live);
        }
        ProviderState provider = check(live, "subscriptionId", "the Container Instances registration", () -> catalog.providerState(sub));
        boolean registered = provider == ProviderState.REGISTERED;
        if (provider == ProviderState.NOT_REGISTERED || provider == ProviderState.UNREGISTERING) {
            live.add(Problem.error(PROVIDER_NOT_REGISTERED, "subscriptionId",
                    "The subscription has not registered Microsoft.ContainerInstance, which Azure needs before it creates container groups.",
                    "Register it (Gateway Wizard can do it for you; it needs Contributor on the subscription and takes about a minute)."));
        } else if (provider == ProviderState.REGISTERING) {
            live.add(Problem.warning(PROVIDER_REGISTERING, "subscriptionId", "Microsoft.ContainerInstance is still being registered.",
                    "Wait until it is registered (about a minute), then deploy."));
        }

        // Three independent groups of checks run in parallel; their problems are merged in a fixed order.
        CompletableFuture<Names> names = async(() -> resourceGroupAndNames(spec, basic, registered));
        CompletableFuture<Region> regionPart = async(() -> region(spec, basic, registered, catalog));
        CompletableFuture<List<Problem>> subnetPart = async(() -> subnet(spec, basic, catalog));
        Names n = join(names);
        Region r = join(regionPart);
        List<Problem> subnetProblems = join(subnetPart);
        live.addAll(n.problems());
        live.addAll(r.problems());
        live.addAll(subnetProblems);
        List<Problem> rules = r.limits() == Limits.STANDARD_LINUX ? basic : SpecValidator.validate(spec, r.limits());

        // The cores the new instances need
        String region = AzureCatalog.norm(spec.region());
        if (registered && r.ok() && n.newInstances() > 0 && Double.isFinite(spec.cpu()) && spec.cpu() > 0) {
            CoreUsage cores = check(live, "instances", "the core quota", () -> catalog.cores(sub, region));
            double needed = spec.cpu() * n.newInstances();
            if (cores != null && needed > cores.free()) {
                live.add(Problem.error(CORE_QUOTA_EXCEEDED, "instances", "The deployment needs " + num(needed) + " cores, but only "
                        + cores.free() + " of " + cores.limit() + " Standard Cores are left in " + region + ".",
                        "Stop or delete container groups you no longer need there, choose another region or fewer/smaller instances, "
                                + "or request more quota (Azure portal → Quotas → Container Instances)."));
            }
        }
        return merge(rules, live);
    }

    private record Names(List<Problem> problems, int newInstances) {
    }

    private record Region(List<Problem> problems, Limits limits, boolean ok) {
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, c.workers());
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("cancelled");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** The resource group exists; which instance names are taken (and how); how many instances are new. */
    private Names resourceGroupAndNames(GatewaySpec spec, List<Problem> basic, boolean registered) {
        List<Problem> live = new ArrayList<>();
        String sub = spec.subscriptionId();
        boolean rgExists = false;
        if (fieldOk(basic, "resourceGroup")) {
            Boolean exists = check(live, "resourceGroup", "the resource group", () -> c.resourceManager(sub).resourceGroups()
                    .contain(spec.resourceGroup()));
            rgExists = Boolean.TRUE.equals(exists);
            if (Boolean.FALSE.equals(exists)) {
                live.add(Problem.error(RESOURCE_GROUP_NOT_FOUND, "resourceGroup", "Resource group " + spec.resourceGroup()
                        + " does not exist in the subscription.", "Create it on the first step, or pick an existing one."));
            }
        }
        int newInstances = 0;
        if (registered && rgExists && fieldOk(basic, "name")) {
            for (int k = 1; k <= Math.max(1, spec.instances()); k++) {
                String name = spec.instanceName(k);
                GatewayRef ref = new GatewayRef(sub, spec.resourceGroup(), name);
                Optional<ContainerGroupInner> existing = check(live, "name", "whether " + name + " exists",
                        () -> Optional.ofNullable(AzureDeployer.getOrNull(c.aci(sub).getContainerGroups(), ref)));
                if (existing == null) {
                    continue;
                }
                if (existing.isEmpty()) {
                    newInstances++;
                    continue;
                }
                nameChecks(spec, name, Statuses.of(ref, existing.get()), live);
            }
        } else {
            newInstances = Math.max(1, spec.instances());
        }
        return new Names(live, newInstances);
    }

    /** The region offers Container Instances; its CPU/memory limits. */
    private Region region(GatewaySpec spec, List<Problem> basic, boolean registered, AzureCatalog catalog) {
        List<Problem> live = new ArrayList<>();
        String sub = spec.subscriptionId();
        Limits limits = Limits.STANDARD_LINUX;
        boolean ok = fieldOk(basic, "region");
        String region = AzureCatalog.norm(spec.region());
        if (ok) {
            List<RegionInfo> regions = check(live, "region", "the regions of Container Instances", () -> catalog.aciRegions(sub));
            if (regions != null && regions.stream().noneMatch(r -> r.name().equalsIgnoreCase(region))) {
                ok = false;
                live.add(Problem.error(REGION_NOT_OFFERED, "region", "Container Instances is not offered in " + spec.region()
                        + " for this subscription.", "Choose one of the regions the wizard lists."));
            }
        }
        if (ok && registered) {
            RegionLimits rl = check(live, "cpu", "the region's CPU and memory limits", () -> catalog.limits(sub, region));
            if (rl != null && rl.maxCpu() > 0 && rl.maxMemoryGb() > 0) {
                limits = new Limits(rl.maxCpu(), rl.maxMemoryGb());
            }
        }
        return new Region(live, limits, ok);
    }

    /** The subnet exists, is in the region, is delegated and unused; its NSG lets the gateway reach Keeper. */
    private List<Problem> subnet(GatewaySpec spec, List<Problem> basic, AzureCatalog catalog) {
        List<Problem> live = new ArrayList<>();
        Optional<SubnetId> subnetId = SubnetId.parse(spec.subnetId());
        if (!fieldOk(basic, "subnetId") || subnetId.isEmpty()) {
            return live;
        }
        Optional<SubnetInfo> found = check(live, "subnetId", "the subnet", () -> {
            try {
                return Optional.of(catalog.subnet(spec.subnetId()));
            } catch (ManagementException e) {
                if (status(e) == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
        if (found != null && found.isEmpty()) {
            live.add(Problem.error(SUBNET_NOT_FOUND, "subnetId", "Subnet " + subnetId.get().subnet() + " of virtual network "
                    + subnetId.get().vnet() + " does not exist in resource group " + subnetId.get().resourceGroup() + ".",
                    "Pick the subnet from the list on the Network step."));
        }
        if (found != null && found.isPresent()) {
            subnetChecks(spec, found.get(), AzureCatalog.norm(spec.region()), fieldOk(basic, "region"), live);
        }
        return live;
    }

    private static List<Problem> merge(List<Problem> rules, List<Problem> live) {
        List<Problem> out = new ArrayList<>(rules);
        out.addAll(live);
        return List.copyOf(out);
    }

    private void subnetChecks(GatewaySpec spec, SubnetInfo s, String region, boolean regionOk, List<Problem> live) {
        if (regionOk && s.location() != null && !AzureCatalog.norm(s.location()).equals(region)) {
            live.add(Problem.error(SUBNET_OTHER_REGION, "subnetId", "Subnet " + s.name() + " is in " + s.location() + ", but the gateway is deployed to "
                    + region + "; a container group can only use a subnet of its own region.",
                    "Choose a subnet of a VNet in " + region + ", or deploy to " + s.location() + "."));
        }
        if (s.usedByOthers()) {
            live.add(Problem.error(SUBNET_IN_USE, "subnetId", "Subnet " + s.name() + " is used by other resources (" + String.join(", ",
                    s.usedBy().stream().map(AzurePreflight::lastSegments).toList()) + "), so Container Instances cannot use it.",
                    "Pick an empty subnet, or create a new subnet just for the gateways."));
        } else if (!s.delegatedToAci()) {
            if (!s.delegations().isEmpty()) {
                live.add(Problem.error(SUBNET_DELEGATED_ELSEWHERE, "subnetId", "Subnet " + s.name() + " is delegated to "
                        + String.join(", ", s.delegations()) + ", not to " + SubnetInfo.ACI_DELEGATION + ".",
                        "Pick a subnet delegated to Container Instances, or an empty one the wizard can delegate."));
            } else {
                live.add(Problem.error(SUBNET_NOT_DELEGATED, "subnetId", "Subnet " + s.name() + " is not delegated to "
                        + SubnetInfo.ACI_DELEGATION + ".", "Let Gateway Wizard add the delegation (it changes only this subnet; needs "
                        + "Network Contributor on it), or pick a delegated subnet."));
            }
        }
        if (s.nsgId() != null) {
            nsgChecks(spec, s, live);
        }
    }

    private void nsgChecks(GatewaySpec spec, SubnetInfo s, List<Problem> live) {
        DecodeResult decoded = GatewayConfig.decode(spec.gatewayConfig().reveal());
        if (decoded.config().isEmpty()) {
            return; // the config's own problems are already listed
        }
        List<Endpoint> endpoints = decoded.config().get().endpoints();
        String[] parts = s.nsgId().split("/");
        String rg = Statuses.resourceGroupOf(s.nsgId());
        String name = parts[parts.length - 1];
        SubnetId sid = SubnetId.parse(s.id()).orElse(null);
        String nsgSub = sid == null ? spec.subscriptionId() : sid.subscriptionId();
        NetworkSecurityGroupInner nsg = check(live, "subnetId", "the subnet's network security group", () -> c.network(nsgSub).getNetworkSecurityGroups().getByResourceGroup(rg, name));
        if (nsg == null) {
            return;
        }
        for (NsgRules.Block b : NsgRules.blocked(nsg, endpoints)) {
            Endpoint e = b.endpoint();
            boolean fatal = e.protocol() == Endpoint.Protocol.TCP && e.covers(443);
            String what = e.protocol() + " " + b.ports() + " to " + e.host() + " (" + e.purpose() + ")";
            String msg = "NSG " + name + " rule '" + b.rule() + "' (priority " + b.priority() + ") denies outbound " + what + "."
                    + (fatal ? " The gateway cannot reach Keeper." : " Sessions fall back to TCP and may be slow or fail.");
            String fix = "Allow outbound " + e.protocol() + " " + e.ports() + " to " + e.host() + " with a rule of higher priority (a number below "
                    + b.priority() + "), or remove the deny rule.";
            live.add(fatal ? Problem.error(NSG_BLOCKS_KEEPER, "subnetId", msg, fix) : Problem.warning(NSG_BLOCKS_RELAY, "subnetId", msg, fix));
        }
    }

    private static void nameChecks(GatewaySpec spec, String name, GatewayStatus s, List<Problem> live) {
        if (!s.managedByUs()) {
            live.add(Problem.error(NAME_TAKEN_NOT_OURS, "name", "A container group named " + name + " already exists in " + spec.resourceGroup()
                    + " and was not deployed by Gateway Wizard" + (s.image() == null ? "" : " (image " + s.image() + ")") + ".",
                    "Choose another name; deploying would overwrite that group."));
            return;
        }
        boolean sizeChanged = Math.abs(s.cpu() - spec.cpu()) > 1e-9 || Math.abs(s.memoryGb() - spec.memoryGb()) > 1e-9;
        if (sizeChanged) {
            live.add(Problem.error(NAME_TAKEN_RECREATE, "name", "Gateway " + name + " exists with " + num(s.cpu()) + " CPU / " + num(s.memoryGb())
                    + " GB; Azure cannot change CPU or memory in place.",
                    "Keep " + num(s.cpu()) + " CPU / " + num(s.memoryGb()) + " GB, or delete " + name + " first and deploy again."));
        } else if (s.transitioning()) {
            live.add(Problem.warning(NAME_TAKEN_TRANSITIONING, "name", "Gateway " + name + " is still " + (s.provisioningState() == null ? "changing"
                    : s.provisioningState().toLowerCase(Locale.ROOT)) + ".", "Wait until it settles; deploying now resumes watching it."));
        } else {
            live.add(Problem.info(NAME_TAKEN_UPDATE, "name", "Gateway " + name + " already exists; deploying updates it in place.",
                    "Nothing to do, unless you meant a new gateway: then choose another name."));
        }
    }

    private static String lastSegments(String id) {
        if (id == null) {
            return "?";
        }
        String[] p = id.split("/");
        return p.length >= 3 ? p[p.length - 3] + "/" + p[p.length - 1] : id;
    }

    private static int status(ManagementException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    }

    /** Whether the signed-in account sees the subscription (false on 404/403); other Azure errors are thrown. */
    private boolean subscriptionVisible(String sub) {
        try {
            c.resourceManager(sub).subscriptions().getById(sub);
            return true;
        } catch (ManagementException e) {
            if (status(e) == 404 || status(e) == 403) {
                return false;
            }
            throw e;
        }
    }

    /** Runs one live check; an Azure error becomes a PREFLIGHT_CHECK_FAILED warning and null. */
    static <T> T check(List<Problem> live, String field, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (AzureProblems.isCancellation(e)) {
                throw e;
            }
            Explanation x = AzureProblems.explain(e);
            // a check that failed on the way to Azure (connection, TLS) says nothing about its input: name the cloud
            boolean endpoint = AzureProblems.NETWORK.equals(x.code()) || AzureProblems.TLS_UNTRUSTED.equals(x.code());
            live.add(Problem.warning(PREFLIGHT_CHECK_FAILED, endpoint ? CLOUD_FIELD : field, "Could not check " + what + ": " + x.title()
                    + (x.message().isEmpty() ? "" : " (" + x.message() + ")"), x.nextStep()));
            return null;
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Outbound NSG evaluation: the first rule by priority that matches a port decides it. */
    static final class NsgRules {
        record Block(String rule, int priority, Endpoint endpoint, String ports) {
        }

        private NsgRules() {
        }

        static List<Block> blocked(NetworkSecurityGroupInner nsg, List<Endpoint> endpoints) {
            List<SecurityRuleInner> rules = new ArrayList<>();
            if (nsg.securityRules() != null) {
                rules.addAll(nsg.securityRules());
            }
            if (nsg.defaultSecurityRules() != null) {
                rules.addAll(nsg.defaultSecurityRules());
            }
            rules.removeIf(r -> r.direction() == null || !"Outbound".equalsIgnoreCase(r.direction().toString()) || r.priority() == null);
            rules.sort(Comparator.comparingInt(SecurityRuleInner::priority));
            List<Block> out = new ArrayList<>();
            for (Endpoint e : endpoints) {
                List<int[]> open = new ArrayList<>(List.of(new int[] {e.portFrom(), e.portTo()}));
                for (SecurityRuleInner r : rules) {
                    if (open.isEmpty()) {
                        break;
                    }
                    if (!protocolMatches(r, e) || !destinationMatches(r)) {
                        continue;
                    }
                    List<int[]> ranges = ranges(r);
                    List<int[]> decided = intersect(open, ranges);
                    if (decided.isEmpty()) {
                        continue;
                    }
                    if ("Deny".equalsIgnoreCase(String.valueOf(r.access()))) {
                        out.add(new Block(r.name(), r.priority(), e, text(decided)));
                    }
                    open = subtract(open, ranges);
                }
            }
            return out;
        }

        private static boolean protocolMatches(SecurityRuleInner r, Endpoint e) {
            String p = r.protocol() == null ? "*" : r.protocol().toString();
            return p.equals("*") || p.equalsIgnoreCase("Any") || p.equalsIgnoreCase(e.protocol().name());
        }

        /** Rules aimed at the Internet or everywhere; rules for specific addresses cannot be judged against host names. */
        private static boolean destinationMatches(SecurityRuleInner r) {
            if (r.destinationApplicationSecurityGroups() != null && !r.destinationApplicationSecurityGroups().isEmpty()) {
                return false;
            }
            List<String> d = new ArrayList<>();
            if (r.destinationAddressPrefix() != null) {
                d.add(r.destinationAddressPrefix());
            }
            if (r.destinationAddressPrefixes() != null) {
                d.addAll(r.destinationAddressPrefixes());
            }
            return d.stream().anyMatch(x -> x.equals("*") || x.equalsIgnoreCase("Internet") || x.equals("0.0.0.0/0") || x.equalsIgnoreCase("Any"));
        }

        static List<int[]> ranges(SecurityRuleInner r) {
            List<String> specs = new ArrayList<>();
            if (r.destinationPortRange() != null) {
                specs.add(r.destinationPortRange());
            }
            if (r.destinationPortRanges() != null) {
                specs.addAll(r.destinationPortRanges());
            }
            List<int[]> out = new ArrayList<>();
            for (String s : specs) {
                String t = s.strip();
                if (t.equals("*")) {
                    out.add(new int[] {0, 65535});
                } else if (t.contains("-")) {
                    String[] ab = t.split("-");
                    try {
                        out.add(new int[] {Integer.parseInt(ab[0].strip()), Integer.parseInt(ab[1].strip())});
                    } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
                        // not a port range
                    }
                } else if (!t.isEmpty()) {
                    try {
                        int p = Integer.parseInt(t);
                        out.add(new int[] {p, p});
                    } catch (NumberFormatException ignored) {
                        // not a port
                    }
                }
            }
            return out;
        }

        static List<int[]> intersect(List<int[]> a, List<int[]> b) {
            List<int[]> out = new ArrayList<>();
            for (int[] x : a) {
                for (int[] y : b) {
                    int lo = Math.max(x[0], y[0]);
                    int hi = Math.min(x[1], y[1]);
                    if (lo <= hi) {
                        out.add(new int[] {lo, hi});
                    }
                }
            }
            return out;
        }

        static List<int[]> subtract(List<int[]> a, List<int[]> b) {
            List<int[]> cur = a;
            for (int[] y : b) {
                List<int[]> next = new ArrayList<>();
                for (int[] x : cur) {
                    if (y[1] < x[0] || y[0] > x[1]) {
                        next.add(x);
                        continue;
                    }
                    if (x[0] < y[0]) {
                        next.add(new int[] {x[0], y[0] - 1});
                    }
                    if (x[1] > y[1]) {
                        next.add(new int[] {y[1] + 1, x[1]});
                    }
                }
                cur = next;
            }
            return cur;
        }

        private static String text(List<int[]> ranges) {
            List<String> s = new ArrayList<>();
            for (int[] r : ranges) {
                s.add(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1]);
            }
            return String.join(", ", s);
        }
    }
}
