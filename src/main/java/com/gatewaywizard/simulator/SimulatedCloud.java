package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Azure: in-memory state plus a clock. Thread-safe (one lock). State that changes with time (provisioning,
 * pulls, crash loops, registrations, deletions) is derived from stored timestamps on each read, so it is deterministic
 * for a given clock and survives a restart when the world is saved with {@code --state}.
 */
public final class SimulatedCloud {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCloud.class);
    static final String ACI = "Microsoft.ContainerInstance";
    static final String ACI_OPERATIONS_API = "2018-06-01";
    /** Async operations are kept this long after they finished. */
    private static final long OPERATION_RETENTION = 3_600_000;

    private final Clock clock;
    private final double speed;
    private final GatewayConfigCheck configCheck;
    private final StateStore store;
    private volatile Scenario scenario;
    private volatile Timing timing;
    private volatile GroupEngine engine;
    private volatile String baseUrl = "http://127.0.0.1";
    private World world;

    SimulatedCloud(SimulatorOptions options, StateStore store, World initial) {
        this.clock = options.clock();
        this.speed = options.speed();
        this.configCheck = options.configCheck();
        this.store = store;
        this.world = initial;
        applyScenario(options.scenario());
    }

    // ---- configuration ----------------------------------------------------------------------------------------

    public Scenario scenario() {
        return scenario;
    }

    /** Switches the scenario; takes effect for the next request (a running activation keeps its pull plan). */
    public synchronized void setScenario(Scenario s) {
        applyScenario(s);
        LOG.info("Simulator scenario switched to {}", s.cliName());
    }

    private void applyScenario(Scenario s) {
        this.scenario = s;
        this.timing = new Timing(speed, s == Scenario.SLOW ? Scenario.SLOW_FACTOR : 1);
        this.engine = new GroupEngine(timing, this::programs);
    }

    public long now() {
        return clock.millis();
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Puts the seeded world back (and saves it). */
    public synchronized void reset() {
        world = SeedWorld.build();
        changed();
    }

    /** The body of the last PUT of a container group exactly as received (secrets included), or null. Test use only. */
    public synchronized JsonNode lastPutBody(String subscription, String resourceGroup, String name) {
        World.ContainerGroup g = findGroup(subscription, resourceGroup, name);
        return g == null || g.lastPutBody == null ? null : g.lastPutBody.deepCopy();
    }

    synchronized String stateJson() {
        return ArmJson.write(ArmJson.MAPPER.valueToTree(world));
    }

    private void changed() {
        if (store != null) {
            store.save(world);
        }
    }

    // ---- lookups ----------------------------------------------------------------------------------------------

    private World.Subscription sub(String id) {
        World.Subscription s = world.subscription(id);
        if (s == null) {
            throw ArmException.subscriptionNotFound(id);
        }
        return s;
    }

    private World.ResourceGroup rg(World.Subscription s, String name) {
        World.ResourceGroup g = s.resourceGroup(name);
        if (g == null) {
            throw ArmException.resourceGroupNotFound(name);
        }
        return g;
    }

    private World.ContainerGroup findGroup(String sub, String rg, String name) {
        World.Subscription s = world.subscription(sub);
        World.ResourceGroup g = s == null ? null : s.resourceGroup(rg);
        World.ContainerGroup c = g == null ? null : g.containerGroup(name);
        return c == null || isGone(c, now()) ? null : c;
    }

    private static boolean isGone(World.ContainerGroup g, long now) {
        return g.deletingSince > 0 && now >= g.deletedAt;
    }

    private World.ContainerGroup group(World.Subscription s, World.ResourceGroup rg, String name) {
        World.ContainerGroup g = rg.containerGroup(name);
        if (g == null || isGone(g, now())) {
            throw ArmException.resourceNotFound(Renderer.CG_TYPE, name, rg.name);
        }
        return g;
    }

    /** Verifies the subscription is registered for a provider namespace; ARM answers 409 otherwise. */
    synchronized void requireRegistered(String subscription, String namespace) {
        World.Subscription s = sub(subscription);
        World.Provider p = s.provider(namespace);
        if (p != null && !"Registered".equals(p.stateAt(now()))) {
            String msg = "The subscription is not registered to use namespace '" + p.namespace
                    + "'. See https://aka.ms/rps-not-found for how to register subscriptions.";
            throw new ArmException(409, "MissingSubscriptionRegistration", msg, null,
                    List.of(new ArmException(409, "MissingSubscriptionRegistration", msg, p.namespace, List.of())));
        }
    }

    /** Drops groups whose deletion finished and old operations. */
    private void purge(long now) {
        boolean removed = false;
        for (World.Subscription s : world.subscriptions) {
            for (World.ResourceGroup g : s.resourceGroups) {
                removed |= g.containerGroups.removeIf(c -> isGone(c, now));
            }
        }
        removed |= world.operations.removeIf(o -> o.doneAt > 0 && now - o.doneAt > OPERATION_RETENTION
                || o.doneAt == 0 && now - o.startedAt > 24 * OPERATION_RETENTION);
        if (removed) {
            changed();
        }
    }

    // ---- subscriptions, tenants, locations, resource groups, providers ------------------------------------------

    synchronized ObjectNode subscriptions() {
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        world.subscriptions.forEach(s -> value.add(Renderer.subscription(s)));
        return root;
    }

    synchronized ObjectNode subscription(String id) {
        return Renderer.subscription(sub(id));
    }

    synchronized ObjectNode tenants() {
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        world.tenants.forEach(t -> value.add(Renderer.tenant(t)));
        return root;
    }

    synchronized ObjectNode locations(String subscription) {
        sub(subscription);
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        SeedWorld.REGIONS.forEach(r -> value.add(Renderer.location(subscription, r)));
        return root;
    }

    synchronized ObjectNode resourceGroups(String subscription) {
        World.Subscription s = sub(subscription);
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        s.resourceGroups.forEach(g -> value.add(Renderer.resourceGroup(s.id, g)));
        return root;
    }

    synchronized ObjectNode resourceGroup(String subscription, String name) {
        World.Subscription s = sub(subscription);
        return Renderer.resourceGroup(s.id, rg(s, name));
    }

    synchronized Reply putResourceGroup(String subscription, String name, JsonNode body) {
        World.Subscription s = sub(subscription);
        if (name.isEmpty() || name.length() > 90 || !name.matches("[-\\w._()]+") || name.endsWith(".")) {
            throw ArmException.badRequest("InvalidResourceGroup", "The provided resource group name '" + name
                    + "' has these invalid characters or is too long. The name can be up to 90 characters and can only include "
                    + "alphanumeric characters, periods, underscores, hyphens and parenthesis, and cannot end in a period.");
        }
        String location = ArmJson.text(body, "location");
        if (location == null || location.isBlank()) {
            throw ArmException.badRequest("LocationRequired", "The location property is required for this definition.");
        }
        SeedWorld.Region region = SeedWorld.region(location).orElseThrow(() -> ArmException.badRequest("LocationNotAvailableForResourceGroup",
                "The provided location '" + location + "' is not available for resource group."));
        World.ResourceGroup g = s.resourceGroup(name);
        boolean created = g == null;
        if (created) {
            g = new World.ResourceGroup();
            g.name = name;
            g.location = region.name();
            s.resourceGroups.add(g);
        } else if (!g.location.equals(region.name())) {
            throw ArmException.conflict("InvalidResourceGroupLocation", "Invalid resource group location '" + location
                    + "'. The Resource group already exists in location '" + g.location + "'.");
        }
        JsonNode tags = ArmJson.getIgnoreCase(body, "tags");
        if (tags != null && tags.isObject()) {
            g.tags.clear();
            World.ResourceGroup target = g;
            tags.fields().forEachRemaining(e -> target.tags.put(e.getKey(), e.getValue().asText()));
        }
        changed();
        return Reply.of(created ? 201 : 200, Renderer.resourceGroup(s.id, g));
    }

    synchronized ObjectNode provider(String subscription, String namespace) {
        World.Subscription s = sub(subscription);
        World.Provider p = s.provider(namespace);
        return Renderer.provider(s.id, p == null ? namespace : p.namespace, p == null ? "Registered" : p.stateAt(now()));
    }

    synchronized ObjectNode providers(String subscription) {
        World.Subscription s = sub(subscription);
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        for (String ns : List.of(ACI, "Microsoft.Network", "Microsoft.Resources", "Microsoft.Storage", "Microsoft.ManagedIdentity")) {
            World.Provider p = s.provider(ns);
            value.add(Renderer.provider(s.id, ns, p == null ? "Registered" : p.stateAt(now())));
        }
        return root;
    }

    synchronized ObjectNode registerProvider(String subscription, String namespace) {
        World.Subscription s = sub(subscription);
        World.Provider p = s.provider(namespace);
        if (p == null || "Registered".equals(p.stateAt(now()))) {
            return Renderer.provider(s.id, p == null ? namespace : p.namespace, "Registered");
        }
        if (!"Registering".equals(p.state)) {
            p.state = "Registering";
            p.registeredAt = now() + timing.step(Timing.PROVIDER_REGISTRATION);
            changed();
        }
        return Renderer.provider(s.id, p.namespace, "Registering");
    }

    // ---- network ----------------------------------------------------------------------------------------------

    private List<String> linkedGroups(World.Subscription s, String subnetId) {
        List<String> out = new ArrayList<>();
        long now = now();
        for (World.ResourceGroup g : s.resourceGroups) {
            for (World.ContainerGroup c : g.containerGroups) {
                if (c.subnetId != null && c.subnetId.equalsIgnoreCase(subnetId) && !isGone(c, now)) {
                    out.add(SeedWorld.containerGroupId(s.id, g.name, c.name));
                }
            }
        }
        return out;
    }

    private ObjectNode renderVnet(World.Subscription s, World.ResourceGroup g, World.VirtualNetwork v) {
        return Renderer.vnet(s.id, g.name, v, sn -> linkedGroups(s, Renderer.vnetId(s.id, g.name, v) + "/subnets/" + sn.name), now());
    }

    synchronized ObjectNode virtualNetworks(String subscription, String resourceGroup) {
        World.Subscription s = sub(subscription);
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        for (World.ResourceGroup g : s.resourceGroups) {
            if (resourceGroup == null || g.name.equalsIgnoreCase(resourceGroup)) {
                g.virtualNetworks.forEach(v -> value.add(renderVnet(s, g, v)));
            }
        }
        if (resourceGroup != null) {
            rg(s, resourceGroup);
        }
        return root;
    }

    private World.VirtualNetwork vnet(World.ResourceGroup g, String name) {
        World.VirtualNetwork v = g.vnet(name);
        if (v == null) {
            throw ArmException.resourceNotFound("Microsoft.Network/virtualNetworks", name, g.name);
        }
        return v;
    }

    synchronized ObjectNode virtualNetwork(String subscription, String resourceGroup, String name) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup g = rg(s, resourceGroup);
        return renderVnet(s, g, vnet(g, name));
    }

    synchronized Reply putVirtualNetwork(String subscription, String resourceGroup, String name, JsonNode body, String apiVersion) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup g = rg(s, resourceGroup);
        String location = ArmJson.text(body, "location");
        SeedWorld.Region region = SeedWorld.region(location == null ? g.location : location).orElseThrow(() ->
                ArmException.badRequest("LocationNotAvailableForResourceType", "The provided location '" + location
                        + "' is not available for resource type 'Microsoft.Network/virtualNetworks'."));
        JsonNode props = body == null ? null : body.get("properties");
        List<String> prefixes = new ArrayList<>();
        props.path("addressSpace").path("addressPrefixes").forEach(p -> prefixes.add(p.asText()));
        if (prefixes.isEmpty()) {
            throw ArmException.badRequest("InvalidAddressSpace", "The address space of virtual network " + name + " is empty.");
        }
        for (String p : prefixes) {
            Cidr.parse(p);
        }
        World.VirtualNetwork v = g.vnet(name);
        boolean created = v == null;
        if (created) {
            v = new World.VirtualNetwork();
            v.name = name;
            v.resourceGuid = UUID.randomUUID().toString();
            g.virtualNetworks.add(v);
        }
        v.location = region.name();
        v.addressPrefixes = prefixes;
        List<String> dns = new ArrayList<>();
        props.path("dhcpOptions").path("dnsServers").forEach(d -> dns.add(d.asText()));
        v.dnsServers = dns;
        v.etag = "W/\"" + UUID.randomUUID() + "\"";
        JsonNode subnets = props.get("subnets");
        if (subnets != null && subnets.isArray()) {
            List<World.Subnet> next = new ArrayList<>();
            for (JsonNode sn : subnets) {
                World.Subnet existing = v.subnet(sn.path("name").asText());
                World.Subnet ns = applySubnet(s, g, v, existing, sn.path("name").asText(), sn, true);
                next.add(ns);
            }
            for (World.Subnet old : v.subnets) {
                if (next.stream().noneMatch(n -> n.name.equalsIgnoreCase(old.name)) && subnetInUse(s, g, v, old)) {
                    throw ArmException.badRequest("InUseSubnetCannotBeDeleted", "Subnet " + old.name + " is in use by "
                            + usedBy(s, g, v, old) + " and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet.");
                }
            }
            v.subnets = next;
        }
        long done = now() + timing.step(Timing.SUBNET_UPDATE);
        v.updatingUntil = done;
        World.AsyncOp op = operation("Microsoft.Network", s.id, v.location, "VNET_PUT", Renderer.vnetId(s.id, g.name, v), done);
        changed();
        return Reply.of(created ? 201 : 200, renderVnet(s, g, v))
                .header("Azure-AsyncOperation", operationUrl(op, apiVersion))
                .header("Retry-After", retryAfter(done));
    }

    private boolean subnetInUse(World.Subscription s, World.ResourceGroup g, World.VirtualNetwork v, World.Subnet sn) {
        return !sn.ipConfigurations.isEmpty() || !linkedGroups(s, Renderer.vnetId(s.id, g.name, v) + "/subnets/" + sn.name).isEmpty();
    }

    private String usedBy(World.Subscription s, World.ResourceGroup g, World.VirtualNetwork v, World.Subnet sn) {
        if (!sn.ipConfigurations.isEmpty()) {
            return sn.ipConfigurations.get(0);
        }
        return Renderer.vnetId(s.id, g.name, v) + "/subnets/" + sn.name + "/serviceAssociationLinks/acisal";
    }

    synchronized ObjectNode subnet(String subscription, String resourceGroup, String vnetName, String name) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup g = rg(s, resourceGroup);
        World.VirtualNetwork v = vnet(g, vnetName);
        World.Subnet sn = v.subnet(name);
        if (sn == null) {
            throw ArmException.notFound("Resource /subscriptions/" + s.id + "/resourceGroups/" + g.name
                    + "/providers/Microsoft.Network/virtualNetworks/" + v.name + "/subnets/" + name + " not found.");
        }
        String id = Renderer.vnetId(s.id, g.name, v) + "/subnets/" + sn.name;
        return Renderer.subnet(s.id, g.name, v, sn, linkedGroups(s, id), now());
    }

    /** PUT of one subnet: an LRO that changes only that subnet (never the rest of the network). */
    synchronized Reply putSubnet(String subscription, String resourceGroup, String vnetName, String name, JsonNode body, String apiVersion) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup g = rg(s, resourceGroup);
        World.VirtualNetwork v = vnet(g, vnetName);
        if (body == null || !body.isObject()) {
            throw ArmException.badRequest("InvalidRequestFormat", "Cannot parse the request.");
        }
        World.Subnet existing = v.subnet(name);
        World.Subnet updated = applySubnet(s, g, v, existing, name, body, false);
        long now = now();
        long done = now + timing.step(Timing.SUBNET_UPDATE);
        updated.updatingUntil = done;
        updated.etag = "W/\"" + UUID.randomUUID() + "\"";
        if (existing == null) {
            v.subnets.add(updated);
        } else {
            v.subnets.set(v.subnets.indexOf(existing), updated);
        }
        // A subnet PUT supersedes a network PUT still in progress (as recorded in test_container_create_with_vnet).
        World.AsyncOp op = operation("Microsoft.Network", s.id, v.location, "SUBNET_PUT",
                Renderer.vnetId(s.id, g.name, v) + "/subnets/" + updated.name, done);
        for (World.AsyncOp other : world.operations) {
            if ("VNET_PUT".equals(other.kind) && other.resourceId.equalsIgnoreCase(Renderer.vnetId(s.id, g.name, v))
                    && now < other.doneAt && other.canceledBy == null) {
                other.canceledBy = op.id;
            }
        }
        changed();
        String id = Renderer.vnetId(s.id, g.name, v) + "/subnets/" + updated.name;
        return Reply.of(existing == null ? 201 : 200, Renderer.subnet(s.id, g.name, v, updated, linkedGroups(s, id), now))
                .header("Azure-AsyncOperation", operationUrl(op, apiVersion))
                .header("Retry-After", retryAfter(done));
    }

    private World.Subnet applySubnet(World.Subscription s, World.ResourceGroup g, World.VirtualNetwork v, World.Subnet existing,
            String name, JsonNode body, boolean partOfVnet) {
        JsonNode p = body.path("properties");
        String prefix = p.hasNonNull("addressPrefix") ? p.get("addressPrefix").asText()
                : p.path("addressPrefixes").isArray() && !p.path("addressPrefixes").isEmpty() ? p.path("addressPrefixes").get(0).asText() : null;
        if (prefix == null) {
            throw ArmException.badRequest("NetcfgInvalidSubnet", "Subnet '" + name + "' is not valid in virtual network '" + v.name
                    + "': it has no address prefix.");
        }
        Cidr cidr = Cidr.parse(prefix);
        if (v.addressPrefixes.stream().map(Cidr::parse).noneMatch(space -> space.contains(cidr))) {
            throw ArmException.badRequest("NetcfgSubnetRangeOutsideVnet", "Subnet '" + name + "' is not valid because its IP address range "
                    + "is outside the IP address range of virtual network '" + v.name + "'.");
        }
        for (World.Subnet other : v.subnets) {
            if (!other.name.equalsIgnoreCase(name) && Cidr.parse(other.addressPrefix).overlaps(cidr)) {
                throw ArmException.badRequest("NetcfgSubnetRangesOverlap", "Subnet '" + name + "' is not valid because its IP address range "
                        + "overlaps with that of an existing subnet '" + other.name + "' in virtual network '" + v.name + "'.");
            }
        }
        List<World.Delegation> delegations = new ArrayList<>();
        for (JsonNode d : p.path("delegations")) {
            String service = d.path("properties").path("serviceName").asText(d.path("serviceName").asText(null));
            if (service == null || service.isBlank()) {
                throw ArmException.badRequest("InvalidServiceNameOnDelegation", "Delegation " + d.path("name").asText()
                        + " of subnet " + name + " has no service name.");
            }
            delegations.add(new World.Delegation(d.path("name").asText(service), service));
        }
        String nsgId = p.path("networkSecurityGroup").hasNonNull("id") ? p.path("networkSecurityGroup").get("id").asText() : null;
        if (nsgId != null && findNsg(s, nsgId) == null) {
            throw ArmException.badRequest("InvalidResourceReference", "Resource " + nsgId + " referenced by resource "
                    + Renderer.vnetId(s.id, g.name, v) + "/subnets/" + name + " was not found. Please make sure that the referenced "
                    + "resource exists, and that both resources are in the same region.");
        }
        World.Subnet out = new World.Subnet();
        out.name = existing != null ? existing.name : name;
        out.addressPrefix = prefix;
        out.delegations = delegations;
        out.networkSecurityGroupId = nsgId;
        out.etag = existing != null ? existing.etag : "W/\"" + UUID.randomUUID() + "\"";
        out.ipConfigurations = existing != null ? new ArrayList<>(existing.ipConfigurations) : new ArrayList<>();
        out.privateEndpointNetworkPolicies = p.path("privateEndpointNetworkPolicies").asText("Disabled");
        out.privateLinkServiceNetworkPolicies = p.path("privateLinkServiceNetworkPolicies").asText("Enabled");
        if (existing != null) {
            String id = Renderer.vnetId(s.id, g.name, v) + "/subnets/" + existing.name;
            List<String> links = linkedGroups(s, id);
            boolean used = !existing.ipConfigurations.isEmpty() || !links.isEmpty();
            if (used && !sameDelegations(existing.delegations, delegations)) {
                boolean keepsAci = delegations.stream().anyMatch(d -> SeedWorld.ACI_SERVICE.equalsIgnoreCase(d.serviceName));
                if (!links.isEmpty() && !keepsAci) {
                    throw ArmException.badRequest("SubnetMissingRequiredDelegation", "Subnet " + id + " requires any of the following "
                            + "delegation(s) [" + SeedWorld.ACI_SERVICE + "] to reference service association link " + id
                            + "/serviceAssociationLinks/acisal.");
                }
                throw ArmException.badRequest("SubnetDelegationsCannotChangeWhenSubnetUsedByResource", "Delegations of subnet " + id
                        + " cannot be changed from " + serviceNames(existing.delegations) + " to " + serviceNames(delegations)
                        + " because it is being used by the resource " + usedBy(s, g, v, existing) + ".");
            }
            if (used && !Cidr.parse(existing.addressPrefix).equals(cidr)) {
                throw ArmException.badRequest("InUseSubnetCannotBeUpdated", "Subnet " + existing.name + " is in use and cannot be updated.");
            }
        }
        return out;
    }

    private static boolean sameDelegations(List<World.Delegation> a, List<World.Delegation> b) {
        return serviceNames(a).equals(serviceNames(b));
    }

    private static String serviceNames(List<World.Delegation> d) {
        return d.stream().map(x -> x.serviceName.toLowerCase(Locale.ROOT)).sorted().toList().toString();
    }

    private World.SecurityGroup findNsg(World.Subscription s, String id) {
        for (World.ResourceGroup g : s.resourceGroups) {
            for (World.SecurityGroup n : g.securityGroups) {
                String nid = SeedWorld.resourceGroupId(s.id, g.name) + "/providers/Microsoft.Network/networkSecurityGroups/" + n.name;
                if (nid.equalsIgnoreCase(id)) {
                    return n;
                }
            }
        }
        return null;
    }

    /** PUT of a network security group (its custom rules; the default rules are always there). An LRO, like the network's. */
    synchronized Reply putNetworkSecurityGroup(String subscription, String resourceGroup, String name, JsonNode body, String apiVersion) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup g = rg(s, resourceGroup);
        String location = ArmJson.text(body, "location");
        SeedWorld.Region region = SeedWorld.region(location == null ? g.location : location).orElseThrow(() ->
                ArmException.badRequest("LocationNotAvailableForResourceType", "The provided location '" + location
                        + "' is not available for resource type 'Microsoft.Network/networkSecurityGroups'."));
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode r : body.path("properties").path("securityRules")) {
            JsonNode p = r.path("properties");
            for (String required : List.of("protocol", "access", "priority", "direction")) {
                if (!p.hasNonNull(required)) {
                    throw ArmException.badRequest("SecurityRuleParameterContainsUnsupportedValue", "Security rule " + r.path("name").asText()
                            + " has no value for " + required + ".");
                }
            }
            ObjectNode rule = ArmJson.object();
            rule.put("name", r.path("name").asText());
            ObjectNode rp = rule.putObject("properties");
            p.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("provisioningState")) {
                    rp.set(e.getKey(), e.getValue().deepCopy());
                }
            });
            rules.add(rule);
        }
        World.SecurityGroup n = g.nsg(name);
        boolean created = n == null;
        if (created) {
            n = new World.SecurityGroup();
            n.name = name;
            n.resourceGuid = UUID.randomUUID().toString();
            g.securityGroups.add(n);
        }
        n.location = region.name();
        n.securityRules = rules;
        n.etag = "W/\"" + UUID.randomUUID() + "\"";
        String id = SeedWorld.resourceGroupId(s.id, g.name) + "/providers/Microsoft.Network/networkSecurityGroups/" + n.name;
        long done = now() + timing.step(Timing.SUBNET_UPDATE);
        World.AsyncOp op = operation("Microsoft.Network", s.id, n.location, "NSG_PUT", id, done);
        changed();
        return Reply.of(created ? 201 : 200, networkSecurityGroup(subscription, resourceGroup, name))
                .header("Azure-AsyncOperation", operationUrl(op, apiVersion));
    }

    synchronized ObjectNode networkSecurityGroup(String subscription, String resourceGroup, String name) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup g = rg(s, resourceGroup);
        World.SecurityGroup n = g.nsg(name);
        if (n == null) {
            throw ArmException.resourceNotFound("Microsoft.Network/networkSecurityGroups", name, g.name);
        }
        String id = SeedWorld.resourceGroupId(s.id, g.name) + "/providers/Microsoft.Network/networkSecurityGroups/" + n.name;
        List<String> subnets = new ArrayList<>();
        for (World.ResourceGroup rg : s.resourceGroups) {
            for (World.VirtualNetwork v : rg.virtualNetworks) {
                for (World.Subnet sn : v.subnets) {
                    if (id.equalsIgnoreCase(sn.networkSecurityGroupId)) {
                        subnets.add(Renderer.vnetId(s.id, rg.name, v) + "/subnets/" + sn.name);
                    }
                }
            }
        }
        return Renderer.nsg(s.id, g.name, n, subnets);
    }

    // ---- container groups -------------------------------------------------------------------------------------

    private Map<String, ContainerProgram> programs(World.ContainerGroup g) {
        Map<String, ContainerProgram> out = new LinkedHashMap<>();
        for (JsonNode c : g.resource.path("properties").path("containers")) {
            String name = c.path("name").asText();
            World.ContainerBehaviour b = g.behaviours.get(name);
            if (b == null) {
                continue;
            }
            JsonNode req = c.path("properties").path("resources").path("requests");
            switch (b.kind) {
                case "GATEWAY" -> out.put(name, new GatewayLogScript(b, c.path("properties").path("image").asText(),
                        req.path("cpu").asDouble(), req.path("memoryInGB").asDouble()));
                case "SHELL" -> out.put(name, new ShellScript(b.script, b.busybox, scriptEnv(b)));
                default -> out.put(name, ContainerProgram.IDLE);
            }
        }
        return out;
    }

    /** What a script sees: plain values as given; secure values masked (the simulator never keeps them). */
    private static Map<String, String> scriptEnv(World.ContainerBehaviour b) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOSTNAME", "SandboxHost-simulated");
        env.put("HOME", "/root");
        for (World.EnvVar v : b.env) {
            env.put(v.name, v.secure ? "********" : v.value == null ? "" : v.value);
        }
        return env;
    }

    GroupEngine.GroupView view(World.ContainerGroup g) {
        return engine.evaluate(g, now());
    }

    private ObjectNode render(World.Subscription s, World.ResourceGroup rg, World.ContainerGroup g, String apiVersion, Renderer.Mode mode) {
        return Renderer.containerGroup(s.id, rg.name, g, mode == Renderer.Mode.GET ? view(g) : mode == Renderer.Mode.LIST ? view(g) : null,
                apiVersion, mode);
    }

    synchronized ObjectNode getContainerGroup(String subscription, String resourceGroup, String name, String apiVersion) {
        purge(now());
        World.Subscription s = sub(subscription);
        World.ResourceGroup g = rg(s, resourceGroup);
        return render(s, g, group(s, g, name), apiVersion, Renderer.Mode.GET);
    }

    /** All groups of a subscription (resourceGroup null) or of one resource group, in a stable order. */
    synchronized List<ObjectNode> listContainerGroups(String subscription, String resourceGroup, String apiVersion) {
        purge(now());
        World.Subscription s = sub(subscription);
        List<ObjectNode> out = new ArrayList<>();
        if (resourceGroup != null) {
            rg(s, resourceGroup);
        }
        for (World.ResourceGroup g : s.resourceGroups) {
            if (resourceGroup == null || g.name.equalsIgnoreCase(resourceGroup)) {
                for (World.ContainerGroup c : g.containerGroups) {
                    out.add(render(s, g, c, apiVersion, Renderer.Mode.LIST));
                }
            }
        }
        return out;
    }

    private double coresInUse(World.Subscription s, String region, World.ContainerGroup except) {
        double used = scenario == Scenario.QUOTA && region.equals(SeedWorld.LOCATION) ? SeedWorld.CORE_QUOTA : 0;
        long now = now();
        for (World.ResourceGroup g : s.resourceGroups) {
            for (World.ContainerGroup c : g.containerGroups) {
                if (c != except && c.location.equals(region) && c.stoppedAt == 0 && c.deletingSince == 0 && !isGone(c, now)) {
                    used += ContainerGroupRules.cpu(c.resource);
                }
            }
        }
        return used;
    }

    private int groupsIn(World.Subscription s, String region) {
        int n = 0;
        for (World.ResourceGroup g : s.resourceGroups) {
            for (World.ContainerGroup c : g.containerGroups) {
                if (c.location.equals(region) && !isGone(c, now())) {
                    n++;
                }
            }
        }
        return n;
    }

    private void checkQuota(World.Subscription s, String region, double requested, World.ContainerGroup except) {
        double used = coresInUse(s, region, except);
        if (used + requested > SeedWorld.CORE_QUOTA) {
            throw ArmException.badRequest("ContainerGroupQuotaReached", "Resource type '" + Renderer.CG_TYPE
                    + "' container group quota 'StandardCores' exceeded in region '" + region + "'. Limit: '" + SeedWorld.CORE_QUOTA
                    + "', Usage: '" + ContainerGroupRules.num(used) + "' Requested: '" + ContainerGroupRules.num(requested) + "'.");
        }
    }

    private long busyUntil(World.ContainerGroup g) {
        long until = engine.allocatedAt(g);
        if ("RESTART".equals(g.activation.kind) || "UPDATE".equals(g.activation.kind)) {
            until = Math.max(until, g.activation.startedAt + timing.step(Timing.RESTART));
        }
        if (g.stoppedAt > 0) {
            until = Math.max(until, g.stoppedAt + timing.step(Timing.RESTART));
        }
        return until;
    }

    private void checkNotTransitioning(World.ContainerGroup g) {
        if (g.deletingSince > 0 || now() < busyUntil(g)) {
            throw ArmException.conflict("ContainerGroupTransitioning", "The container group '" + g.name
                    + "' is still transitioning, please retry later.");
        }
    }

    private Map<String, Integer> pullPlan(World.ContainerGroup g) {
        Map<String, Integer> plan = new LinkedHashMap<>();
        for (JsonNode c : g.resource.path("properties").path("containers")) {
            String image = c.path("properties").path("image").asText();
            String registry = GroupEngine.registryOf(image);
            int fails = 0;
            if (ContainerGroupRules.isDockerHub(registry)) {
                boolean credentials = g.authenticatedRegistries.stream().anyMatch(ContainerGroupRules::isDockerHub);
                if (!credentials) {
                    fails = -1;
                } else if (scenario == Scenario.DOCKER_RATE_LIMIT) {
                    fails = Scenario.DOCKER_FAILED_PULLS;
                }
            } else if (scenario == Scenario.DOCKER_RATE_LIMIT) {
                fails = Scenario.DOCKER_FAILED_PULLS;
            }
            plan.put(c.path("name").asText(), fails);
        }
        return plan;
    }

    private void activate(World.ContainerGroup g, String kind) {
        World.Activation a = new World.Activation();
        a.seq = g.activation == null ? 1 : g.activation.seq + 1;
        a.kind = kind;
        a.startedAt = now();
        g.activation = a;
        a.failedPulls = pullPlan(g);
    }

    private String allocateIp(World.Subscription s, World.ContainerGroup g) {
        if (g.subnetId == null) {
            if (!g.resource.path("properties").hasNonNull("ipAddress")) {
                return null;
            }
            int n = world.publicIpCounter++;
            return "20.105." + (n / 250 % 250) + "." + (n % 250 + 4);
        }
        World.Subnet sn = subnetById(s, g.subnetId);
        Cidr cidr = Cidr.parse(sn.addressPrefix);
        Set<String> used = new HashSet<>();
        for (World.ResourceGroup rg : s.resourceGroups) {
            for (World.ContainerGroup c : rg.containerGroups) {
                if (c != g && c.ip != null && g.subnetId.equalsIgnoreCase(c.subnetId) && !isGone(c, now())) {
                    used.add(c.ip);
                }
            }
        }
        // Azure keeps the first four addresses and the last one of every subnet. A stop deallocates the address and
        // the next start gets whichever one Azure picks: here the lowest free one other than the group's last, so
        // a stop/start moves the group to another address whenever the subnet has one free (as Azure warns it may).
        boolean lastFree = g.lastIp != null && !used.contains(g.lastIp);
        for (long i = 4; i < cidr.size() - 1; i++) {
            String ip = cidr.address(i);
            if (!used.contains(ip) && !ip.equals(g.lastIp)) {
                return ip;
            }
        }
        if (lastFree) {
            return g.lastIp;
        }
        throw ArmException.badRequest("SubnetIsFull", "Subnet " + g.subnetId + " has no free IP address left.");
    }

    private World.Subnet subnetById(World.Subscription s, String id) {
        java.util.regex.Matcher m = ContainerGroupRules.SUBNET_ID.matcher(id);
        if (!m.matches()) {
            return null;
        }
        World.ResourceGroup g = s.resourceGroup(m.group(2));
        World.VirtualNetwork v = g == null ? null : g.vnet(m.group(3));
        return v == null ? null : v.subnet(m.group(4));
    }

    private ContainerGroupRules.SubnetLookup lookup(World.Subscription s) {
        return (rgName, vnetName, subnetName) -> {
            World.ResourceGroup g = s.resourceGroup(rgName);
            World.VirtualNetwork v = g == null ? null : g.vnet(vnetName);
            World.Subnet sn = v == null ? null : v.subnet(subnetName);
            if (sn == null) {
                return null;
            }
            World.SecurityGroup nsg = sn.networkSecurityGroupId == null ? null : findNsg(s, sn.networkSecurityGroupId);
            return new ContainerGroupRules.SubnetLookup.Found(sn, g.name, v.name, v.location, nsg);
        };
    }

    /** Evaluates the group now and keeps its events and restart count for the next activation. */
    private void carryOver(World.ContainerGroup g, boolean keepRestarts) {
        GroupEngine.GroupView v = view(g);
        g.carriedEvents.clear();
        g.carriedRestarts.clear();
        g.carriedPrevious.clear();
        long at = now();
        v.containers().forEach((name, cv) -> {
            GroupEngine.StateView cur = cv.current();
            GroupEngine.StateView ended = cur == null ? cv.previous()
                    : "Terminated".equals(cur.state()) ? cur
                    : "Running".equals(cur.state()) ? new GroupEngine.StateView("Terminated", cur.startTime(), at, null, "Restarted")
                    : cv.previous();
            if (ended != null) {
                g.carriedPrevious.put(name, ended);
            }
            List<World.EventRecord> copy = new ArrayList<>();
            cv.events().forEach(e -> copy.add(e.copy()));
            g.carriedEvents.put(name, copy);
            g.carriedRestarts.put(name, keepRestarts ? cv.restartCount() : 0);
        });
    }

    synchronized Reply putContainerGroup(String subscription, String resourceGroup, String name, JsonNode body, String apiVersion) {
        purge(now());
        World.Subscription s = sub(subscription);
        World.ResourceGroup rgp = rg(s, resourceGroup);
        ContainerGroupRules.Accepted a = ContainerGroupRules.accept(s.id, rgp.name, name, body, lookup(s), configCheck);
        World.ContainerGroup existing = rgp.containerGroup(name);
        if (existing != null && isGone(existing, now())) {
            rgp.containerGroups.remove(existing);
            existing = null;
        }
        World.ContainerGroup g;
        boolean created = existing == null;
        if (created) {
            checkQuota(s, a.location(), a.cpu(), null);
            g = new World.ContainerGroup();
            g.name = name;
            g.createdAt = now();
        } else {
            g = existing;
            checkNotTransitioning(g);
            ContainerGroupRules.checkUpdate(name, g, ContainerGroupRules.shapes(g.resource), a);
            if (g.stoppedAt > 0) {
                checkQuota(s, a.location(), a.cpu(), g);
            }
        }
        g.location = a.location();
        g.resource = a.resource();
        g.authenticatedRegistries = new ArrayList<>(a.authenticatedRegistries());
        g.behaviours = new LinkedHashMap<>(a.behaviours());
        g.subnetId = a.subnetId();
        g.mountFailure = a.mountFailure();
        g.lastPutBody = body.deepCopy();
        if (created) {
            activate(g, "CREATE");
            g.ip = allocateIp(s, g);
            rgp.containerGroups.add(g);
        } else if (g.stoppedAt > 0) {
            g.stoppedAt = 0;
            g.carriedEvents.clear();
            g.carriedRestarts.clear();
            g.carriedPrevious.clear();
            activate(g, "START");
            g.ip = allocateIp(s, g);
        } else {
            carryOver(g, false);
            activate(g, "UPDATE");
            if (g.ip == null) {
                g.ip = allocateIp(s, g);
            }
        }
        World.AsyncOp op = operation(ACI, s.id, g.location, "CG_PUT", SeedWorld.containerGroupId(s.id, rgp.name, g.name), 0);
        op.activationSeq = g.activation.seq;
        changed();
        LOG.debug("container group {} {} in {}/{}", name, created ? "created" : "updated", s.id, rgp.name);
        return Reply.of(created ? 201 : 200, render(s, rgp, g, apiVersion, Renderer.Mode.ACCEPTED))
                .header("Azure-AsyncOperation", operationUrl(op, ACI_OPERATIONS_API));
    }

    /** PATCH: ACI's update only changes tags. */
    synchronized ObjectNode patchContainerGroup(String subscription, String resourceGroup, String name, JsonNode body, String apiVersion) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup rgp = rg(s, resourceGroup);
        World.ContainerGroup g = group(s, rgp, name);
        JsonNode tags = body == null ? null : body.get("tags");
        if (tags != null && tags.isObject()) {
            g.resource.set("tags", tags.deepCopy());
            changed();
        }
        return render(s, rgp, g, apiVersion, Renderer.Mode.GET);
    }

    synchronized Reply deleteContainerGroup(String subscription, String resourceGroup, String name, String apiVersion) {
        purge(now());
        World.Subscription s = sub(subscription);
        World.ResourceGroup rgp = rg(s, resourceGroup);
        World.ContainerGroup g = rgp.containerGroup(name);
        if (g == null || isGone(g, now())) {
            return Reply.noContent();
        }
        long duration = g.subnetId != null ? timing.step(Timing.DELETE_VNET) : 0;
        if (duration == 0) {
            ObjectNode body = render(s, rgp, g, apiVersion, Renderer.Mode.GET);
            rgp.containerGroups.remove(g);
            changed();
            return Reply.ok(body);
        }
        if (g.deletingSince == 0) {
            g.deletingSince = now();
            g.deletedAt = now() + duration;
        }
        World.AsyncOp op = operation(ACI, s.id, g.location, "CG_DELETE", SeedWorld.containerGroupId(s.id, rgp.name, g.name), g.deletedAt);
        changed();
        return Reply.of(202, null).header("Azure-AsyncOperation", operationUrl(op, ACI_OPERATIONS_API));
    }

    synchronized Reply start(String subscription, String resourceGroup, String name) {
        purge(now());
        World.Subscription s = sub(subscription);
        World.ResourceGroup rgp = rg(s, resourceGroup);
        World.ContainerGroup g = group(s, rgp, name);
        checkNotTransitioning(g);
        if (g.stoppedAt == 0) {
            return Reply.noContent();
        }
        checkQuota(s, g.location, ContainerGroupRules.cpu(g.resource), g);
        g.stoppedAt = 0;
        g.carriedEvents.clear();
        g.carriedRestarts.clear();
        g.carriedPrevious.clear();
        activate(g, "START");
        g.ip = allocateIp(s, g);
        World.AsyncOp op = operation(ACI, s.id, g.location, "CG_START", SeedWorld.containerGroupId(s.id, rgp.name, g.name), 0);
        op.activationSeq = g.activation.seq;
        changed();
        return Reply.of(202, null).header("Azure-AsyncOperation", operationUrl(op, ACI_OPERATIONS_API));
    }

    synchronized Reply stop(String subscription, String resourceGroup, String name) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup rgp = rg(s, resourceGroup);
        World.ContainerGroup g = group(s, rgp, name);
        if (g.stoppedAt > 0) {
            return Reply.noContent();
        }
        checkNotTransitioning(g);
        g.stoppedAt = now();
        g.lastIp = g.ip;
        g.ip = null;
        changed();
        return Reply.noContent();
    }

    synchronized Reply restart(String subscription, String resourceGroup, String name) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup rgp = rg(s, resourceGroup);
        World.ContainerGroup g = group(s, rgp, name);
        if (g.stoppedAt > 0) {
            throw ArmException.conflict("ContainerGroupStopped", "Container Group '" + g.name + "' in resource group '" + rgp.name
                    + "' is stopped. Use start instead.");
        }
        checkNotTransitioning(g);
        boolean allStarted = view(g).containers().values().stream().allMatch(GroupEngine.ContainerView::started);
        carryOver(g, true);
        activate(g, allStarted ? "RESTART" : "UPDATE");
        changed();
        return Reply.noContent();
    }

    private ObjectNode containerSpec(World.ContainerGroup g, String container, String rgName) {
        for (JsonNode c : g.resource.path("properties").path("containers")) {
            if (c.path("name").asText().equals(container)) {
                return (ObjectNode) c;
            }
        }
        throw new ArmException(404, "ContainerNotFound", "The container '" + container + "' does not exist in container group '"
                + g.name + "'.");
    }

    /** The current run's log lines of a container (the previous run's are gone, as in ACI). */
    synchronized List<ContainerProgram.LogLine> logLines(String subscription, String resourceGroup, String name, String container) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup rgp = rg(s, resourceGroup);
        World.ContainerGroup g = group(s, rgp, name);
        containerSpec(g, container, rgp.name);
        GroupEngine.ContainerView v = view(g).containers().get(container);
        if (v == null || v.logRunStart() < 0) {
            return List.of();
        }
        ContainerProgram p = programs(g).getOrDefault(container, ContainerProgram.IDLE);
        return p.run(v.logRunStart(), v.logUntil(), timing).lines();
    }

    synchronized ObjectNode logs(String subscription, String resourceGroup, String name, String container, Integer tail, boolean timestamps) {
        List<ContainerProgram.LogLine> lines = logLines(subscription, resourceGroup, name, container);
        if (tail != null && tail >= 0 && tail < lines.size()) {
            lines = lines.subList(lines.size() - tail, lines.size());
        }
        StringBuilder sb = new StringBuilder();
        for (ContainerProgram.LogLine l : lines) {
            if (timestamps) {
                sb.append(rfc3339Nano(l.at())).append(' ');
            }
            sb.append(l.text()).append('\n');
        }
        ObjectNode o = ArmJson.object();
        o.put("content", sb.toString());
        return o;
    }

    static String rfc3339Nano(long millis) {
        java.time.Instant i = java.time.Instant.ofEpochMilli(millis);
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(i)
                + String.format(".%09dZ", i.getNano());
    }

    /** What a console session needs to know about its container. */
    record ConsoleTarget(String subscription, String resourceGroup, String group, String container, String command,
            List<World.EnvVar> env, boolean busybox) {
    }

    synchronized ConsoleTarget consoleTarget(String subscription, String resourceGroup, String name, String container, JsonNode body,
            boolean attach) {
        World.Subscription s = sub(subscription);
        World.ResourceGroup rgp = rg(s, resourceGroup);
        World.ContainerGroup g = group(s, rgp, name);
        ObjectNode spec = containerSpec(g, container, rgp.name);
        String command = "";
        if (!attach) {
            if (body == null || !body.hasNonNull("command")) {
                throw ArmException.badRequest("InvalidRequestContent", "The request content was invalid and could not be deserialized: "
                        + "'Required property 'command' not found in JSON. Path ''.'.");
            }
            command = body.get("command").asText();
        }
        World.ContainerBehaviour b = g.behaviours.get(container);
        String image = spec.path("properties").path("image").asText();
        return new ConsoleTarget(s.id, rgp.name, g.name, container, command, b == null ? List.of() : List.copyOf(b.env),
                image.contains("alpine") || image.contains("busybox"));
    }

    /** True while the container's process is running (exec needs a running container). */
    synchronized boolean isRunning(String subscription, String resourceGroup, String name, String container) {
        World.ContainerGroup g = findGroup(subscription, resourceGroup, name);
        if (g == null) {
            return false;
        }
        GroupEngine.ContainerView v = view(g).containers().get(container);
        return v != null && v.current() != null && "Running".equals(v.current().state());
    }

    // ---- capabilities and usage -------------------------------------------------------------------------------

    private SeedWorld.Region regionOrFail(String location) {
        return SeedWorld.region(location).orElseThrow(() -> ArmException.badRequest("LocationNotAvailableForResourceType",
                "The provided location '" + location + "' is not available for resource type '" + Renderer.CG_TYPE + "'."));
    }

    synchronized ObjectNode capabilities(String subscription, String location) {
        sub(subscription);
        return Renderer.capabilities(regionOrFail(location));
    }

    synchronized ObjectNode usages(String subscription, String location) {
        World.Subscription s = sub(subscription);
        SeedWorld.Region r = regionOrFail(location);
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        value.add(Renderer.usage("ContainerGroups", "Container Groups", groupsIn(s, r.name()), 100));
        value.add(Renderer.usage("StandardCores", "Standard Cores", coresInUse(s, r.name(), null), SeedWorld.CORE_QUOTA));
        value.add(Renderer.usage("StandardSpotCores", "Standard Spot Cores", 0, 10));
        return root;
    }

    // ---- async operations -------------------------------------------------------------------------------------

    private World.AsyncOp operation(String namespace, String subscription, String location, String kind, String resourceId, long doneAt) {
        World.AsyncOp op = new World.AsyncOp();
        op.id = UUID.randomUUID().toString();
        op.namespace = namespace;
        op.subscriptionId = subscription;
        op.location = location;
        op.kind = kind;
        op.resourceId = resourceId;
        op.startedAt = now();
        op.doneAt = doneAt;
        world.operations.add(op);
        return op;
    }

    private String operationUrl(World.AsyncOp op, String apiVersion) {
        return baseUrl + "/subscriptions/" + op.subscriptionId + "/providers/" + op.namespace + "/locations/" + op.location
                + "/operations/" + op.id + "?api-version=" + apiVersion;
    }

    private String retryAfter(long doneAt) {
        long remaining = Math.max(0, doneAt - now());
        return String.valueOf((remaining + 999) / 1000);
    }

    synchronized Reply operationStatus(String subscription, String namespace, String location, String id) {
        sub(subscription);
        World.AsyncOp op = null;
        for (World.AsyncOp o : world.operations) {
            if (o.id.equalsIgnoreCase(id) && o.subscriptionId.equalsIgnoreCase(subscription) && o.namespace.equalsIgnoreCase(namespace)) {
                op = o;
            }
        }
        if (op == null) {
            throw ArmException.notFound("The operation '" + id + "' could not be found.");
        }
        long now = now();
        ObjectNode body = ArmJson.object();
        if (op.namespace.equalsIgnoreCase("Microsoft.Network")) {
            if (op.canceledBy != null) {
                body.put("status", "Canceled");
                ObjectNode err = body.putObject("error");
                err.put("code", "Canceled");
                err.put("message", "Operation was canceled.");
                ObjectNode d = err.putArray("details").addObject();
                d.put("code", "CanceledAndSupersededDueToAnotherOperation");
                d.put("message", "Operation " + (op.kind.equals("VNET_PUT") ? "PutVirtualNetworkOperation" : "PutSubnetOperation")
                        + " (" + op.id + ") was canceled and superseded by operation PutSubnetOperation (" + op.canceledBy + ").");
            } else {
                body.put("status", now < op.doneAt ? "InProgress" : "Succeeded");
            }
            return Reply.ok(body);
        }
        body.put("id", op.resourceId);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.ContainerInstance/containerGroups/([^/]+)").matcher(op.resourceId);
        World.ContainerGroup g = m.matches() ? findGroup(m.group(1), m.group(2), m.group(3)) : null;
        String status;
        ArrayNode events = ArmJson.array();
        ObjectNode error = null;
        if ("CG_DELETE".equals(op.kind)) {
            status = now < op.doneAt ? "InProgress" : "Succeeded";
        } else if (g == null || g.activation.seq != op.activationSeq) {
            status = "Canceled";
            error = ArmJson.object();
            error.put("code", "Canceled");
            error.put("message", "The operation was canceled because the container group changed or was deleted.");
        } else {
            GroupEngine.GroupView v = view(g);
            status = v.provisioningState();
            for (GroupEngine.ContainerView cv : v.containers().values()) {
                cv.events().forEach(e -> events.add(Renderer.event(e)));
            }
            if ("Failed".equals(status)) {
                error = ArmJson.object();
                error.put("code", v.failureCode() == null ? "Failed" : v.failureCode());
                error.put("message", v.failureMessage() == null ? "The container group failed to provision." : v.failureMessage());
            }
        }
        body.put("status", status);
        body.put("startTime", ArmJson.ticks(op.startedAt));
        body.putObject("properties").set("events", events);
        if (error != null) {
            body.set("error", error);
        }
        return Reply.ok(body);
    }
}
