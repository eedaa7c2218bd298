package com.gatewaywizard.simulator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulated cloud's state: plain mutable objects guarded by {@link SimulatedCloud}'s lock and saved as JSON
 * (by field) for {@code --state}. Times are epoch milliseconds. Secret values are never part of it: fields that
 * hold them are {@link JsonIgnore}d and live in memory only.
 */
final class World {
    int version = 1;
    List<Tenant> tenants = new ArrayList<>();
    List<Subscription> subscriptions = new ArrayList<>();
    List<AsyncOp> operations = new ArrayList<>();
    /** Public IPs handed out so far (the next one is derived from it). */
    int publicIpCounter;

    Subscription subscription(String id) {
        for (Subscription s : subscriptions) {
            if (s.id.equalsIgnoreCase(id)) {
                return s;
            }
        }
        return null;
    }

    static final class Tenant {
        String id;
        String displayName;
        String defaultDomain;
        String countryCode = "US";
    }

    static final class Subscription {
        String id;
        String displayName;
        String tenantId;
        String state = "Enabled";
        /** Provider namespace (lower case) → registration. Namespaces not listed are Registered. */
        Map<String, Provider> providers = new LinkedHashMap<>();
        List<ResourceGroup> resourceGroups = new ArrayList<>();

        ResourceGroup resourceGroup(String name) {
            for (ResourceGroup g : resourceGroups) {
                if (g.name.equalsIgnoreCase(name)) {
                    return g;
                }
            }
            return null;
        }

        Provider provider(String namespace) {
            return providers.get(namespace.toLowerCase(Locale.ROOT));
        }
    }

    static final class Provider {
        String namespace;
        /** NotRegistered, Registering (until {@link #registeredAt}) or Registered. */
        String state;
        long registeredAt;

        String stateAt(long now) {
            if ("Registering".equals(state) && now >= registeredAt) {
                return "Registered";
            }
            return state;
        }
    }

    static final class ResourceGroup {
        String name;
        String location;
        Map<String, String> tags = new LinkedHashMap<>();
        List<VirtualNetwork> virtualNetworks = new ArrayList<>();
        List<SecurityGroup> securityGroups = new ArrayList<>();
        List<ContainerGroup> containerGroups = new ArrayList<>();

        VirtualNetwork vnet(String name) {
            for (VirtualNetwork v : virtualNetworks) {
                if (v.name.equalsIgnoreCase(name)) {
                    return v;
                }
            }
            return null;
        }

        SecurityGroup nsg(String name) {
            for (SecurityGroup n : securityGroups) {
                if (n.name.equalsIgnoreCase(name)) {
                    return n;
                }
            }
            return null;
        }

