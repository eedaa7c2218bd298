package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The world every simulator starts with. Tests, docs and demos rely on these names and ids: change them only
 * together with the README's "Simulator" section.
 */
public final class SeedWorld {
    public static final String TENANT = "99999999-9999-9999-9999-999999999999";
    public static final String TENANT_DOMAIN = "contoso.onmicrosoft.com";
    public static final String TENANT_NAME = "Contoso";

    /** Subscription "Contoso Production": Microsoft.ContainerInstance registered. */
    public static final String PRODUCTION = "11111111-1111-1111-1111-111111111111";
    public static final String PRODUCTION_NAME = "Contoso Production";
    /** Subscription "Contoso Training": Microsoft.ContainerInstance NOT registered (registers after a delay). */
    public static final String TRAINING = "22222222-2222-2222-2222-222222222222";
    public static final String TRAINING_NAME = "Contoso Training";

    public static final String RESOURCE_GROUP = "rg-keeper";
    public static final String EMPTY_RESOURCE_GROUP = "rg-empty";
    public static final String LOCATION = "westeurope";
    public static final String VNET = "vnet-keeper";
    public static final String VNET_PREFIX = "10.10.0.0/16";
    /** 10.10.1.0/24, delegated to Microsoft.ContainerInstance/containerGroups, empty. */
    public static final String SUBNET_ACI = "aci-gateways";
    /** 10.10.2.0/24, no delegation, empty. */
    public static final String SUBNET_UNDELEGATED = "aci-undelegated";
    /** 10.10.3.0/24, no delegation, used by a VM's NIC. */
    public static final String SUBNET_VMS = "vms";
    /** 10.10.4.0/24, delegated, with NSG {@link #NSG_LOCKED} denying outbound UDP 3478 and 49152-65535. */
    public static final String SUBNET_LOCKED = "aci-locked";
    public static final String NSG_LOCKED = "nsg-locked";
    public static final String VM_NIC = "vm-jumpbox-nic";
    public static final String ACI_SERVICE = "Microsoft.ContainerInstance/containerGroups";
    /** StandardCores per region and subscription, ACI's default. */
    public static final int CORE_QUOTA = 10;

    /** A region as the locations and capabilities APIs describe it. */
    public record Region(String name, String displayName, String geographyGroup, String latitude, String longitude,
            String physicalLocation, String pairedRegion, double maxCpu, double maxMemoryInGB, String gpu, int maxGpuCount) {

        public String regionalDisplayName() {
            String prefix = switch (geographyGroup) {
                case "Asia Pacific" -> "(Asia Pacific) ";
                case "Canada" -> "(Canada) ";
                case "Europe" -> "(Europe) ";
                default -> "(US) ";
            };
            return prefix + displayName;
        }
    }

    public static final List<Region> REGIONS = List.of(
            new Region("westeurope", "West Europe", "Europe", "52.3667", "4.9", "Netherlands", "northeurope", 4, 16, "None", 0),
            new Region("northeurope", "North Europe", "Europe", "53.3478", "-6.2597", "Ireland", "westeurope", 4, 16, "None", 0),
            new Region("uksouth", "UK South", "Europe", "50.941", "-0.799", "London", "ukwest", 4, 16, "None", 0),
            new Region("eastus", "East US", "US", "37.3719", "-79.8164", "Virginia", "westus", 4, 16, "None", 0),
            new Region("eastus2", "East US 2", "US", "36.6681", "-78.3889", "Virginia", "centralus", 4, 16, "None", 0),
            new Region("westus", "West US", "US", "37.783", "-122.417", "California", "eastus", 4, 14, "K80", 4),
            new Region("westcentralus", "West Central US", "US", "40.89", "-110.234", "Wyoming", "westus2", 4, 16, "None", 0),
            new Region("usgovvirginia", "USGov Virginia", "US", "37.3719", "-79.8164", "Virginia", "usgovtexas", 4, 14, "None", 0),
            new Region("canadacentral", "Canada Central", "Canada", "43.653", "-79.383", "Toronto", "canadaeast", 4, 16, "None", 0),
            new Region("australiaeast", "Australia East", "Asia Pacific", "-33.86", "151.2094", "New South Wales", "australiasoutheast", 4, 16, "None", 0),
            new Region("japaneast", "Japan East", "Asia Pacific", "35.68", "139.77", "Tokyo, Saitama", "japanwest", 4, 16, "None", 0));

    private SeedWorld() {
    }

    /** The region whose name matches, ignoring case and spaces ({@code "West Europe"} finds westeurope). */
    public static Optional<Region> region(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = normalizeLocation(name);
        return REGIONS.stream().filter(r -> r.name().equals(n)).findFirst();
    }

