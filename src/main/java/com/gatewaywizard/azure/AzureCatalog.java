package com.gatewaywizard.azure;

import com.azure.resourcemanager.containerinstance.fluent.models.UsageInner;
import com.azure.resourcemanager.containerinstance.models.Capabilities;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.network.models.Delegation;
import com.azure.resourcemanager.network.models.ServiceAssociationLink;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Location;
import com.azure.resourcemanager.resources.models.Provider;
import com.azure.resourcemanager.resources.models.ProviderResourceType;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import com.gatewaywizard.spec.SubnetId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Catalog} on the real SDK. */
final class AzureCatalog implements Catalog {
    private static final Logger LOG = LoggerFactory.getLogger(AzureCatalog.class);
    static final String ACI_NAMESPACE = "Microsoft.ContainerInstance";
    static final String DELEGATION_NAME = "aci-delegation";

    private final AzureConnection c;

    AzureCatalog(AzureConnection c) {
        this.c = c;
    }

    private ResourceManager rm(String subscriptionId) {
        return c.resourceManager(subscriptionId);
    }

    @Override
    public List<ResourceGroupInfo> resourceGroups(String subscriptionId) {
        List<ResourceGroupInfo> out = new ArrayList<>();
        for (ResourceGroup g : rm(subscriptionId).resourceGroups().list()) {
            out.add(new ResourceGroupInfo(g.name(), g.regionName()));
        }
        out.sort(Comparator.comparing(g -> g.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    @Override
    public ResourceGroupInfo createResourceGroup(String subscriptionId, String name, String region) {
        LOG.info("creating resource group {} in {}", name, region);
        ResourceGroup g = rm(subscriptionId).resourceGroups().define(name).withRegion(region).create();
        return new ResourceGroupInfo(g.name(), g.regionName());
    }

    @Override
    public List<RegionInfo> aciRegions(String subscriptionId) {
        Map<String, String> byDisplay = new HashMap<>();
        Map<String, String> displayOf = new HashMap<>();
        for (Location l : rm(subscriptionId).subscriptions().getById(subscriptionId).listLocations()) {
            byDisplay.put(norm(l.displayName()), l.name());
            byDisplay.put(norm(l.name()), l.name());
            displayOf.put(l.name(), l.displayName());
        }
        Provider p = rm(subscriptionId).providers().getByName(ACI_NAMESPACE);
        List<RegionInfo> out = new ArrayList<>();
        for (ProviderResourceType t : p.resourceTypes()) {
            if (!"containerGroups".equalsIgnoreCase(t.resourceType()) || t.locations() == null) {
                continue;
            }
            for (String display : t.locations()) {
                String name = byDisplay.getOrDefault(norm(display), norm(display));
                out.add(new RegionInfo(name, displayOf.getOrDefault(name, display)));
            }
        }
        out.sort(Comparator.comparing(RegionInfo::displayName));
        return out.stream().distinct().toList();
    }

    static String norm(String s) {
        return s == null ? "" : s.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public List<VnetInfo> networks(String subscriptionId) {
        List<VnetInfo> out = new ArrayList<>();
        for (VirtualNetworkInner v : c.network(subscriptionId).getVirtualNetworks().list()) {
            out.add(vnet(v));
        }
        out.sort(Comparator.comparing(VnetInfo::name));
        return out;
    }

    static VnetInfo vnet(VirtualNetworkInner v) {
        String rg = Statuses.resourceGroupOf(v.id());
        List<SubnetInfo> subnets = new ArrayList<>();
        if (v.subnets() != null) {
            for (SubnetInner s : v.subnets()) {
                subnets.add(subnet(s, v.name(), rg, v.location()));
            }
        }
        List<String> prefixes = v.addressSpace() == null || v.addressSpace().addressPrefixes() == null ? List.of()
                : v.addressSpace().addressPrefixes();
        return new VnetInfo(v.id(), v.name(), rg, v.location(), prefixes, subnets);
    }

    static SubnetInfo subnet(SubnetInner s, String vnet, String rg, String location) {
        List<String> delegations = new ArrayList<>();
        if (s.delegations() != null) {
            for (Delegation d : s.delegations()) {
                if (d.serviceName() != null) {
                    delegations.add(d.serviceName());
                }
            }
        }
        List<String> usedBy = new ArrayList<>();
        if (s.ipConfigurations() != null) {
            s.ipConfigurations().forEach(ip -> usedBy.add(ip.id()));
        }
        if (s.privateEndpoints() != null) {
            s.privateEndpoints().forEach(pe -> usedBy.add(pe.id()));
        }
        if (s.serviceAssociationLinks() != null) {
            for (ServiceAssociationLink l : s.serviceAssociationLinks()) {
                String type = l.linkedResourceType() == null ? "" : l.linkedResourceType();
                if (!type.equalsIgnoreCase(SubnetInfo.ACI_DELEGATION) && !type.toLowerCase(Locale.ROOT).startsWith("microsoft.containerinstance")) {
                    usedBy.add(l.link() != null ? l.link() : l.id());
                }
            }
        }
        if (s.resourceNavigationLinks() != null) {
            s.resourceNavigationLinks().forEach(l -> usedBy.add(l.link() != null ? l.link() : l.id()));
        }
        String prefix = s.addressPrefix() != null ? s.addressPrefix()
                : s.addressPrefixes() != null && !s.addressPrefixes().isEmpty() ? String.join(", ", s.addressPrefixes()) : null;
        String nsg = s.networkSecurityGroup() == null ? null : s.networkSecurityGroup().id();
        return new SubnetInfo(s.id(), s.name(), vnet, rg, location, prefix, delegations, usedBy, nsg);
    }

    static SubnetId parse(String subnetId) {
        return SubnetId.parse(subnetId).orElseThrow(() -> new IllegalArgumentException(
                "Not a subnet id (/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…)"));
    }

    @Override
    public SubnetInfo subnet(String subnetId) {
        SubnetId id = parse(subnetId);
        VirtualNetworkInner v = c.network(id.subscriptionId()).getVirtualNetworks()
                .getByResourceGroup(id.resourceGroup(), id.vnet());
        if (v.subnets() != null) {
            for (SubnetInner s : v.subnets()) {
                if (s.name().equalsIgnoreCase(id.subnet())) {
                    return subnet(s, v.name(), id.resourceGroup(), v.location());
                }
            }
        }
        // Not in the VNet's list: ask for the subnet itself, which answers ARM's 404 in plain form.
        SubnetInner s = c.network(id.subscriptionId()).getSubnets()
                .get(id.resourceGroup(), id.vnet(), id.subnet());
        return subnet(s, v.name(), id.resourceGroup(), v.location());
    }

    @Override
    public SubnetInfo delegateSubnet(String subnetId) {
        SubnetId id = parse(subnetId);
        var subnets = c.network(id.subscriptionId()).getSubnets();
        SubnetInner s = subnets.get(id.resourceGroup(), id.vnet(), id.subnet());
        List<Delegation> d = new ArrayList<>(s.delegations() == null ? List.of() : s.delegations());
        boolean has = d.stream().anyMatch(x -> SubnetInfo.ACI_DELEGATION.equalsIgnoreCase(x.serviceName()));
        if (!has) {
            d.add(new Delegation().withName(DELEGATION_NAME).withServiceName(SubnetInfo.ACI_DELEGATION));
            s.withDelegations(d);
            LOG.info("delegating subnet {} to {} (subnet-only PUT)", subnetId, SubnetInfo.ACI_DELEGATION);
            Polling.await(subnets.beginCreateOrUpdate(id.resourceGroup(), id.vnet(), id.subnet(), s), c.tuning());
        }
        return subnet(subnetId);
    }

    @Override
    public RegionLimits limits(String subscriptionId, String region) {
        double cpu = 0;
        double mem = 0;
        for (Capabilities cap : c.aci(subscriptionId).getLocations().listCapabilities(region)) {
            boolean linux = "Linux".equalsIgnoreCase(cap.osType());
            boolean noGpu = cap.gpu() == null || "None".equalsIgnoreCase(cap.gpu());
            if (linux && noGpu && cap.capabilities() != null) {
                if (cap.capabilities().maxCpu() != null) {
                    cpu = Math.max(cpu, cap.capabilities().maxCpu());
                }
                if (cap.capabilities().maxMemoryInGB() != null) {
                    mem = Math.max(mem, cap.capabilities().maxMemoryInGB());
                }
            }
        }
        return new RegionLimits(region, cpu, mem);
    }

    @Override
    public CoreUsage cores(String subscriptionId, String region) {
        for (UsageInner u : c.aci(subscriptionId).getLocations().listUsage(region)) {
            if (u.name() != null && "StandardCores".equalsIgnoreCase(u.name().value())) {
                return new CoreUsage(region, u.currentValue() == null ? 0 : u.currentValue(), u.limit() == null ? 0 : u.limit());
            }
        }
        throw new IllegalStateException("Azure reported no StandardCores quota for region " + region);
    }

    @Override
    public ProviderState providerState(String subscriptionId) {
        return state(rm(subscriptionId).providers().getByName(ACI_NAMESPACE).registrationState());
    }

    static ProviderState state(String s) {
        if (s == null) {
            return ProviderState.UNKNOWN;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "registered" -> ProviderState.REGISTERED;
            case "notregistered", "unregistered" -> ProviderState.NOT_REGISTERED;
            case "registering" -> ProviderState.REGISTERING;
            case "unregistering" -> ProviderState.UNREGISTERING;
            default -> ProviderState.UNKNOWN;
        };
    }

    @Override
    public ProviderState registerProvider(String subscriptionId) {
        ProviderState now = providerState(subscriptionId);
        if (now == ProviderState.REGISTERED) {
            return now;
        }
        LOG.info("registering {} in subscription {}", ACI_NAMESPACE, subscriptionId);
        rm(subscriptionId).providers().register(ACI_NAMESPACE);
        ProviderState[] last = {ProviderState.REGISTERING};
        Polling.until(() -> (last[0] = providerState(subscriptionId)) == ProviderState.REGISTERED, c.tuning(),
                "Registering " + ACI_NAMESPACE);
        return last[0];
    }
}
