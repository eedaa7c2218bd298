package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns world objects into the JSON ARM returns for them (shapes taken from the recordings and examples). */
final class Renderer {
    static final String CG_TYPE = "Microsoft.ContainerInstance/containerGroups";

    /** How a container group is being shown. */
    enum Mode {
        /** The answer to a PUT: what was accepted, provisioning Pending, no instance views yet. */
        ACCEPTED,
        /** GET: everything including instance views. */
        GET,
        /** List items: no instance views at all (ACI's list omits them). */
        LIST
    }

    private Renderer() {
    }

    /** True when {@code apiVersion} is the same as or newer than {@code than} (date part, then preview sorts first). */
    static boolean atLeast(String apiVersion, String than) {
        if (apiVersion == null) {
            return true;
        }
        int c = apiVersion.substring(0, Math.min(10, apiVersion.length())).compareTo(than.substring(0, 10));
        if (c != 0) {
            return c > 0;
        }
        return !apiVersion.endsWith("-preview") || than.endsWith("-preview");
    }

    // ---- container groups -------------------------------------------------------------------------------------

    static ObjectNode containerGroup(String subscription, String resourceGroup, World.ContainerGroup g,
            GroupEngine.GroupView view, String apiVersion, Mode mode) {
        ObjectNode stored = g.resource;
        JsonNode sp = stored.path("properties");
        ObjectNode out = ArmJson.object();
        ObjectNode p = out.putObject("properties");
        p.put("sku", sp.hasNonNull("sku") ? sp.get("sku").asText() : "Standard");
        if (atLeast(apiVersion, "2024-05-01-preview")) {
            p.put("isCreatedFromStandbyPool", false);
        }
        String provisioning = mode == Mode.ACCEPTED ? "Pending" : view.provisioningState();
        p.put("provisioningState", provisioning);
        if (atLeast(apiVersion, "2023-05-01")) {
            p.put("provisioningTimeoutInSeconds", 1800);
            p.put("isCustomProvisioningTimeout", false);
        }
        ArrayNode containers = p.putArray("containers");
        for (JsonNode c : sp.path("containers")) {
            containers.add(container(c, mode == Mode.GET ? view.containers().get(c.path("name").asText()) : null));
        }
        p.set("initContainers", sp.has("initContainers") ? sp.get("initContainers").deepCopy() : ArmJson.array());
        if (sp.has("imageRegistryCredentials")) {
            ArrayNode creds = p.putArray("imageRegistryCredentials");
            for (JsonNode cred : sp.get("imageRegistryCredentials")) {
                ObjectNode c = ((ObjectNode) cred).deepCopy();
                if (atLeast(apiVersion, "2024-05-01-preview") && !c.has("isDelegatedIdentity")) {
                    c.put("isDelegatedIdentity", false);
                }
                creds.add(c);
            }
        }
        copyIfPresent(sp, p, "restartPolicy");
        if (sp.hasNonNull("ipAddress")) {
            p.set("ipAddress", ipAddress(sp.get("ipAddress"), g, mode != Mode.ACCEPTED && view.ipAssigned()));
        }
        copyIfPresent(sp, p, "osType");
        copyIfPresent(sp, p, "volumes");
        if (mode != Mode.LIST) {
            ObjectNode iv = p.putObject("instanceView");
            ArrayNode groupEvents = iv.putArray("events");
            if (mode == Mode.GET) {
                view.groupEvents().forEach(e -> groupEvents.add(event(e)));
            }
            iv.put("state", mode == Mode.ACCEPTED ? "Pending" : view.state());
        }
        copyIfPresent(sp, p, "subnetIds");
        Set<String> done = Set.of("sku", "isCreatedFromStandbyPool", "provisioningState", "provisioningTimeoutInSeconds",
                "isCustomProvisioningTimeout", "containers", "initContainers", "imageRegistryCredentials", "restartPolicy",
                "ipAddress", "osType", "volumes", "instanceView", "subnetIds");
        for (Iterator<Map.Entry<String, JsonNode>> it = sp.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!done.contains(e.getKey())) {
                p.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        out.put("id", SeedWorld.containerGroupId(subscription, resourceGroup, g.name));
        out.put("name", g.name);
        out.put("type", CG_TYPE);
        out.put("location", g.location);
        for (String top : List.of("tags", "zones", "identity")) {
            if (stored.hasNonNull(top)) {
                out.set(top, stored.get(top).deepCopy());
            }
        }
        return out;
    }

    private static ObjectNode ipAddress(JsonNode stored, World.ContainerGroup g, boolean withIp) {
        ObjectNode out = ArmJson.object();
        out.set("ports", stored.has("ports") ? stored.get("ports").deepCopy() : ArmJson.array());
        if (withIp) {
            out.put("ip", g.ip);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("ports") && !e.getKey().equals("ip") && !e.getKey().equals("fqdn")) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        if (stored.hasNonNull("dnsNameLabel")) {
            out.put("fqdn", stored.get("dnsNameLabel").asText() + "." + g.location + ".azurecontainer.io");
        }
        return out;
    }

    private static ObjectNode container(JsonNode c, GroupEngine.ContainerView v) {
        ObjectNode out = ArmJson.object();
        out.put("name", c.path("name").asText());
        JsonNode cp = c.path("properties");
        ObjectNode p = out.putObject("properties");
        copyIfPresent(cp, p, "image");
        copyIfPresent(cp, p, "command");
        p.set("ports", cp.has("ports") ? cp.get("ports").deepCopy() : ArmJson.array());
        p.set("environmentVariables", cp.has("environmentVariables") ? cp.get("environmentVariables").deepCopy() : ArmJson.array());
        if (v != null && v.hasInstanceView()) {
            p.set("instanceView", instanceView(v));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cp.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!p.has(e.getKey()) && !e.getKey().equals("instanceView")) {
                p.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    private static ObjectNode instanceView(GroupEngine.ContainerView v) {
        ObjectNode iv = ArmJson.object();
        iv.put("restartCount", v.restartCount());
        if (v.current() != null) {
            iv.set("currentState", state(v.current()));
        }
        if (v.previous() != null) {
            iv.set("previousState", state(v.previous()));
        }
        ArrayNode events = iv.putArray("events");
        for (World.EventRecord e : v.events()) {
            events.add(event(e));
        }
        return iv;
    }

    static ObjectNode event(World.EventRecord e) {
        ObjectNode o = ArmJson.object();
        o.put("count", e.count);
        o.put("firstTimestamp", ArmJson.seconds(e.first));
        o.put("lastTimestamp", ArmJson.seconds(e.last));
        o.put("name", e.name);
        o.put("message", e.message);
        o.put("type", e.type);
        return o;
    }

    private static ObjectNode state(GroupEngine.StateView s) {
        ObjectNode o = ArmJson.object();
        o.put("state", s.state());
        if (s.startTime() > 0) {
            o.put("startTime", ArmJson.millis(s.startTime()));
        }
        if (s.exitCode() != null) {
            o.put("exitCode", s.exitCode());
        }
        if (s.finishTime() > 0) {
            o.put("finishTime", ArmJson.millis(s.finishTime()));
        }
        o.put("detailStatus", s.detailStatus());
        return o;
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
        if (from.has(field) && !from.get(field).isNull()) {
            to.set(field, from.get(field).deepCopy());
        }
    }

    // ---- network ----------------------------------------------------------------------------------------------

    static String vnetId(String sub, String rg, World.VirtualNetwork v) {
        return SeedWorld.resourceGroupId(sub, rg) + "/providers/Microsoft.Network/virtualNetworks/" + v.name;
    }

    static ObjectNode subnet(String sub, String rg, World.VirtualNetwork v, World.Subnet s, List<String> linkedGroups, long now) {
        String id = vnetId(sub, rg, v) + "/subnets/" + s.name;
        ObjectNode out = ArmJson.object();
        out.put("name", s.name);
        out.put("id", id);
        out.put("etag", s.etag);
        ObjectNode p = out.putObject("properties");
        p.put("provisioningState", now < s.updatingUntil ? "Updating" : "Succeeded");
        p.put("addressPrefix", s.addressPrefix);
        if (s.networkSecurityGroupId != null) {
            p.putObject("networkSecurityGroup").put("id", s.networkSecurityGroupId);
        }
        if (!s.ipConfigurations.isEmpty()) {
            ArrayNode ipc = p.putArray("ipConfigurations");
            s.ipConfigurations.forEach(i -> ipc.addObject().put("id", i));
        }
        if (!linkedGroups.isEmpty()) {
            ArrayNode links = p.putArray("serviceAssociationLinks");
            ObjectNode sal = links.addObject();
            sal.put("name", "acisal");
            sal.put("id", id + "/serviceAssociationLinks/acisal");
            sal.put("etag", s.etag);
            sal.put("type", "Microsoft.Network/virtualNetworks/subnets/serviceAssociationLinks");
            ObjectNode sp = sal.putObject("properties");
            sp.put("provisioningState", "Succeeded");
            sp.put("linkedResourceType", SeedWorld.ACI_SERVICE);
            sp.put("enabledForArmDeployments", false);
            sp.put("allowDelete", false);
            sp.putArray("locations");
        }
        ArrayNode dels = p.putArray("delegations");
        for (World.Delegation d : s.delegations) {
            ObjectNode o = dels.addObject();
            o.put("name", d.name);
            o.put("id", id + "/delegations/" + d.name);
            o.put("etag", s.etag);
            ObjectNode dp = o.putObject("properties");
            dp.put("provisioningState", "Succeeded");
            dp.put("serviceName", d.serviceName);
            ArrayNode actions = dp.putArray("actions");
            if (SeedWorld.ACI_SERVICE.equalsIgnoreCase(d.serviceName)) {
                actions.add("Microsoft.Network/virtualNetworks/subnets/action");
            }
            o.put("type", "Microsoft.Network/virtualNetworks/subnets/delegations");
        }
        if (!s.delegations.isEmpty()) {
            p.put("purpose", "");
        }
        p.put("privateEndpointNetworkPolicies", s.privateEndpointNetworkPolicies);
        p.put("privateLinkServiceNetworkPolicies", s.privateLinkServiceNetworkPolicies);
        out.put("type", "Microsoft.Network/virtualNetworks/subnets");
        return out;
    }

    static ObjectNode vnet(String sub, String rg, World.VirtualNetwork v, java.util.function.Function<World.Subnet, List<String>> links,
            long now) {
        ObjectNode out = ArmJson.object();
        out.put("name", v.name);
        out.put("id", vnetId(sub, rg, v));
        out.put("etag", v.etag);
        out.put("type", "Microsoft.Network/virtualNetworks");
        out.put("location", v.location);
        if (!v.tags.isEmpty()) {
            ObjectNode tags = out.putObject("tags");
            v.tags.forEach(tags::put);
        }
        ObjectNode p = out.putObject("properties");
        p.put("provisioningState", now < v.updatingUntil ? "Updating" : "Succeeded");
        p.put("resourceGuid", v.resourceGuid);
        ArrayNode prefixes = p.putObject("addressSpace").putArray("addressPrefixes");
        v.addressPrefixes.forEach(prefixes::add);
        ArrayNode dns = p.putObject("dhcpOptions").putArray("dnsServers");
        v.dnsServers.forEach(dns::add);
        ArrayNode subnets = p.putArray("subnets");
        for (World.Subnet s : v.subnets) {
            subnets.add(subnet(sub, rg, v, s, links.apply(s), now));
        }
        p.putArray("virtualNetworkPeerings");
        p.put("enableDdosProtection", false);
        return out;
    }

    private static final String[][] DEFAULT_RULES = {
        {"AllowVnetInBound", "Allow inbound traffic from all VMs in VNET", "VirtualNetwork", "VirtualNetwork", "Allow", "65000", "Inbound"},
        {"AllowAzureLoadBalancerInBound", "Allow inbound traffic from azure load balancer", "AzureLoadBalancer", "*", "Allow", "65001", "Inbound"},
        {"DenyAllInBound", "Deny all inbound traffic", "*", "*", "Deny", "65500", "Inbound"},
        {"AllowVnetOutBound", "Allow outbound traffic from all VMs to all VMs in VNET", "VirtualNetwork", "VirtualNetwork", "Allow", "65000", "Outbound"},
        {"AllowInternetOutBound", "Allow outbound traffic from all VMs to Internet", "*", "Internet", "Allow", "65001", "Outbound"},
        {"DenyAllOutBound", "Deny all outbound traffic", "*", "*", "Deny", "65500", "Outbound"},
    };

    static ObjectNode nsg(String sub, String rg, World.SecurityGroup n, List<String> subnetIds) {
        String id = SeedWorld.resourceGroupId(sub, rg) + "/providers/Microsoft.Network/networkSecurityGroups/" + n.name;
        ObjectNode out = ArmJson.object();
        out.put("name", n.name);
        out.put("id", id);
        out.put("etag", n.etag);
        out.put("type", "Microsoft.Network/networkSecurityGroups");
        out.put("location", n.location);
        ObjectNode p = out.putObject("properties");
        p.put("provisioningState", "Succeeded");
        p.put("resourceGuid", n.resourceGuid);
        ArrayNode rules = p.putArray("securityRules");
        for (JsonNode r : n.securityRules) {
            ObjectNode o = rules.addObject();
            String name = r.path("name").asText();
            o.put("name", name);
            o.put("id", id + "/securityRules/" + name);
            o.put("etag", n.etag);
            o.put("type", "Microsoft.Network/networkSecurityGroups/securityRules");
            ObjectNode rp = o.putObject("properties");
            rp.put("provisioningState", "Succeeded");
            rp.setAll((ObjectNode) r.path("properties").deepCopy());
        }
        ArrayNode defaults = p.putArray("defaultSecurityRules");
        for (String[] d : DEFAULT_RULES) {
            ObjectNode o = defaults.addObject();
            o.put("name", d[0]);
            o.put("id", id + "/defaultSecurityRules/" + d[0]);
            o.put("etag", n.etag);
            o.put("type", "Microsoft.Network/networkSecurityGroups/defaultSecurityRules");
            ObjectNode rp = o.putObject("properties");
            rp.put("provisioningState", "Succeeded");
            rp.put("description", d[1]);
            rp.put("protocol", "*");
            rp.put("sourcePortRange", "*");
            rp.put("destinationPortRange", "*");
            rp.put("sourceAddressPrefix", d[2]);
            rp.putArray("sourceAddressPrefixes");
            rp.put("destinationAddressPrefix", d[3]);
            rp.putArray("destinationAddressPrefixes");
            rp.put("access", d[4]);
            rp.put("priority", Integer.parseInt(d[5]));
            rp.put("direction", d[6]);
        }
        ArrayNode subnets = p.putArray("subnets");
        subnetIds.forEach(sid -> subnets.addObject().put("id", sid));
        return out;
    }

    // ---- resources --------------------------------------------------------------------------------------------

    static ObjectNode subscription(World.Subscription s) {
        ObjectNode o = ArmJson.object();
        o.put("id", "/subscriptions/" + s.id);
        o.put("authorizationSource", "RoleBased");
        o.putArray("managedByTenants");
        o.put("subscriptionId", s.id);
        o.put("tenantId", s.tenantId);
        o.put("displayName", s.displayName);
        o.put("state", s.state);
        ObjectNode pol = o.putObject("subscriptionPolicies");
        pol.put("locationPlacementId", "Public_2014-09-01");
        pol.put("quotaId", "PayAsYouGo_2014-09-01");
        pol.put("spendingLimit", "Off");
        o.putObject("tags");
        return o;
    }

    static ObjectNode tenant(World.Tenant t) {
        ObjectNode o = ArmJson.object();
        o.put("id", "/tenants/" + t.id);
        o.put("tenantId", t.id);
        o.put("countryCode", t.countryCode);
        o.put("displayName", t.displayName);
        o.putArray("domains").add(t.defaultDomain);
        o.put("tenantCategory", "Home");
        o.put("defaultDomain", t.defaultDomain);
        o.put("tenantType", "AAD");
        return o;
    }

    static ObjectNode location(String sub, SeedWorld.Region r) {
        ObjectNode o = ArmJson.object();
        o.put("id", "/subscriptions/" + sub + "/locations/" + r.name());
        o.put("name", r.name());
        o.put("type", "Region");
        o.put("displayName", r.displayName());
        o.put("regionalDisplayName", r.regionalDisplayName());
        ObjectNode m = o.putObject("metadata");
        m.put("regionType", "Physical");
        m.put("regionCategory", "Recommended");
        m.put("geographyGroup", r.geographyGroup());
        m.put("longitude", r.longitude());
        m.put("latitude", r.latitude());
        m.put("physicalLocation", r.physicalLocation());
        ObjectNode pair = m.putArray("pairedRegion").addObject();
        pair.put("name", r.pairedRegion());
        pair.put("id", "/subscriptions/" + sub + "/locations/" + r.pairedRegion());
        return o;
    }

    static ObjectNode resourceGroup(String sub, World.ResourceGroup g) {
        ObjectNode o = ArmJson.object();
        o.put("id", SeedWorld.resourceGroupId(sub, g.name));
        o.put("name", g.name);
        o.put("type", "Microsoft.Resources/resourceGroups");
        o.put("location", g.location);
        if (!g.tags.isEmpty()) {
            ObjectNode tags = o.putObject("tags");
            g.tags.forEach(tags::put);
        }
        o.putObject("properties").put("provisioningState", "Succeeded");
        return o;
    }

    static ObjectNode provider(String sub, String namespace, String state) {
        ObjectNode o = ArmJson.object();
        o.put("id", "/subscriptions/" + sub + "/providers/" + namespace);
        o.put("namespace", namespace);
        o.put("registrationState", state);
        o.put("registrationPolicy", "RegistrationRequired");
        ArrayNode types = o.putArray("resourceTypes");
        if (namespace.equalsIgnoreCase("Microsoft.ContainerInstance")) {
            for (String t : List.of("containerGroups", "locations", "locations/capabilities", "locations/usages",
                    "locations/operations", "locations/operationresults")) {
                ObjectNode rt = types.addObject();
                rt.put("resourceType", t);
                ArrayNode locs = rt.putArray("locations");
                if (t.equals("containerGroups") || t.startsWith("locations/")) {
                    SeedWorld.REGIONS.forEach(r -> locs.add(r.displayName()));
                }
                ArrayNode versions = rt.putArray("apiVersions");
                List.of("2024-05-01-preview", "2023-05-01", "2022-10-01-preview", "2021-09-01", "2018-06-01").forEach(versions::add);
                rt.put("capabilities", t.equals("containerGroups")
                        ? "CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, SupportsLocation" : "None");
            }
        } else {
            ObjectNode rt = types.addObject();
            rt.put("resourceType", "operations");
            rt.putArray("locations");
            rt.putArray("apiVersions").add("2025-03-01");
            rt.put("capabilities", "None");
        }
        return o;
    }

    static ObjectNode capabilities(SeedWorld.Region r) {
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        String[][] combos = {{"Linux", "Public", r.gpu()}, {"Windows", "Public", "None"}, {"Linux", "Private", "None"}};
        for (String[] c : combos) {
            ObjectNode o = value.addObject();
            o.put("resourceType", "containerGroups");
            o.put("osType", c[0]);
            o.put("location", r.displayName());
            o.put("ipAddressType", c[1]);
            o.put("gpu", c[2]);
            ObjectNode caps = o.putObject("capabilities");
            caps.put("maxMemoryInGB", r.maxMemoryInGB());
            caps.put("maxCpu", r.maxCpu());
            caps.put("maxGpuCount", "None".equals(c[2]) ? 0 : r.maxGpuCount());
        }
        return root;
    }

    static ObjectNode usage(String name, String localized, double current, int limit) {
        ObjectNode o = ArmJson.object();
        o.put("unit", "Count");
        if (current == Math.rint(current)) {
            o.put("currentValue", (long) current);
        } else {
            o.put("currentValue", current);
        }
        o.put("limit", limit);
        ObjectNode n = o.putObject("name");
        n.put("value", name);
        n.put("localizedValue", localized);
        return o;
    }
}
