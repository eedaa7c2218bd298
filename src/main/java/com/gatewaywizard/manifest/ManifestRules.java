package com.gatewaywizard.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.spec.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule we know about a container-group manifest, run offline on its JSON tree (the {@code --file} shape:
 * {@code apiVersion, location, name, type, tags, properties{…}}). Each problem has a stable code and the JSON path
 * of the field it is about, e.g. {@code properties.containers[0].properties.environmentVariables[1]}. Messages name
 * variables, volumes and containers but never print a value, which could be a secret.
 *
 * <p>The rules come from the service's documented errors and the real failures in {@code shared/cases}
 * (README.md there): one of value/secureValue (case 03), {@code MissingIpAddressPorts} (05), names (06),
 * {@code emptyDir: null} (08), private IP without subnet / retired {@code networkProfile} (11), VNet id for a
 * subnet id (12), Docker Hub anonymous pulls (19), api-version vs. features (01), and what az CLI does with a
 * file (reference/azcli.md §1: top-level keys other than location/tags/properties/identity are dropped).
 */
public final class ManifestRules {
    public static final String NOT_A_MAPPING = ManifestReader.NOT_A_MAPPING;
    public static final String API_VERSION_MISSING = "API_VERSION_MISSING";
    public static final String API_VERSION_INVALID = "API_VERSION_INVALID";
    public static final String API_VERSION_TOO_OLD = "API_VERSION_TOO_OLD";
    public static final String API_VERSION_OLD = "API_VERSION_OLD";
    public static final String LOCATION_MISSING = "LOCATION_MISSING";
    public static final String NAME_REQUIRED = "NAME_REQUIRED";
    public static final String NAME_INVALID = "NAME_INVALID";
    public static final String TYPE_MISMATCH = "TYPE_MISMATCH";
    public static final String TAGS_INVALID = "TAGS_INVALID";
    public static final String TOP_LEVEL_FIELD_IGNORED = "TOP_LEVEL_FIELD_IGNORED";
    public static final String PROPERTIES_MISSING = "PROPERTIES_MISSING";
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    public static final String FIELD_TYPE_INVALID = "FIELD_TYPE_INVALID";
    public static final String QUOTED_NUMBER = "QUOTED_NUMBER";
    public static final String OS_TYPE_INVALID = "OS_TYPE_INVALID";
    public static final String RESTART_POLICY_INVALID = "RESTART_POLICY_INVALID";
    public static final String SKU_INVALID = "SKU_INVALID";
    public static final String CONTAINERS_MISSING = "CONTAINERS_MISSING";
    public static final String CONTAINER_PROPERTIES_MISSING = "CONTAINER_PROPERTIES_MISSING";
    public static final String IMAGE_MISSING = "IMAGE_MISSING";
    public static final String RESOURCES_MISSING = "RESOURCES_MISSING";
    public static final String RESOURCE_VALUE_INVALID = "RESOURCE_VALUE_INVALID";
    public static final String DUPLICATE_NAME = "DUPLICATE_NAME";
    public static final String ENV_NAME_MISSING = "ENV_NAME_MISSING";
    public static final String ENV_VALUE_AND_SECURE_VALUE = "ENV_VALUE_AND_SECURE_VALUE";
    public static final String ENV_NO_VALUE = "ENV_NO_VALUE";
    public static final String ENV_VALUE_NOT_STRING = "ENV_VALUE_NOT_STRING";
    public static final String SECRET_IN_PLAIN_VALUE = "SECRET_IN_PLAIN_VALUE";
    public static final String EULA_NOT_ACCEPTED = "EULA_NOT_ACCEPTED";
    public static final String GATEWAY_CONFIG_MISSING = "GATEWAY_CONFIG_MISSING";
    public static final String PORT_OUT_OF_RANGE = "PORT_OUT_OF_RANGE";
    public static final String PORT_PROTOCOL_INVALID = "PORT_PROTOCOL_INVALID";
    public static final String IP_TYPE_INVALID = "IP_TYPE_INVALID";
    public static final String IP_PORTS_EMPTY = "IP_PORTS_EMPTY";
    public static final String IP_PORT_NOT_EXPOSED = "IP_PORT_NOT_EXPOSED";
    public static final String DNS_LABEL_WITH_PRIVATE_IP = "DNS_LABEL_WITH_PRIVATE_IP";
    public static final String PRIVATE_IP_WITHOUT_SUBNET = "PRIVATE_IP_WITHOUT_SUBNET";
    public static final String NETWORK_PROFILE_RETIRED = "NETWORK_PROFILE_RETIRED";
    public static final String SUBNET_ID_IS_VNET = "SUBNET_ID_IS_VNET";
    public static final String SUBNET_ID_INVALID = "SUBNET_ID_INVALID";
    public static final String VOLUME_NO_TYPE = "VOLUME_NO_TYPE";
    public static final String VOLUME_MULTIPLE_TYPES = "VOLUME_MULTIPLE_TYPES";
    public static final String VOLUME_UNSUPPORTED_FIELD = "VOLUME_UNSUPPORTED_FIELD";
    public static final String VOLUME_MOUNT_UNKNOWN = "VOLUME_MOUNT_UNKNOWN";
    public static final String VOLUME_MOUNT_INVALID = "VOLUME_MOUNT_INVALID";
    public static final String PROBE_UNSUPPORTED = "PROBE_UNSUPPORTED";
    public static final String PROBE_INVALID = "PROBE_INVALID";
    public static final String PROBE_HTTP_UNVERIFIED = "PROBE_HTTP_UNVERIFIED";
    public static final String REGISTRY_CREDENTIALS_MISSING = "REGISTRY_CREDENTIALS_MISSING";
    public static final String REGISTRY_PASSWORD_MISSING = "REGISTRY_PASSWORD_MISSING";
    public static final String REGISTRY_SERVER_INVALID = "REGISTRY_SERVER_INVALID";
    /** Warning: a registry password or username has spaces or line breaks around it (render would remove them). */
    public static final String SECRET_SURROUNDING_SPACE = "SECRET_SURROUNDING_SPACE";
    public static final String PLACEHOLDER_VALUE = "PLACEHOLDER_VALUE";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Top-level keys az CLI sends (GenericResource) and ACI uses. */
    private static final Set<String> TOP_KEYS = Set.of("apiVersion", "location", "name", "type", "tags", "properties", "identity");
    private static final Set<String> GROUP_KEYS = Set.of("containers", "imageRegistryCredentials", "restartPolicy", "ipAddress",
            "osType", "volumes", "diagnostics", "subnetIds", "dnsConfig", "sku", "encryptionProperties", "initContainers",
            "extensions", "confidentialComputeProperties", "priority", "containerGroupProfile", "standbyPoolProfile",
            "networkProfile");
    private static final Set<String> CONTAINER_KEYS = Set.of("name", "properties");
    private static final Set<String> CONTAINER_PROPERTY_KEYS = Set.of("image", "command", "ports", "environmentVariables",
            "resources", "volumeMounts", "livenessProbe", "readinessProbe", "securityContext", "configMap");
    private static final Set<String> K8S_CONTAINER_KEYS = Set.of("startupProbe", "lifecycle", "imagePullPolicy", "args",
            "workingDir", "envFrom", "env", "volumeDevices", "stdin", "tty", "terminationMessagePath");
    private static final Set<String> PROBE_KEYS = Set.of("exec", "httpGet", "initialDelaySeconds", "periodSeconds",
            "failureThreshold", "successThreshold", "timeoutSeconds");
    private static final Set<String> K8S_PROBE_KEYS = Set.of("tcpSocket", "grpc", "terminationGracePeriodSeconds");
    private static final Set<String> PROBE_INT_KEYS = Set.of("initialDelaySeconds", "periodSeconds", "failureThreshold",
            "successThreshold", "timeoutSeconds");
    private static final Set<String> HTTP_GET_KEYS = Set.of("path", "port", "scheme", "httpHeaders");
    private static final Set<String> VOLUME_TYPES = Set.of("azureFile", "emptyDir", "secret", "gitRepo");
    private static final Set<String> K8S_VOLUME_KEYS = Set.of("hostPath", "persistentVolumeClaim", "configMap", "nfs", "csi",
            "projected", "downwardAPI", "ephemeral", "awsElasticBlockStore", "gcePersistentDisk", "azureDisk", "cephfs",
            "iscsi", "glusterfs", "rbd", "cinder", "flexVolume", "fc", "flocker", "photonPersistentDisk", "portworxVolume",
            "quobyte", "scaleIO", "storageos", "vsphereVolume");
    private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com");
    private static final Pattern KEEPER_IMAGE = Pattern.compile(
            "^(?:(?:docker\\.io|index\\.docker\\.io|registry-1\\.docker\\.io)/)?keeper/gateway(?:[:@].*)?$");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|GATEWAY_CONFIG).*");

    private ManifestRules() {
    }

    /** Every problem of {@code manifest}; never throws. */
    public static List<Problem> check(JsonNode manifest) {
        Checker c = new Checker();
        listShapes(manifest, LIST_FIELDS, c.problems);
        c.root(manifest);
        return List.copyOf(c.problems);
    }

    /** Fields that ARM takes as lists; {@code *} is each element of the list before it. */
    private static final List<String> LIST_FIELDS = List.of(
            "zones", "properties.containers", "properties.initContainers", "properties.imageRegistryCredentials",
            "properties.volumes", "properties.subnetIds", "properties.ipAddress.ports",
            "properties.containers.*.properties.ports", "properties.containers.*.properties.environmentVariables",
            "properties.containers.*.properties.volumeMounts", "properties.containers.*.properties.command",
            "properties.initContainers.*.properties.environmentVariables",
            "properties.initContainers.*.properties.volumeMounts", "properties.initContainers.*.properties.command");

    /** A mapping or a value where a list belongs is an error at that field (the rules then skip it). */
    static void listShapes(JsonNode manifest, List<String> fields, List<Problem> out) {
        for (String f : fields) {
            listShape(manifest, f.split("\\."), 0, "", out);
        }
    }

    private static void listShape(JsonNode node, String[] parts, int i, String path, List<Problem> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (i == parts.length) {
            if (!node.isArray()) {
                String key = parts[parts.length - 1];
                out.add(Problem.error(FIELD_TYPE_INVALID, path, key + " must be a list (each item on a line starting"
                        + " with '- '), not " + (node.isObject() ? "a mapping" : "a single value"),
                        "write it as a list, as gateway-wizard render does"));
            }
            return;
        }
        if (parts[i].equals("*")) {
            List<JsonNode> items = JsonPaths.items(node);
            for (int k = 0; k < items.size(); k++) {
                listShape(items.get(k), parts, i + 1, JsonPaths.index(path, k), out);
            }
            return;
        }
        if (node.isObject()) {
            listShape(node.get(parts[i]), parts, i + 1, JsonPaths.key(path, parts[i]), out);
        }
    }

    /**
     * Turns quoted numbers at the places that take numbers (ports, cpu, memory, probe timings) into numbers, as a
     * user meant them, and warns for each ({@value #QUOTED_NUMBER}). Text that is not a number is left for
     * {@link #check} to report.
     */
    public static List<Problem> coerceQuotedNumbers(ObjectNode manifest) {
        List<Problem> out = new ArrayList<>();
        forEachNumberField(manifest, (parent, key, path, integer) -> {
            JsonNode v = parent.get(key);
            if (v != null && v.isTextual()) {
                BigDecimal d = number(v.textValue(), integer);
                if (d != null) {
                    parent.set(key, integer ? F.numberNode(d.intValueExact()) : F.numberNode(d.doubleValue()));
                    out.add(Problem.warning(QUOTED_NUMBER, path, "this number is quoted, so YAML reads it as text and az CLI"
                            + " sends text; it was read as a number", "remove the quotes"));
                }
            }
        });
        return out;
    }

    @FunctionalInterface
    private interface NumberField {
        void visit(ObjectNode parent, String key, String path, boolean integer);
    }

    private static void forEachNumberField(JsonNode root, NumberField f) {
        JsonNode props = root.path("properties");
        List<JsonNode> containers = JsonPaths.items(props.path("containers"));
        for (int i = 0; i < containers.size(); i++) {
            String cp = "properties.containers[" + i + "].properties";
            JsonNode p = containers.get(i).path("properties");
            for (String kind : List.of("requests", "limits")) {
                JsonNode r = p.path("resources").path(kind);
                if (r.isObject()) {
                    f.visit((ObjectNode) r, "cpu", cp + ".resources." + kind + ".cpu", false);
                    f.visit((ObjectNode) r, "memoryInGB", cp + ".resources." + kind + ".memoryInGB", false);
                    if (r.path("gpu").isObject()) {
                        f.visit((ObjectNode) r.get("gpu"), "count", cp + ".resources." + kind + ".gpu.count", true);
                    }
                }
            }
            List<JsonNode> ports = JsonPaths.items(p.path("ports"));
            for (int j = 0; j < ports.size(); j++) {
                if (ports.get(j).isObject()) {
                    f.visit((ObjectNode) ports.get(j), "port", cp + ".ports[" + j + "].port", true);
                }
            }
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                JsonNode pr = p.path(probe);
                if (pr.isObject()) {
                    for (String k : PROBE_INT_KEYS) {
                        f.visit((ObjectNode) pr, k, cp + "." + probe + "." + k, true);
                    }
                    if (pr.path("httpGet").isObject()) {
                        f.visit((ObjectNode) pr.get("httpGet"), "port", cp + "." + probe + ".httpGet.port", true);
                    }
                }
            }
        }
        List<JsonNode> ipPorts = JsonPaths.items(props.path("ipAddress").path("ports"));
        for (int j = 0; j < ipPorts.size(); j++) {
            if (ipPorts.get(j).isObject()) {
                f.visit((ObjectNode) ipPorts.get(j), "port", "properties.ipAddress.ports[" + j + "].port", true);
            }
        }
    }

    private static BigDecimal number(String text, boolean integer) {
        String t = text.strip();
        if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?") || t.length() > 30) {
            return null;
        }
        BigDecimal d = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        if (integer) {
            try {
                d.intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return d;
    }

    /** True for an image that Docker Hub serves (no registry host, or one of Docker Hub's hosts). */
    static boolean onDockerHub(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return true;
        }
        String first = image.substring(0, slash).toLowerCase(Locale.ROOT);
        boolean isHost = first.contains(".") || first.contains(":") || first.equals("localhost");
        return !isHost || DOCKER_HUB_HOSTS.contains(first);
    }

    static boolean isDockerHubServer(String server) {
        String s = server.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        int slash = s.indexOf('/');
        return DOCKER_HUB_HOSTS.contains(slash < 0 ? s : s.substring(0, slash));
    }

    static boolean isKeeperImage(String image) {
        return KEEPER_IMAGE.matcher(image.strip()).matches();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final class Checker {
        final List<Problem> problems = new ArrayList<>();
        final Map<ApiVersions.Feature, String> used = new LinkedHashMap<>();
        final Set<String> volumeNames = new HashSet<>();
        String apiVersion;

        void error(String code, String field, String message, String fix) {
            problems.add(Problem.error(code, field, message, fix));
        }

        void warning(String code, String field, String message, String fix) {
            problems.add(Problem.warning(code, field, message, fix));
        }

        void use(ApiVersions.Feature f, String path) {
            used.putIfAbsent(f, path);
        }

        void root(JsonNode m) {
            if (m == null || !m.isObject()) {
                error(NOT_A_MAPPING, "", "the manifest is not a mapping of apiVersion, location, name, properties …",
                        "start from the manifest the wizard writes");
                return;
            }
            topLevel(m);
            placeholders(m, "");
            JsonNode props = m.get("properties");
            if (props == null || !props.isObject()) {
                error(PROPERTIES_MISSING, "properties", "the manifest has no 'properties' mapping, where the containers and"
                        + " network settings go", "put osType, containers, ipAddress, subnetIds … under 'properties:'");
            } else {
                group((ObjectNode) props);
            }
            apiVersionFeatures();
        }

        void placeholders(JsonNode n, String path) {
            if (n.isTextual()) {
                if (Placeholders.contains(n.textValue())) {
                    warning(PLACEHOLDER_VALUE, path, "this value still holds a template placeholder (<…>)",
                            "fill in the real value before deploying");
                }
            } else if (n.isObject()) {
                n.fields().forEachRemaining(e -> placeholders(e.getValue(), JsonPaths.key(path, e.getKey())));
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    placeholders(n.get(i), JsonPaths.index(path, i));
                }
            }
        }

        // ---- top level ----------------------------------------------------------------------------------------

        void topLevel(JsonNode m) {
            JsonNode av = m.get("apiVersion");
            if (av == null || av.isNull()) {
                warning(API_VERSION_MISSING, "apiVersion", "no apiVersion: az CLI then uses its own default"
                        + " (2022-10-01-preview in az 2.45), which may differ from what this file was written for",
                        "add apiVersion: '" + ArmBody.API_VERSION + "'");
            } else if (!av.isTextual() || ApiVersions.date(av.textValue()).isEmpty()) {
                error(API_VERSION_INVALID, "apiVersion", "the apiVersion is not of the form YYYY-MM-DD or YYYY-MM-DD-preview",
                        "use apiVersion: '" + ArmBody.API_VERSION + "'");
            } else {
                apiVersion = av.textValue();
                if (ApiVersions.olderThan(apiVersion, ApiVersions.date(ArmBody.API_VERSION).orElseThrow())) {
                    warning(API_VERSION_OLD, "apiVersion", "apiVersion " + apiVersion + " is older than "
                                    + ArmBody.API_VERSION + ", the version the wizard writes and checks against",
                            "use apiVersion: '" + ArmBody.API_VERSION + "'");
                }
            }
            JsonNode loc = m.get("location");
            if (loc == null || loc.isNull() || (loc.isTextual() && loc.textValue().isBlank())) {
                warning(LOCATION_MISSING, "location", "no location: az CLI then uses the resource group's region",
                        "add location: <region>, e.g. westeurope (the region of your VNet)");
            } else if (!loc.isTextual()) {
                error(FIELD_TYPE_INVALID, "location", "location must be text", "write the region name, e.g. westeurope");
            }
            groupName(m.get("name"));
            JsonNode type = m.get("type");
            if (type != null && !(type.isTextual() && type.textValue().equalsIgnoreCase(ArmBody.TYPE))) {
                warning(TYPE_MISMATCH, "type", "type is not " + ArmBody.TYPE + "; az CLI ignores it, but is this file meant"
                        + " for a container group?", "use type: " + ArmBody.TYPE);
            }
            JsonNode tags = m.get("tags");
            if (tags != null && !tags.isNull()) {
                if (!tags.isObject()) {
                    error(TAGS_INVALID, "tags", "tags must be a mapping of name: value (az CLI crashes on a list)",
                            "write tags as 'name: value' lines under 'tags:'");
                } else {
                    tags.fields().forEachRemaining(e -> {
                        if (e.getValue().isContainerNode()) {
                            error(TAGS_INVALID, JsonPaths.key("tags", e.getKey()), "a tag value must be text", "write a plain value");
                        }
                    });
                }
            }
            m.fieldNames().forEachRemaining(k -> {
                if (TOP_KEYS.contains(k)) {
                    return;
                }
                String path = JsonPaths.key("", k);
                switch (k) {
                    case "sku" -> warning(TOP_LEVEL_FIELD_IGNORED, path, "a top-level 'sku' is not the container group's SKU;"
                            + " az CLI reads it as a generic resource SKU and crashes on a plain value like 'Standard'",
                            "move sku under 'properties:'");
                    case "subnetIds" -> warning(TOP_LEVEL_FIELD_IGNORED, path, "a top-level 'subnetIds' is dropped by az CLI"
                            + " without a word, so the group gets no subnet", "move subnetIds under 'properties:'");
                    case "zones" -> {
                        use(ApiVersions.ZONES, path);
                        warning(TOP_LEVEL_FIELD_IGNORED, path, "az CLI drops a top-level 'zones' from --file without a word,"
                                + " so the group is not pinned to a zone", "deploy with the wizard, or drop 'zones'");
                    }
                    default -> warning(TOP_LEVEL_FIELD_IGNORED, path, "az CLI drops the top-level key '" + shortKey(k)
                                    + "': only apiVersion, location, name, tags, identity and properties are used",
                            GROUP_KEYS.contains(k) ? "move it under 'properties:'" : "remove it");
                }
            });
        }

        void groupName(JsonNode name) {
            if (name == null || name.isNull() || (name.isTextual() && name.textValue().isEmpty())) {
                error(NAME_REQUIRED, "name", "the container group has no name (az CLI: \"The name of the container group is required\")",
                        "add name: keeper-gateway");
                return;
            }
            if (!name.isTextual()) {
                error(NAME_INVALID, "name", "the container group name must be text", "use lowercase letters, digits and hyphens");
                return;
            }
            nameRule("name", "container group", name.textValue());
        }

        void nameRule(String field, String what, String name) {
            NameRules.check(field, what, name).ifPresent(problems::add);
        }

        // ---- properties ---------------------------------------------------------------------------------------

        void group(ObjectNode p) {
            p.fieldNames().forEachRemaining(k -> {
                if (!GROUP_KEYS.contains(k)) {
                    warning(UNKNOWN_FIELD, JsonPaths.key("properties", k), "'" + shortKey(k) + "' is not a container group"
                            + " property (api-version " + ArmBody.API_VERSION + "); az CLI sends it as is and Azure may refuse it",
                            "check the spelling or remove it");
                }
            });
            enumField(p, "osType", List.of("Linux", "Windows"), OS_TYPE_INVALID, true);
            enumField(p, "restartPolicy", List.of("Always", "OnFailure", "Never"), RESTART_POLICY_INVALID, false);
            if (p.has("sku")) {
                use(ApiVersions.SKU, "properties.sku");
                enumField(p, "sku", List.of("Standard", "Dedicated", "Confidential"), SKU_INVALID, false);
            }
            for (Map.Entry<String, ApiVersions.Feature> e : Map.of("diagnostics", ApiVersions.DIAGNOSTICS,
                    "encryptionProperties", ApiVersions.ENCRYPTION, "priority", ApiVersions.PRIORITY,
                    "confidentialComputeProperties", ApiVersions.CONFIDENTIAL, "containerGroupProfile",
                    ApiVersions.CONTAINER_GROUP_PROFILE, "standbyPoolProfile", ApiVersions.STANDBY_POOL).entrySet()) {
                if (p.has(e.getKey())) {
                    use(e.getValue(), "properties." + e.getKey());
                }
            }
            volumes(p.get("volumes"));
            containers(p);
            registry(p);
            network(p);
        }

        void enumField(ObjectNode p, String key, List<String> allowed, String code, boolean required) {
            JsonNode v = p.get(key);
            String path = "properties." + key;
            if (v == null || v.isNull()) {
                if (required) {
                    error(code, path, key + " is required", "add " + key + ": " + allowed.get(0));
                }
                return;
            }
            if (!v.isTextual() || allowed.stream().noneMatch(a -> a.equalsIgnoreCase(v.textValue()))) {
                error(code, path, key + " must be one of " + String.join(", ", allowed), "use " + key + ": " + allowed.get(0));
            }
        }

        // ---- containers ---------------------------------------------------------------------------------------

        void containers(ObjectNode p) {
            JsonNode cs = p.get("containers");
            if (cs == null || !cs.isArray() || cs.isEmpty()) {
                error(CONTAINERS_MISSING, "properties.containers", "the container group has no containers",
                        "add the keeper-gateway container (gateway-wizard render writes it)");
            }
            Map<String, String> names = new HashMap<>();
            for (int i = 0; cs != null && cs.isArray() && i < cs.size(); i++) {
                container(cs.get(i), "properties.containers[" + i + "]", false, names);
            }
            JsonNode init = p.get("initContainers");
            if (init != null && !init.isNull()) {
                use(ApiVersions.INIT_CONTAINERS, "properties.initContainers");
                for (int i = 0; init.isArray() && i < init.size(); i++) {
                    container(init.get(i), "properties.initContainers[" + i + "]", true, names);
                }
            }
        }

        void container(JsonNode c, String path, boolean init, Map<String, String> names) {
            if (!c.isObject()) {
                error(FIELD_TYPE_INVALID, path, "a container must be a mapping with name and properties", "");
                return;
            }
            c.fieldNames().forEachRemaining(k -> {
                if (!CONTAINER_KEYS.contains(k)) {
                    warning(UNKNOWN_FIELD, JsonPaths.key(path, k), "'" + shortKey(k) + "' is not a container field (only name"
                            + " and properties are)", "move it under the container's 'properties:' or remove it");
                }
            });
            JsonNode name = c.get("name");
            String label = "container";
            if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
                error(NAME_REQUIRED, path + ".name", "the container has no name", "add name: " + com.gatewaywizard.spec.GatewaySpec.CONTAINER_NAME);
            } else {
                label = "container '" + shortKey(name.textValue()) + "'";
                nameRule(path + ".name", "container", name.textValue());
                String earlier = names.putIfAbsent(name.textValue(), path);
                if (earlier != null) {
                    error(DUPLICATE_NAME, path + ".name", "two containers are named '" + shortKey(name.textValue()) + "' (also "
                            + earlier + ")", "give each container its own name");
                }
            }
            JsonNode props = c.get("properties");
            if (props == null || !props.isObject()) {
                error(CONTAINER_PROPERTIES_MISSING, path + ".properties", "the " + label + " has no 'properties' (image,"
                        + " resources, ports …)", "put the container's settings under 'properties:'");
                return;
            }
            String pp = path + ".properties";
            props.fieldNames().forEachRemaining(k -> {
                String kp = JsonPaths.key(pp, k);
                if (k.equals("startupProbe")) {
                    error(PROBE_UNSUPPORTED, kp, "ACI has no startup probe (a Kubernetes field)",
                            "use livenessProbe with initialDelaySeconds instead");
                } else if (K8S_CONTAINER_KEYS.contains(k)) {
                    error(UNKNOWN_FIELD, kp, "'" + k + "' is a Kubernetes container field that ACI does not have", "remove it");
                } else if (!CONTAINER_PROPERTY_KEYS.contains(k) || (init && (k.equals("ports") || k.equals("resources")
                        || k.endsWith("Probe")))) {
                    warning(UNKNOWN_FIELD, kp, "'" + shortKey(k) + "' is not a field of " + (init ? "an init container" : "a container")
                            + "; az CLI sends it as is and Azure may refuse it", "check the spelling or remove it");
                }
            });
            JsonNode image = props.get("image");
            if (image == null || !image.isTextual() || image.textValue().isBlank()) {
                error(IMAGE_MISSING, pp + ".image", "the " + label + " has no image", "add image: " + com.gatewaywizard.spec.GatewaySpec.DEFAULT_IMAGE);
            } else if (!com.gatewaywizard.spec.SpecValidator.isImageReference(image.textValue().strip())) {
                error(com.gatewaywizard.spec.ProblemCodes.IMAGE_INVALID, pp + ".image", "the " + label + "'s image is not a"
                        + " Docker image reference ([registry/]repository[:tag][@digest], lowercase, name at most 255 characters)",
                        "use e.g. image: " + com.gatewaywizard.spec.GatewaySpec.DEFAULT_IMAGE);
            }
            if (!init) {
                resources(props.get("resources"), pp + ".resources", label);
                containerPorts(props.get("ports"), pp + ".ports");
            }
            env(props.get("environmentVariables"), pp + ".environmentVariables", label,
                    image != null && image.isTextual() && isKeeperImage(image.textValue()) && !init);
            mounts(props.get("volumeMounts"), pp + ".volumeMounts", label);
            if (!init) {
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    JsonNode pr = props.get(probe);
                    if (pr != null && !pr.isNull()) {
                        probe(pr, pp + "." + probe, image != null && image.isTextual() && isKeeperImage(image.textValue()));
                    }
                }
            }
            if (props.has("configMap")) {
                use(ApiVersions.CONFIG_MAP, pp + ".configMap");
            }
        }

        void resources(JsonNode r, String path, String label) {
            JsonNode req = r == null ? null : r.get("requests");
            if (req == null || !req.isObject()) {
                error(RESOURCES_MISSING, path + ".requests", "the " + label + " has no resources.requests (cpu and memoryInGB)",
                        "add resources: {requests: {cpu: 2.0, memoryInGB: 8.0}}");
                return;
            }
            for (String kind : List.of("requests", "limits")) {
                JsonNode k = r.get(kind);
                if (k == null || !k.isObject()) {
                    continue;
                }
                for (String f : List.of("cpu", "memoryInGB")) {
                    JsonNode v = k.get(f);
                    String fp = path + "." + kind + "." + f;
                    if (v == null || v.isNull()) {
                        if (kind.equals("requests")) {
                            error(RESOURCES_MISSING, fp, "the " + label + " has no " + f + " request", "add " + f + ": "
                                    + (f.equals("cpu") ? "2.0" : "8.0"));
                        }
                    } else if (v.isTextual()) {
                        quotedOrInvalid(v, fp, false);
                    } else if (!v.isNumber()) {
                        error(FIELD_TYPE_INVALID, fp, f + " must be a number", "write a number such as 2.0");
                    } else if (v.doubleValue() <= 0) {
                        error(RESOURCE_VALUE_INVALID, fp, f + " must be more than 0", "write a positive number such as 2.0");
                    }
                }
            }
        }

        void quotedOrInvalid(JsonNode v, String path, boolean integer) {
            if (number(v.textValue(), integer) != null) {
                warning(QUOTED_NUMBER, path, "this number is quoted, so az CLI sends it as text", "remove the quotes");
            } else {
                error(FIELD_TYPE_INVALID, path, "this must be " + (integer ? "a whole number" : "a number") + ", not text",
                        "write a number");
            }
        }

        void containerPorts(JsonNode ports, String path) {
            if (ports == null || ports.isNull()) {
                return;
            }
            List<JsonNode> items = JsonPaths.items(ports);
            for (int i = 0; i < items.size(); i++) {
                port(items.get(i), path + "[" + i + "]");
            }
        }

        void port(JsonNode port, String path) {
            if (!port.isObject()) {
                error(FIELD_TYPE_INVALID, path, "a port must be a mapping with port and protocol", "write - port: 443");
                return;
            }
            JsonNode n = port.get("port");
            portNumber(n, path + ".port");
            JsonNode proto = port.get("protocol");
            if (proto != null && !proto.isNull() && !(proto.isTextual() && (proto.textValue().equalsIgnoreCase("TCP")
                    || proto.textValue().equalsIgnoreCase("UDP")))) {
                error(PORT_PROTOCOL_INVALID, path + ".protocol", "protocol must be TCP or UDP", "use protocol: TCP");
            }
        }

        void portNumber(JsonNode n, String path) {
            if (n == null || n.isNull()) {
                error(PORT_OUT_OF_RANGE, path, "the port number is missing", "add port: 443");
            } else if (n.isTextual()) {
                quotedOrInvalid(n, path, true);
            } else if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1 || n.intValue() > 65535) {
                error(PORT_OUT_OF_RANGE, path, "a port must be a whole number from 1 to 65535", "use port: 443");
            }
        }

        // ---- environment variables -----------------------------------------------------------------------------

        void env(JsonNode env, String path, String label, boolean keeper) {
            boolean eula = false;
            boolean config = false;
            Map<String, String> names = new HashMap<>();
            for (int i = 0; env != null && env.isArray() && i < env.size(); i++) {
                JsonNode v = env.get(i);
                String vp = path + "[" + i + "]";
                if (!v.isObject()) {
                    error(FIELD_TYPE_INVALID, vp, "an environment variable must be a mapping with name and value or secureValue", "");
                    continue;
                }
                JsonNode name = v.get("name");
                String shown;
                if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
                    error(ENV_NAME_MISSING, vp, "an environment variable of the " + label + " has no name", "add name: VARIABLE_NAME");
                    shown = "#" + (i + 1);
                } else {
                    shown = shortKey(name.textValue());
                    String earlier = names.putIfAbsent(name.textValue(), vp);
                    if (earlier != null) {
                        error(DUPLICATE_NAME, vp, "environment variable " + shown + " is set twice in the " + label + " (also " + earlier + ")",
                                "keep one of them");
                    }
                }
                JsonNode value = v.get("value");
                JsonNode secure = v.get("secureValue");
                boolean hasValue = value != null && !value.isNull();
                boolean hasSecure = secure != null && !secure.isNull();
                if (hasSecure) {
                    use(ApiVersions.SECURE_VALUE, vp + ".secureValue");
                }
                if (hasValue && hasSecure) {
                    error(ENV_VALUE_AND_SECURE_VALUE, vp, "environment variable " + shown + " has both value and secureValue;"
                            + " Azure refuses it (InvalidEnvironmentVariable: one and only one of 'value' and 'secureValue')",
                            SECRET_NAME.matcher(shown).matches() ? "keep only secureValue" : "keep only one of them");
                } else if (!hasValue && !hasSecure) {
                    error(ENV_NO_VALUE, vp, "environment variable " + shown + " has neither value nor secureValue"
                                    + " (Azure never returns secure values, so a copy of a deployed group loses them)",
                            "set " + (SECRET_NAME.matcher(shown).matches() ? "secureValue" : "value") + ", or remove the variable");
                } else if (hasSecure && secure.isTextual() && secure.textValue().isEmpty()) {
                    error(ENV_NO_VALUE, vp, "environment variable " + shown + " has an empty secureValue", "fill in the secret");
                }
                for (JsonNode x : new JsonNode[] {hasValue ? value : null, hasSecure ? secure : null}) {
                    if (x != null && !x.isTextual()) {
                        warning(ENV_VALUE_NOT_STRING, vp, "the value of environment variable " + shown + " is a "
                                        + (x.isBoolean() ? "boolean" : x.isNumber() ? "number" : "structure")
                                        + ", not text; an unquoted yes/no/on/off or number in YAML is not text",
                                "quote it, e.g. value: \"Y\"");
                    }
                }
                if (hasValue && !hasSecure && name != null && name.isTextual() && SECRET_NAME.matcher(name.textValue()).matches()) {
                    warning(SECRET_IN_PLAIN_VALUE, vp, "environment variable " + shown + " looks like a secret but is a plain"
                            + " value, which the Azure portal and 'az container show' display to anyone who can read the group",
                            "use secureValue instead of value");
                }
                if (name != null && name.isTextual()) {
                    if (name.textValue().equals(ArmBody.ENV_ACCEPT_EULA)) {
                        eula = hasValue && value.isTextual() && value.textValue().equalsIgnoreCase("Y");
                    }
                    if (name.textValue().equals(ArmBody.ENV_GATEWAY_CONFIG) || name.textValue().equals("AWS_KMS_SECRET_NAME")) {
                        config = true;
                    }
                }
            }
            if (keeper && !eula) {
                warning(EULA_NOT_ACCEPTED, path, "the Keeper Gateway container does not start unless ACCEPT_EULA is \"Y\"",
                        "add - name: ACCEPT_EULA / value: \"Y\"");
            }
            if (keeper && !config) {
                warning(GATEWAY_CONFIG_MISSING, path, "the Keeper Gateway container has no GATEWAY_CONFIG variable, so it"
                        + " cannot sign in to Keeper", "add - name: GATEWAY_CONFIG / secureValue: <base64 config>");
            }
        }

        // ---- volumes -------------------------------------------------------------------------------------------

        void volumes(JsonNode vols) {
            if (vols == null || vols.isNull()) {
                return;
            }
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; vols.isArray() && i < vols.size(); i++) {
                JsonNode v = vols.get(i);
                String vp = "properties.volumes[" + i + "]";
                if (!v.isObject()) {
                    error(FIELD_TYPE_INVALID, vp, "a volume must be a mapping with name and one volume type", "");
                    continue;
                }
                JsonNode name = v.get("name");
                String shown = "#" + (i + 1);
                if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
                    error(NAME_REQUIRED, vp + ".name", "volume " + shown + " has no name", "add name: devshm");
                } else {
                    shown = "'" + shortKey(name.textValue()) + "'";
                    volumeNames.add(name.textValue());
                    String earlier = seen.putIfAbsent(name.textValue(), vp);
                    if (earlier != null) {
                        error(DUPLICATE_NAME, vp + ".name", "two volumes are named " + shown + " (also " + earlier + ")",
                                "give each volume its own name");
                    }
                }
                int types = 0;
                for (String t : VOLUME_TYPES) {
                    JsonNode tv = v.get(t);
                    if (tv != null && !tv.isNull()) {
                        types++;
                    }
                }
                final String label = shown;
                v.fieldNames().forEachRemaining(k -> {
                    String kp = JsonPaths.key(vp, k);
                    if (K8S_VOLUME_KEYS.contains(k)) {
                        error(VOLUME_UNSUPPORTED_FIELD, kp, "volume " + label + " uses '" + k + "', a Kubernetes volume type that ACI"
                                + " does not have (ACI volumes: azureFile, emptyDir, secret, gitRepo)", "use emptyDir: {} for scratch"
                                + " space such as /dev/shm");
                    } else if (!k.equals("name") && !VOLUME_TYPES.contains(k)) {
                        warning(UNKNOWN_FIELD, kp, "'" + shortKey(k) + "' is not a volume field", "remove it");
                    }
                });
                JsonNode emptyDir = v.get("emptyDir");
                if (emptyDir != null && emptyDir.isObject() && !emptyDir.isEmpty()) {
                    warning(VOLUME_UNSUPPORTED_FIELD, vp + ".emptyDir", "ACI's emptyDir takes no settings (medium, sizeLimit"
                            + " are Kubernetes fields)", "write emptyDir: {}");
                }
                if (types == 0) {
                    boolean nullEmptyDir = v.has("emptyDir") && v.get("emptyDir").isNull();
                    error(VOLUME_NO_TYPE, vp, "volume " + shown + (nullEmptyDir
                                    ? " has 'emptyDir:' with nothing after it, which YAML reads as null, so the volume has no type"
                                    : " has no type") + "; Azure needs exactly one of azureFile, emptyDir, secret, gitRepo",
                            "write emptyDir: {}");
                } else if (types > 1) {
                    error(VOLUME_MULTIPLE_TYPES, vp, "volume " + shown + " has more than one type; Azure needs exactly one of"
                            + " azureFile, emptyDir, secret, gitRepo", "keep one type per volume");
                }
            }
        }

        void mounts(JsonNode mounts, String path, String label) {
            for (int i = 0; mounts != null && mounts.isArray() && i < mounts.size(); i++) {
                JsonNode m = mounts.get(i);
                String mp = path + "[" + i + "]";
                JsonNode name = m.get("name");
                JsonNode at = m.get("mountPath");
                if (name == null || !name.isTextual() || at == null || !at.isTextual() || at.textValue().isEmpty()) {
                    error(VOLUME_MOUNT_INVALID, mp, "a volume mount of the " + label + " needs name and mountPath",
                            "write - name: devshm / mountPath: /dev/shm");
                    continue;
                }
                if (at.textValue().contains(":")) {
                    error(VOLUME_MOUNT_INVALID, mp + ".mountPath", "a mountPath must not contain ':'", "use a plain path such as /dev/shm");
                }
                if (!volumeNames.contains(name.textValue())) {
                    error(VOLUME_MOUNT_UNKNOWN, mp, "the " + label + " mounts volume '" + shortKey(name.textValue())
                            + "', which is not in properties.volumes", "add the volume (e.g. - name: devshm / emptyDir: {}) or fix the name");
                }
            }
        }

        // ---- probes --------------------------------------------------------------------------------------------

        void probe(JsonNode pr, String path, boolean keeper) {
            use(ApiVersions.PROBES, path);
            if (!pr.isObject()) {
                error(PROBE_INVALID, path, "a probe must be a mapping", "");
                return;
            }
            pr.fieldNames().forEachRemaining(k -> {
                String kp = JsonPaths.key(path, k);
                if (K8S_PROBE_KEYS.contains(k)) {
                    error(PROBE_UNSUPPORTED, kp, "ACI probes have no '" + k + "' (a Kubernetes field); they take exec or httpGet",
                            "use exec: {command: [keeper-gateway, health-check]}");
                } else if (!PROBE_KEYS.contains(k)) {
                    warning(UNKNOWN_FIELD, kp, "'" + shortKey(k) + "' is not a probe field", "remove it");
                }
            });
            JsonNode exec = pr.get("exec");
            JsonNode get = pr.get("httpGet");
            boolean hasExec = exec != null && !exec.isNull();
            boolean hasGet = get != null && !get.isNull();
            if (!hasExec && !hasGet) {
                error(PROBE_UNSUPPORTED, path, "the probe has neither exec nor httpGet, the only kinds ACI runs",
                        "use exec: {command: [keeper-gateway, health-check]}");
            } else if (hasExec && hasGet) {
                error(PROBE_INVALID, path, "the probe has both exec and httpGet; use one", "keep exec");
            }
            if (hasExec) {
                JsonNode cmd = exec.get("command");
                boolean ok = cmd != null && cmd.isArray() && !cmd.isEmpty();
                for (int i = 0; ok && i < cmd.size(); i++) {
                    ok = cmd.get(i).isTextual();
                }
                if (!ok) {
                    error(PROBE_INVALID, path + ".exec.command", "exec.command must be a non-empty list of text", "use command: [keeper-gateway, health-check]");
                }
            }
            if (hasGet) {
                if (!get.isObject()) {
                    error(PROBE_INVALID, path + ".httpGet", "httpGet must be a mapping with path and port", "");
                } else {
                    get.fieldNames().forEachRemaining(k -> {
                        if (k.equals("host")) {
                            error(PROBE_UNSUPPORTED, path + ".httpGet.host", "ACI's httpGet has no 'host' (a Kubernetes field)", "remove it");
                        } else if (!HTTP_GET_KEYS.contains(k)) {
                            warning(UNKNOWN_FIELD, JsonPaths.key(path + ".httpGet", k), "'" + shortKey(k) + "' is not an httpGet field", "remove it");
                        }
                    });
                    portNumber(get.get("port"), path + ".httpGet.port");
                    JsonNode scheme = get.get("scheme");
                    if (scheme != null && !scheme.isNull() && !(scheme.isTextual() && (scheme.textValue().equalsIgnoreCase("http")
                            || scheme.textValue().equalsIgnoreCase("https")))) {
                        error(PROBE_INVALID, path + ".httpGet.scheme", "scheme must be http or https", "use scheme: http");
                    }
                    if (keeper) {
                        warning(PROBE_HTTP_UNVERIFIED, path + ".httpGet", "Keeper documents no HTTP listener on this port in the"
                                + " gateway container (its health service is off by default and listens on 127.0.0.1:8099);"
                                + " if the probe fails, ACI restarts the gateway again and again",
                                "prefer the exec probe (keeper-gateway health-check with KEEPER_GATEWAY_HEALTH_CHECK_ENABLED=true):"
                                        + " --liveness exec");
                    }
                }
            }
            for (String k : PROBE_INT_KEYS) {
                JsonNode v = pr.get(k);
                String kp = path + "." + k;
                if (v == null || v.isNull()) {
                    continue;
                }
                if (v.isTextual()) {
                    quotedOrInvalid(v, kp, true);
                } else if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0
                        || (v.intValue() == 0 && !k.equals("initialDelaySeconds"))) {
                    error(PROBE_INVALID, kp, k + " must be a whole number" + (k.equals("initialDelaySeconds") ? " ≥ 0" : " ≥ 1"),
                            "use a small whole number of seconds or attempts");
                }
            }
        }

        // ---- registry ------------------------------------------------------------------------------------------

        void registry(ObjectNode p) {
            JsonNode creds = p.get("imageRegistryCredentials");
            boolean dockerHubCreds = false;
            for (int i = 0; creds != null && creds.isArray() && i < creds.size(); i++) {
                JsonNode c = creds.get(i);
                String cp = "properties.imageRegistryCredentials[" + i + "]";
                JsonNode server = c.get("server");
                if (server == null || !server.isTextual() || server.textValue().isBlank()) {
                    error(REGISTRY_SERVER_INVALID, cp + ".server", "a registry credential has no server", "add server: " + ArmBody.DOCKER_HUB_SERVER);
                    continue;
                }
                if (server.textValue().matches("(?i)^https?://.*")) {
                    error(REGISTRY_SERVER_INVALID, cp + ".server", "the registry server must be a host name without http:// or https://",
                            "use server: " + server.textValue().replaceFirst("(?i)^https?://", "").replaceAll("/.*$", ""));
                }
                boolean hub = isDockerHubServer(server.textValue());
                JsonNode user = c.get("username");
                JsonNode pass = c.get("password");
                JsonNode identity = c.get("identity");
                boolean hasPass = pass != null && pass.isTextual() && !pass.textValue().isEmpty();
                boolean hasIdentity = identity != null && identity.isTextual() && !identity.textValue().isEmpty();
                if (!hasPass && !hasIdentity) {
                    error(REGISTRY_PASSWORD_MISSING, cp, "the credential for " + shortKey(server.textValue()) + " has no password"
                                    + " (Azure never returns it, so a copy of a deployed group loses it)",
                            hub ? "fill in your Docker Hub personal access token" : "fill in the registry password");
                } else if (user == null || !user.isTextual() || user.textValue().isEmpty()) {
                    if (!hasIdentity) {
                        error(REGISTRY_PASSWORD_MISSING, cp + ".username", "the credential for " + shortKey(server.textValue())
                                + " has no username", "add your Docker Hub user name");
                    }
                }
                for (JsonNode v : new JsonNode[] {pass, user}) {
                    if (v != null && v.isTextual() && !v.textValue().isBlank() && !v.textValue().equals(v.textValue().strip())) {
                        String which = v == pass ? "password" : "username";
                        warning(SECRET_SURROUNDING_SPACE, cp + "." + which, "the " + which + " for " + shortKey(server.textValue())
                                + " has spaces or line breaks around it; Azure would send them to the registry and the"
                                + " pull would fail to sign in", "remove the spaces around the " + which);
                    }
                }
                                dockerHubCreds |= hub && (hasPass || hasIdentity);
            }
            JsonNode cs = p.path("containers");
            List<String> hubImages = new ArrayList<>();
            for (JsonNode list : List.of(cs, p.path("initContainers"))) {
                for (JsonNode c : list) {
                    JsonNode image = c.path("properties").path("image");
                    if (image.isTextual() && !image.textValue().isBlank() && onDockerHub(image.textValue())) {
                        hubImages.add(image.textValue());
                    }
                }
            }
            if (!hubImages.isEmpty() && !dockerHubCreds) {
                warning(REGISTRY_CREDENTIALS_MISSING, "properties.imageRegistryCredentials", "the image comes from Docker Hub"
                                + " but the group has no Docker Hub credentials; anonymous pulls share Azure's outbound IPs and hit"
                                + " Docker Hub's rate limit (429 Too Many Requests, shown by ACI as RegistryErrorResponse)",
                        "add imageRegistryCredentials: [{server: index.docker.io, username: <user>, password: <read-only PAT>}]");
            }
        }

        // ---- network -------------------------------------------------------------------------------------------

        void network(ObjectNode p) {
            JsonNode ip = p.get("ipAddress");
            JsonNode subnets = p.get("subnetIds");
            JsonNode profile = p.get("networkProfile");
            boolean hasSubnets = subnets != null && subnets.isArray() && !subnets.isEmpty();
            if (subnets != null && !subnets.isNull()) {
                use(ApiVersions.SUBNET_IDS, "properties.subnetIds");
                if (!subnets.isArray()) {
                    error(FIELD_TYPE_INVALID, "properties.subnetIds", "subnetIds must be a list of {id: <subnet resource id>}",
                            "write subnetIds: [{id: /subscriptions/…/subnets/<subnet>}]");
                }
                for (int i = 0; subnets.isArray() && i < subnets.size(); i++) {
                    JsonNode id = subnets.get(i).get("id");
                    String sp = "properties.subnetIds[" + i + "].id";
                    if (id == null || !id.isTextual()) {
                        error(SUBNET_ID_INVALID, sp, "a subnetIds entry has no id", "write - id: /subscriptions/…/subnets/<subnet>");
                    } else {
                        SubnetRules.check(sp, id.textValue()).ifPresent(problems::add);
                    }
                }
            }
            if (profile != null && !profile.isNull()) {
                use(ApiVersions.NETWORK_PROFILE, "properties.networkProfile");
                error(NETWORK_PROFILE_RETIRED, "properties.networkProfile", "networkProfile is retired: container groups join a VNet"
                                + " through subnetIds since api-version 2021-09-01, and Azure answers PrivateIPAddressNotSupported",
                        "replace networkProfile with subnetIds: [{id: <the profile's subnet id>}] (…/virtualNetworks/<vnet>/subnets/<subnet>)");
            }
            if (ip == null || ip.isNull()) {
                return;
            }
            if (!ip.isObject()) {
                error(FIELD_TYPE_INVALID, "properties.ipAddress", "ipAddress must be a mapping with type and ports", "");
                return;
            }
            JsonNode type = ip.get("type");
            boolean isPrivate = type != null && type.isTextual() && type.textValue().equalsIgnoreCase("Private");
            if (type == null || !type.isTextual() || !(isPrivate || type.textValue().equalsIgnoreCase("Public"))) {
                error(IP_TYPE_INVALID, "properties.ipAddress.type", "ipAddress.type must be Private or Public",
                        "use type: Private (the gateway needs no inbound access)");
            }
            if (isPrivate) {
                use(ApiVersions.PRIVATE_IP, "properties.ipAddress.type");
                if (!hasSubnets && (profile == null || profile.isNull())) {
                    error(PRIVATE_IP_WITHOUT_SUBNET, "properties.ipAddress", "a Private IP needs a subnet, but the group has no"
                                    + " subnetIds (Azure: PrivateIPAddressNotSupported)",
                            "add subnetIds: [{id: /subscriptions/…/virtualNetworks/<vnet>/subnets/<subnet>}] with a subnet delegated to"
                                    + " Microsoft.ContainerInstance/containerGroups");
                }
                JsonNode dns = ip.get("dnsNameLabel");
                if (dns != null && !dns.isNull()) {
                    error(DNS_LABEL_WITH_PRIVATE_IP, "properties.ipAddress.dnsNameLabel", "a DNS name label works only with a Public IP",
                            "remove dnsNameLabel");
                }
            }
            JsonNode ports = ip.get("ports");
            if (ports == null || !ports.isArray() || ports.isEmpty()) {
                error(IP_PORTS_EMPTY, "properties.ipAddress.ports", "the IP address has no ports; Azure refuses it"
                                + " (MissingIpAddressPorts)", "add ports: [{port: 443, protocol: TCP}] and the same port on the container");
                return;
            }
            Set<String> exposed = new HashSet<>();
            for (JsonNode c : JsonPaths.items(p.path("containers"))) {
                for (JsonNode cport : JsonPaths.items(c.path("properties").path("ports"))) {
                    exposed.add(portKey(cport));
                }
            }
            for (int i = 0; i < ports.size(); i++) {
                JsonNode gp = ports.get(i);
                String pp = "properties.ipAddress.ports[" + i + "]";
                port(gp, pp);
                if (gp.isObject() && gp.path("port").isIntegralNumber() && !exposed.contains(portKey(gp))) {
                    error(IP_PORT_NOT_EXPOSED, pp, "the group's IP port " + gp.path("port").asInt() + "/" + protocol(gp)
                                    + " is not a port of any container; Azure refuses it",
                            "add - port: " + gp.path("port").asInt() + " to the container's ports, or remove it here");
                }
            }
        }

        private static String portKey(JsonNode port) {
            return port.path("port").asText() + "/" + protocol(port);
        }

        private static String protocol(JsonNode port) {
            JsonNode proto = port.get("protocol");
            return proto == null || !proto.isTextual() ? "TCP" : proto.textValue().toUpperCase(Locale.ROOT);
        }

        // ---- api-version vs features ---------------------------------------------------------------------------

        void apiVersionFeatures() {
            if (apiVersion == null) {
                return;
            }
            for (Map.Entry<ApiVersions.Feature, String> e : used.entrySet()) {
                ApiVersions.Feature f = e.getKey();
                if (ApiVersions.olderThan(apiVersion, f.since())) {
                    error(API_VERSION_TOO_OLD, e.getValue(), f.name() + " needs apiVersion " + f.since() + " or later, but the"
                            + " file says " + apiVersion, "use apiVersion: '" + ArmBody.API_VERSION + "'");
                }
            }
        }
    }

    /** A key from the file, cut and cleaned for a message. */
    static String shortKey(String k) {
        String clean = k.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
    }
}