    /** Azure's canonical location name: lower case, no spaces. */
    public static String normalizeLocation(String location) {
        return location == null ? null : location.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    public static String subscriptionId(String subscription) {
        return "/subscriptions/" + subscription;
    }

    public static String resourceGroupId(String subscription, String resourceGroup) {
        return subscriptionId(subscription) + "/resourceGroups/" + resourceGroup;
    }

    public static String vnetId(String subscription) {
        return resourceGroupId(subscription, RESOURCE_GROUP) + "/providers/Microsoft.Network/virtualNetworks/" + VNET;
    }

    /** Id of a seeded subnet of {@code vnet-keeper} in the given subscription. */
    public static String subnetId(String subscription, String subnet) {
        return vnetId(subscription) + "/subnets/" + subnet;
    }

    public static String nsgId(String subscription) {
        return resourceGroupId(subscription, RESOURCE_GROUP) + "/providers/Microsoft.Network/networkSecurityGroups/" + NSG_LOCKED;
    }

    public static String containerGroupId(String subscription, String resourceGroup, String name) {
        return resourceGroupId(subscription, resourceGroup) + "/providers/Microsoft.ContainerInstance/containerGroups/" + name;
    }

    /** Builds a fresh copy of the seeded world. */
    static World build() {
        World w = new World();
        World.Tenant t = new World.Tenant();
        t.id = TENANT;
        t.displayName = TENANT_NAME;
        t.defaultDomain = TENANT_DOMAIN;
        w.tenants.add(t);
        w.subscriptions.add(subscription(PRODUCTION, PRODUCTION_NAME, true));
        w.subscriptions.add(subscription(TRAINING, TRAINING_NAME, false));
        return w;
    }

    private static World.Subscription subscription(String id, String name, boolean aciRegistered) {
        World.Subscription s = new World.Subscription();
        s.id = id;
        s.displayName = name;
        s.tenantId = TENANT;
        World.Provider p = new World.Provider();
        p.namespace = "Microsoft.ContainerInstance";
        p.state = aciRegistered ? "Registered" : "NotRegistered";
        s.providers.put("microsoft.containerinstance", p);

        World.ResourceGroup rg = new World.ResourceGroup();
        rg.name = RESOURCE_GROUP;
        rg.location = LOCATION;
        s.resourceGroups.add(rg);

        World.VirtualNetwork v = new World.VirtualNetwork();
        v.name = VNET;
        v.location = LOCATION;
        v.resourceGuid = stableGuid("vnet-" + id);
        v.etag = etag("vnet-" + id + "-0");
        v.addressPrefixes.add(VNET_PREFIX);
        v.subnets.add(subnet(id, SUBNET_ACI, "10.10.1.0/24", true));
        v.subnets.add(subnet(id, SUBNET_UNDELEGATED, "10.10.2.0/24", false));
        World.Subnet vms = subnet(id, SUBNET_VMS, "10.10.3.0/24", false);
        vms.ipConfigurations.add(resourceGroupId(id, RESOURCE_GROUP) + "/providers/Microsoft.Network/networkInterfaces/"
                + VM_NIC + "/ipConfigurations/ipconfig1");
        v.subnets.add(vms);
        World.Subnet locked = subnet(id, SUBNET_LOCKED, "10.10.4.0/24", true);
        locked.networkSecurityGroupId = nsgId(id);
        v.subnets.add(locked);
        rg.virtualNetworks.add(v);

        World.SecurityGroup nsg = new World.SecurityGroup();
        nsg.name = NSG_LOCKED;
        nsg.location = LOCATION;
        nsg.resourceGuid = stableGuid("nsg-" + id);
        nsg.etag = etag("nsg-" + id);
        nsg.securityRules.add(rule("deny-turn-udp-3478", "Udp", "3478", 100,
                "Blocks STUN/TURN to Keeper's relay (krelay) over UDP"));
        nsg.securityRules.add(rule("deny-relay-udp-high", "Udp", "49152-65535", 110,
                "Blocks relay media over UDP"));
        rg.securityGroups.add(nsg);

        World.ResourceGroup empty = new World.ResourceGroup();
        empty.name = EMPTY_RESOURCE_GROUP;
        empty.location = LOCATION;
        s.resourceGroups.add(empty);
        return s;
    }

    private static World.Subnet subnet(String sub, String name, String prefix, boolean delegated) {
        World.Subnet s = new World.Subnet();
        s.name = name;
        s.addressPrefix = prefix;
        s.etag = etag("subnet-" + sub + "-" + name + "-0");
        if (delegated) {
            s.delegations.add(new World.Delegation("aci-delegation", ACI_SERVICE));
        }
        return s;
    }

    private static ObjectNode rule(String name, String protocol, String ports, int priority, String description) {
        ObjectNode r = ArmJson.object();
        r.put("name", name);
        ObjectNode p = r.putObject("properties");
        p.put("description", description);
        p.put("protocol", protocol);
        p.put("sourcePortRange", "*");
        p.put("destinationPortRange", ports);
        p.put("sourceAddressPrefix", "*");
        p.put("destinationAddressPrefix", "Internet");
        p.put("access", "Deny");
        p.put("priority", priority);
        p.put("direction", "Outbound");
        return r;
    }

    static String stableGuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    static String etag(String seed) {
        return "W/\"" + stableGuid(seed) + "\"";
    }
}