        ContainerGroup containerGroup(String name) {
            for (ContainerGroup c : containerGroups) {
                if (c.name.equalsIgnoreCase(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    static final class VirtualNetwork {
        String name;
        String location;
        String resourceGuid;
        String etag;
        List<String> addressPrefixes = new ArrayList<>();
        List<String> dnsServers = new ArrayList<>();
        List<Subnet> subnets = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        /** Until this time a PUT of the network is in progress (provisioningState Updating). */
        long updatingUntil;

        Subnet subnet(String name) {
            for (Subnet s : subnets) {
                if (s.name.equalsIgnoreCase(name)) {
                    return s;
                }
            }
            return null;
        }
    }

    static final class Subnet {
        String name;
        String etag;
        String addressPrefix;
        List<Delegation> delegations = new ArrayList<>();
        /** Full resource id of the subnet's NSG, or null. */
        String networkSecurityGroupId;
        /** Ids of NIC ip configurations in the subnet (a VM's NIC). */
        List<String> ipConfigurations = new ArrayList<>();
        String privateEndpointNetworkPolicies = "Disabled";
        String privateLinkServiceNetworkPolicies = "Enabled";
        long updatingUntil;
    }

    static final class Delegation {
        String name;
        String serviceName;

        Delegation() {
        }

        Delegation(String name, String serviceName) {
            this.name = name;
            this.serviceName = serviceName;
        }
    }

    static final class SecurityGroup {
        String name;
        String location;
        String resourceGuid;
        String etag;
        /** {@code [{name, properties{protocol, sourcePortRange, destinationPortRange, …, access, priority, direction}}]} */
        List<JsonNode> securityRules = new ArrayList<>();
    }

    /** An ACI container group: what was deployed (without secrets) and the timestamps its state derives from. */
    static final class ContainerGroup {
        String name;
        String location;
        /** The accepted resource {location, tags, zones, identity, properties{…}}, secret values removed. */
        ObjectNode resource;
        /** Registry servers the PUT gave a password (or identity) for. */
        List<String> authenticatedRegistries = new ArrayList<>();
        /** Per container name: what its process does once started. */
        Map<String, ContainerBehaviour> behaviours = new LinkedHashMap<>();
        long createdAt;
        /** The current run of the group (create, update, start or restart). */
        Activation activation;
        /** Set while the group is stopped: the time of the stop. */
        long stoppedAt;
        /** When a delete was accepted (the group disappears at {@link #deletedAt}); 0 if not deleting. */
        long deletingSince;
        long deletedAt;
        /** An Azure Files volume without a storage key: the share cannot be mounted (FailedMount). */
        boolean mountFailure;
        /** Subnet id the group is deployed into, or null for a public group. */
        String subnetId;
        /** Private or public IP held by the current activation, or null. */
        String ip;
        /** The address held before the last stop (deallocated): the next start takes another one when it can. */
        String lastIp;
        /** Per container: events and restart count carried over from earlier activations. */
        Map<String, List<EventRecord>> carriedEvents = new LinkedHashMap<>();
        Map<String, Integer> carriedRestarts = new LinkedHashMap<>();
        /** Per container: the run that ended when the group was restarted (ACI's previousState after a restart). */
        @JsonIgnore
        Map<String, GroupEngine.StateView> carriedPrevious = new LinkedHashMap<>();
        /** The last PUT body exactly as received, secrets included: in memory only, for "preview == deployed" tests. */
        @JsonIgnore
        JsonNode lastPutBody;

        String restartPolicy() {
            JsonNode p = resource.path("properties").path("restartPolicy");
            return p.isMissingNode() || p.isNull() ? "Always" : p.asText();
        }
    }

    static final class ContainerBehaviour {
        /** GATEWAY, SHELL or IDLE. */
        String kind = "IDLE";
        /** For GATEWAY: whether the config loads, its Keeper host, the first problem. */
        boolean configOk = true;
        String configHost;
        String configProblem;
        boolean eulaAccepted = true;
        String logLevel;
        /** For SHELL: the script given with {@code sh -c}, or the argv joined for a single command. */
        String script;
        boolean busybox;
        /** Outbound UDP to Keeper's relay is denied by the subnet's NSG. */
        boolean udpBlocked;
        /** Names of env vars and whether each is secure; values are kept only for non-secure ones. */
        List<EnvVar> env = new ArrayList<>();
    }

    static final class EnvVar {
        String name;
        String value;
        boolean secure;
    }

    static final class Activation {
        int seq;
        /** CREATE, UPDATE, START or RESTART. */
        String kind;
        long startedAt;
        /** Per container: image pulls fail this many times before succeeding (-1: never; absent: 0). */
        Map<String, Integer> failedPulls = new LinkedHashMap<>();
    }

    static final class EventRecord {
        String name;
        String message;
        String type = "Normal";
        int count;
        long first;
        long last;

        EventRecord() {
        }

        EventRecord(String name, String message, String type, long at) {
            this.name = name;
            this.message = message;
            this.type = type;
            this.count = 1;
            this.first = at;
            this.last = at;
        }

        EventRecord copy() {
            EventRecord e = new EventRecord(name, message, type, first);
            e.count = count;
            e.last = last;
            return e;
        }
    }

    /** An LRO the simulator handed out an {@code Azure-AsyncOperation} URL for. */
    static final class AsyncOp {
        String id;
        String subscriptionId;
        /** Microsoft.ContainerInstance or Microsoft.Network. */
        String namespace;
        String location;
        /** CG_PUT, CG_START, CG_DELETE, SUBNET_PUT, VNET_PUT. */
        String kind;
        String resourceId;
        long startedAt;
        long doneAt;
        int activationSeq;
        String canceledBy;
    }
}
