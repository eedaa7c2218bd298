package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks ACI makes on a container-group PUT, with Azure's error codes where they are known (see the README's
 * table for the ones the simulator had to choose), and the split of the body into what is kept (no secrets) and
 * what the simulated containers will do.
 */
final class ContainerGroupRules {
    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final Pattern SUBNET_ID = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Network/virtualNetworks/([^/]+)/subnets/([^/]+)/?",
            Pattern.CASE_INSENSITIVE);
    static final Pattern VNET_ID = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Network/virtualNetworks/([^/]+)/?",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> VOLUME_TYPES = List.of("azureFile", "emptyDir", "secret", "gitRepo");
    private static final List<String> DOCKER_HUB = List.of("index.docker.io", "docker.io", "registry-1.docker.io",
            "https://index.docker.io/v1/");

    /** What a valid PUT amounts to. */
    record Accepted(ObjectNode resource, List<String> authenticatedRegistries, Map<String, World.ContainerBehaviour> behaviours,
            String subnetId, double cpu, double memory, String location, Map<String, ContainerShape> shapes, boolean mountFailure) {
    }

    /** The parts of a container an in-place update may not change. */
    record ContainerShape(double cpu, double memory, String gpu) {
    }

    private ContainerGroupRules() {
    }

    static void checkName(String name) {
        if (name.length() > 63 || !NAME.matcher(name).matches() || name.contains("--")) {
            throw ArmException.badRequest("InvalidContainerGroupName", "The container group name '" + name
                    + "' is invalid. The container group name must contain no more than 63 characters and must match the regex "
                    + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?' (e.g. 'my-name'). Consecutive hyphens are not allowed.");
        }
    }

    private static ArmException missing(String property, String path) {
        return ArmException.badRequest("InvalidRequestContent", "The request content was invalid and could not be deserialized: "
                + "'Required property '" + property + "' not found in JSON. Path '" + path + "'.'.");
    }

    /**
     * Validates a PUT body against ACI's rules and the world (subnets, regions).
     *
     * @param subnetLookup finds a subnet by id: returns null when it does not exist
     */
    static Accepted accept(String subscription, String resourceGroup, String groupName, JsonNode body, SubnetLookup subnetLookup,
            GatewayConfigCheck configCheck) {
        checkName(groupName);
        if (body == null || !body.isObject()) {
            throw ArmException.badRequest("InvalidRequestContent", "The request content was invalid and could not be deserialized: "
                    + "'the request body must be a JSON object'.");
        }
        String rawLocation = ArmJson.text(body, "location");
        if (rawLocation == null || rawLocation.isBlank()) {
            throw ArmException.badRequest("LocationRequired", "The location property is required for this definition.");
        }
        SeedWorld.Region region = SeedWorld.region(rawLocation).orElseThrow(() -> ArmException.badRequest(
                "LocationNotAvailableForResourceType", "The provided location '" + rawLocation + "' is not available for resource type '"
                        + Renderer.CG_TYPE + "'. List of available regions for the resource type is '"
                        + String.join(",", SeedWorld.REGIONS.stream().map(SeedWorld.Region::name).toList()) + "'."));
        JsonNode props = body.get("properties");
        if (props == null || !props.isObject()) {
            throw missing("properties", "");
        }
        JsonNode containers = props.get("containers");
        if (containers == null || !containers.isArray() || containers.isEmpty()) {
            throw missing("containers", "properties");
        }
        if (!props.hasNonNull("osType")) {
            throw missing("osType", "properties");
        }
        String osType = props.get("osType").asText();
        if (!osType.equalsIgnoreCase("Linux") && !osType.equalsIgnoreCase("Windows")) {
            throw ArmException.badRequest("InvalidOsType", "The OS type '" + osType + "' is invalid. It must be 'Linux' or 'Windows'.");
        }
        String restartPolicy = ArmJson.text(props, "restartPolicy");
        if (restartPolicy != null && !List.of("always", "onfailure", "never").contains(restartPolicy.toLowerCase(Locale.ROOT))) {
            throw ArmException.badRequest("InvalidRestartPolicy", "The restart policy '" + restartPolicy
                    + "' is invalid. It must be one of 'Always', 'OnFailure' or 'Never'.");
        }

        // Volumes: exactly one type each (a null emptyDir is no type at all).
        List<String> volumeNames = new ArrayList<>();
        for (JsonNode v : props.path("volumes")) {
            String vname = ArmJson.text(v, "name");
            int types = 0;
            for (String t : VOLUME_TYPES) {
                if (v.hasNonNull(t)) {
                    types++;
                }
            }
            if (types != 1) {
                throw ArmException.badRequest("InvalidVolume", "The volume '" + vname + "' in container group '" + groupName
                        + "' is invalid: exactly one of the properties 'azureFile', 'emptyDir', 'secret' or 'gitRepo' must be specified.");
            }
            volumeNames.add(vname);
        }

        double cpu = 0;
        double memory = 0;
        int gpus = 0;
        Map<String, ContainerShape> shapes = new LinkedHashMap<>();
        for (JsonNode c : containers) {
            String cname = ArmJson.text(c, "name");
            if (cname == null) {
                throw missing("name", "properties.containers[0]");
            }
            if (cname.length() > 63 || !NAME.matcher(cname).matches()) {
                throw ArmException.badRequest("InvalidContainerName", "The container name '" + cname + "' in container group '"
                        + groupName + "' is invalid. The container name must contain no more than 63 characters and must match the "
                        + "regex '[a-z0-9]([-a-z0-9]*[a-z0-9])?' (e.g. 'my-name').");
            }
            JsonNode cp = c.path("properties");
            if (!cp.hasNonNull("image")) {
                throw missing("image", "properties.containers[0].properties");
            }
            JsonNode requests = cp.path("resources").path("requests");
            if (!requests.hasNonNull("memoryInGB") || !requests.hasNonNull("cpu")) {
                String which = !requests.hasNonNull("memoryInGB") ? "MemoryInGB" : "Cpu";
                throw ArmException.badRequest("ResourceSomeRequestsNotSpecified", "The '" + which
                        + "' request is not specified in container '" + cname + "' of container group '" + groupName + "'.");
            }
            double ccpu = requests.get("cpu").asDouble();
            double cmem = requests.get("memoryInGB").asDouble();
            if (ccpu <= 0 || cmem <= 0) {
                throw ArmException.badRequest("InvalidResourceRequests", "The resource requests of container '" + cname
                        + "' in container group '" + groupName + "' must be greater than 0.");
            }
            cpu += ccpu;
            memory += cmem;
            gpus += requests.path("gpu").path("count").asInt(0);
            shapes.put(cname, new ContainerShape(ccpu, cmem, requests.path("gpu").toString()));
            for (JsonNode env : cp.path("environmentVariables")) {
                boolean hasValue = env.hasNonNull("value");
                boolean hasSecure = env.hasNonNull("secureValue");
                if (hasValue == hasSecure) {
                    throw ArmException.badRequest("InvalidEnvironmentVariable", "The environment variable '"
                            + ArmJson.text(env, "name") + "' in container '" + cname + "' of container group '" + groupName
                            + "' is invalid. One and only one of 'value' and 'secureValue' must be specified.");
                }
            }
            for (JsonNode m : cp.path("volumeMounts")) {
                String vname = ArmJson.text(m, "name");
                if (!volumeNames.contains(vname)) {
                    throw ArmException.badRequest("InvalidVolumeMount", "The volume mount '" + vname + "' in container '" + cname
                            + "' of container group '" + groupName + "' does not match any volume of the container group.");
                }
            }
        }

        // IP address and network.
        JsonNode ip = props.get("ipAddress");
        JsonNode subnetIds = props.get("subnetIds");
        boolean hasSubnet = subnetIds != null && subnetIds.isArray() && !subnetIds.isEmpty();
        if (ip != null && !ip.isNull()) {
            JsonNode ports = ip.get("ports");
            if (ports == null || !ports.isArray() || ports.isEmpty()) {
                throw ArmException.badRequest("MissingIpAddressPorts", "The ports in the 'ipAddress' of container group '"
                        + groupName + "' cannot be empty.");
            }
            String type = ArmJson.text(ip, "type");
            if (type == null) {
                throw missing("type", "properties.ipAddress");
            }
            if (type.equalsIgnoreCase("Private") && !hasSubnet) {
                throw ArmException.badRequest("PrivateIPAddressNotSupported",
                        "Private IP address is only supported when network profile is defined.");
            }
        }
        String subnetId = null;
        World.Subnet subnet = null;
        World.SecurityGroup nsg = null;
        if (hasSubnet) {
            String raw = ArmJson.text(subnetIds.get(0), "id");
            if (raw == null || !raw.startsWith("/subscriptions/")) {
                throw ArmException.badRequest("LinkedInvalidPropertyId", "Property id '" + raw
                        + "' at path 'properties.subnetIds[0].id' is invalid. Expect fully qualified resource Id that start with "
                        + "'/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.");
            }
            Matcher m = SUBNET_ID.matcher(raw);
            if (!m.matches()) {
                if (VNET_ID.matcher(raw).matches()) {
                    // What ACI really answers for a VNet id where a subnet id belongs (azure-cli#26001).
                    throw new ArmException(500, "InternalServerError", "Encountered internal server error. Diagnostic information: "
                            + "timestamp '" + java.time.Instant.now() + "', subscription id '" + subscription + "', tracking id '"
                            + java.util.UUID.randomUUID() + "', request correlation id '" + java.util.UUID.randomUUID() + "'.");
                }
                throw ArmException.badRequest("LinkedInvalidPropertyId", "Property id '" + raw
                        + "' at path 'properties.subnetIds[0].id' is invalid. Expect a subnet id ending in "
                        + "'/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}'.");
            }
            String cgId = SeedWorld.containerGroupId(subscription, resourceGroup, groupName);
            if (!m.group(1).equalsIgnoreCase(subscription)) {
                throw ArmException.badRequest("InvalidResourceReference", "Resource " + raw + " referenced by resource " + cgId
                        + " is in subscription '" + m.group(1) + "'. A container group can only use a subnet of its own subscription '"
                        + subscription + "'.");
            }
            SubnetLookup.Found found = subnetLookup.find(m.group(2), m.group(3), m.group(4));
            if (found == null) {
                throw ArmException.badRequest("InvalidResourceReference", "Resource " + raw + " referenced by resource " + cgId
                        + " was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.");
            }
            if (!SeedWorld.normalizeLocation(found.location()).equals(region.name())) {
                throw ArmException.badRequest("InvalidResourceReference", "Resource " + raw + " referenced by resource " + cgId
                        + " is in region '" + found.location() + "' but the container group is in region '" + region.name()
                        + "'. Please make sure that the referenced resource exists, and that both resources are in the same region.");
            }
            subnet = found.subnet();
            nsg = found.nsg();
            boolean delegated = subnet.delegations.stream().anyMatch(d -> SeedWorld.ACI_SERVICE.equalsIgnoreCase(d.serviceName));
            if (!delegated) {
                throw ArmException.badRequest("SubnetMissingRequiredDelegation", "Subnet '" + raw
                        + "' is missing required delegation '" + SeedWorld.ACI_SERVICE + "' for container group '" + groupName + "'.");
            }
            if (!subnet.ipConfigurations.isEmpty()) {
                throw ArmException.badRequest("SubnetDelegationsCannotChangeWhenSubnetUsedByResource", "Subnet '" + raw
                        + "' is used by " + subnet.ipConfigurations.get(0) + "; container groups need a subnet used only by container groups.");
            }
            subnetId = SeedWorld.resourceGroupId(m.group(1), found.resourceGroup()) + "/providers/Microsoft.Network/virtualNetworks/"
                    + found.vnet() + "/subnets/" + subnet.name;
        }

        // Region capabilities: what one group may request there (ACI's real answer is 409 ServiceUnavailable).
        if (cpu > region.maxCpu() || memory > region.maxMemoryInGB() || gpus > region.maxGpuCount()) {
            throw ArmException.conflict("ServiceUnavailable", "The requested resource is not available in the location '"
                    + region.name() + "' at this moment. Please retry with a different resource request or in another location. "
                    + "Resource requested: '" + num(cpu) + "' CPU '" + num(memory) + "' GB memory '" + osType + "' OS"
                    + (hasSubnet ? " virtual network" : ""));
        }

        // Registries: which servers have credentials; images from a private registry need them.
        List<String> authenticated = new ArrayList<>();
        for (JsonNode cred : props.path("imageRegistryCredentials")) {
            String server = ArmJson.text(cred, "server");
            if (server == null) {
                throw missing("server", "properties.imageRegistryCredentials[0]");
            }
            if (cred.hasNonNull("password") || cred.hasNonNull("identity")) {
                authenticated.add(server.toLowerCase(Locale.ROOT));
            }
        }
        for (JsonNode c : containers) {
            String image = c.path("properties").path("image").asText();
            String registry = GroupEngine.registryOf(image);
            if (registry.toLowerCase(Locale.ROOT).endsWith(".azurecr.io") && !authenticated.contains(registry.toLowerCase(Locale.ROOT))) {
                throw ArmException.badRequest("InaccessibleImage", "The image '" + image + "' in container group '" + groupName
                        + "' is not accessible. Please check the image and registry credential.");
            }
        }

        Map<String, World.ContainerBehaviour> behaviours = new LinkedHashMap<>();
        for (JsonNode c : containers) {
            behaviours.put(c.path("name").asText(), behaviour(c, nsg, configCheck));
        }
        boolean mountFailure = false;
        for (JsonNode v : props.path("volumes")) {
            JsonNode af = v.path("azureFile");
            mountFailure |= af.isObject() && !af.hasNonNull("storageAccountKey");
        }
        ObjectNode resource = strip(body, region.name());
        return new Accepted(resource, authenticated, behaviours, subnetId, cpu, memory, region.name(), shapes, mountFailure);
    }

    /** Finds subnets in the subscription being deployed to. */
    interface SubnetLookup {
        record Found(World.Subnet subnet, String resourceGroup, String vnet, String location, World.SecurityGroup nsg) {
        }

        Found find(String resourceGroup, String vnet, String subnet);
    }

    /** True when a registry server name is Docker Hub. */
    static boolean isDockerHub(String server) {
        return DOCKER_HUB.contains(server.toLowerCase(Locale.ROOT));
    }

    private static World.ContainerBehaviour behaviour(JsonNode c, World.SecurityGroup nsg, GatewayConfigCheck configCheck) {
        World.ContainerBehaviour b = new World.ContainerBehaviour();
        JsonNode cp = c.path("properties");
        String image = cp.path("image").asText();
        String config = null;
        boolean hasConfig = false;
        String eula = null;
        for (JsonNode env : cp.path("environmentVariables")) {
            World.EnvVar v = new World.EnvVar();
            v.name = ArmJson.text(env, "name");
            v.secure = env.hasNonNull("secureValue");
            v.value = v.secure ? null : ArmJson.text(env, "value");
            b.env.add(v);
            String clear = v.secure ? env.get("secureValue").asText() : v.value;
            if ("GATEWAY_CONFIG".equals(v.name)) {
                hasConfig = true;
                config = clear;
            } else if ("ACCEPT_EULA".equals(v.name)) {
                eula = clear;
            } else if ("KEEPER_GATEWAY_LOG_LEVEL".equals(v.name)) {
                b.logLevel = clear;
            }
        }
        String repo = image.replaceFirst(":[^/:]+$", "").replaceFirst("@.*$", "").toLowerCase(Locale.ROOT);
        boolean gateway = repo.endsWith("keeper/gateway") || hasConfig;
        JsonNode command = cp.path("command");
        if (command.isArray() && !command.isEmpty()) {
            b.kind = "SHELL";
            List<String> argv = new ArrayList<>();
            command.forEach(a -> argv.add(a.asText()));
            boolean shellC = argv.size() >= 3 && argv.get(0).matches("(/usr)?(/bin/)?(sh|bash|ash)") && argv.get(1).equals("-c");
            b.script = shellC ? argv.get(2) : String.join(" ", argv);
            b.busybox = image.contains("alpine") || image.contains("busybox");
        } else if (gateway) {
            b.kind = "GATEWAY";
            b.eulaAccepted = eula != null && eula.trim().equalsIgnoreCase("Y");
            GatewayConfigCheck.Verdict verdict = config == null
                    ? GatewayConfigCheck.Verdict.malformed("GATEWAY_CONFIG is not set")
                    : Objects.requireNonNull(configCheck.check(config), "config check verdict");
            b.configOk = verdict.wellFormed();
            b.configHost = verdict.hostname();
            b.configProblem = verdict.problem();
        }
        b.udpBlocked = nsg != null && deniesOutboundUdp3478(nsg.securityRules);
        return b;
    }

    /** True if an NSG rule list denies outbound UDP to port 3478 before any allow rule does. */
    static boolean deniesOutboundUdp3478(List<JsonNode> rules) {
        List<JsonNode> outbound = new ArrayList<>();
        for (JsonNode r : rules) {
            JsonNode p = r.path("properties");
            if ("Outbound".equalsIgnoreCase(p.path("direction").asText())) {
                outbound.add(r);
            }
        }
        outbound.sort(java.util.Comparator.comparingInt(r -> r.path("properties").path("priority").asInt()));
        for (JsonNode r : outbound) {
            JsonNode p = r.path("properties");
            String proto = p.path("protocol").asText("*");
            if (!proto.equals("*") && !proto.equalsIgnoreCase("Udp")) {
                continue;
            }
            if (portMatches(p.path("destinationPortRange").asText(""), 3478)) {
                return "Deny".equalsIgnoreCase(p.path("access").asText());
            }
        }
        return false;
    }

    private static boolean portMatches(String range, int port) {
        if (range.equals("*")) {
            return true;
        }
        for (String part : range.split(",")) {
            String[] ab = part.trim().split("-");
            try {
                int a = Integer.parseInt(ab[0].trim());
                int b = ab.length > 1 ? Integer.parseInt(ab[1].trim()) : a;
                if (port >= a && port <= b) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // not a port range
            }
        }
        return false;
    }

    /** The body as ACI keeps it: write-only secrets removed, location normalised. */
    static ObjectNode strip(JsonNode body, String location) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        ObjectNode resource = ArmJson.object();
        resource.put("location", location);
        for (String top : List.of("tags", "zones", "identity")) {
            if (copy.hasNonNull(top)) {
                resource.set(top, copy.get(top));
            }
        }
        if (copy.hasNonNull("sku") && copy.get("sku").isTextual() && !copy.path("properties").has("sku")) {
            ((ObjectNode) copy.get("properties")).put("sku", copy.get("sku").asText());
        }
        ObjectNode props = (ObjectNode) copy.get("properties");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : props.path(list)) {
                for (JsonNode env : c.path("properties").path("environmentVariables")) {
                    ((ObjectNode) env).remove("secureValue");
                }
            }
        }
        for (JsonNode cred : props.path("imageRegistryCredentials")) {
            ((ObjectNode) cred).remove("password");
        }
        for (JsonNode v : props.path("volumes")) {
            if (v.path("azureFile").isObject()) {
                ((ObjectNode) v.get("azureFile")).remove("storageAccountKey");
            }
            if (v.has("secret")) {
                ((ObjectNode) v).putObject("secret");
            }
        }
        JsonNode la = props.path("diagnostics").path("logAnalytics");
        if (la.isObject()) {
            ((ObjectNode) la).remove("workspaceKey");
        }
        JsonNode identity = resource.get("identity");
        if (identity instanceof ObjectNode id) {
            String type = id.path("type").asText("");
            if (type.contains("SystemAssigned")) {
                id.put("principalId", SeedWorld.stableGuid("principal-" + body.toString().hashCode()));
                id.put("tenantId", SeedWorld.TENANT);
            }
            JsonNode uai = id.get("userAssignedIdentities");
            if (uai instanceof ObjectNode u) {
                u.fieldNames().forEachRemaining(k -> {
                    ObjectNode v = u.putObject(k);
                    v.put("principalId", SeedWorld.stableGuid("uai-principal-" + k));
                    v.put("clientId", SeedWorld.stableGuid("uai-client-" + k));
                });
            }
        }
        resource.set("properties", props);
        return resource;
    }

    /** Raises {@code InvalidContainerGroupUpdate} for changes ACI only allows by delete and re-create. */
    static void checkUpdate(String groupName, World.ContainerGroup old, Map<String, ContainerShape> oldShapes, Accepted next) {
        JsonNode op = old.resource.path("properties");
        JsonNode np = next.resource().path("properties");
        List<String> changed = new ArrayList<>();
        if (!op.path("osType").asText().equalsIgnoreCase(np.path("osType").asText())) {
            changed.add("os type");
        }
        if (!op.path("restartPolicy").asText("Always").equalsIgnoreCase(np.path("restartPolicy").asText("Always"))) {
            changed.add("restart policy");
        }
        if (!Objects.equals(old.subnetId == null ? null : old.subnetId.toLowerCase(Locale.ROOT),
                next.subnetId() == null ? null : next.subnetId().toLowerCase(Locale.ROOT))) {
            changed.add("network profile (subnet)");
        }
        if (!op.path("ipAddress").path("type").asText("").equalsIgnoreCase(np.path("ipAddress").path("type").asText(""))) {
            changed.add("IP address type");
        }
        if (!SeedWorld.normalizeLocation(old.location).equals(next.location())) {
            changed.add("location");
        }
        for (Map.Entry<String, ContainerShape> e : next.shapes().entrySet()) {
            ContainerShape was = oldShapes.get(e.getKey());
            if (was != null && (was.cpu() != e.getValue().cpu() || was.memory() != e.getValue().memory())) {
                changed.add("CPU or memory of container '" + e.getKey() + "'");
            } else if (was != null && !was.gpu().equals(e.getValue().gpu())) {
                changed.add("GPU of container '" + e.getKey() + "'");
            }
        }
        if (!changed.isEmpty()) {
            throw ArmException.badRequest("InvalidContainerGroupUpdate", "The updates on container group '" + groupName
                    + "' are invalid. If you are going to update the os type, restart policy, network profile, CPU, memory or GPU "
                    + "resources for a container group, you must delete it first and then create a new one. Changed: "
                    + String.join(", ", changed) + ".");
        }
    }

    /** The container shapes of a kept resource (for comparing an update). */
    static Map<String, ContainerShape> shapes(JsonNode resource) {
        Map<String, ContainerShape> out = new LinkedHashMap<>();
        for (JsonNode c : resource.path("properties").path("containers")) {
            JsonNode r = c.path("properties").path("resources").path("requests");
            out.put(c.path("name").asText(), new ContainerShape(r.path("cpu").asDouble(), r.path("memoryInGB").asDouble(),
                    r.path("gpu").toString()));
        }
        return out;
    }

    static double cpu(JsonNode resource) {
        double sum = 0;
        for (JsonNode c : resource.path("properties").path("containers")) {
            sum += c.path("properties").path("resources").path("requests").path("cpu").asDouble();
        }
        return sum;
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static ArrayNode emptyArray() {
        return ArmJson.array();
    }
}
