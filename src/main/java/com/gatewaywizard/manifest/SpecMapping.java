package com.gatewaywizard.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.AppInfo;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.spec.SpecValidator;
import com.gatewaywizard.spec.SubnetId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imported manifest JSON → the best {@link GatewaySpec} it describes, and what the spec cannot hold.
 *
 * <p>What is mapped: name (and, from our tags, the pool name and instance number), location, the first subnet
 * id and the subscription in it, the Docker Hub credential, {@code GATEWAY_CONFIG}, image, cpu, memory, debug
 * logging, the probe kind and the user's tags; instances is 1 (one file is one group). Placeholders and masks
 * are not taken as values: those fields stay empty so the wizard asks for them. Whatever in the file the wizard
 * would not write back the same way is listed in one {@value #IMPORT_NOT_MAPPED} info: the spec is re-rendered
 * and compared with the file ({@link ArmBody#diff}).
 *
 * <p>For a Keeper Gateway manifest the spec is then checked by {@link SpecValidator} (so an imported
 * {@code GATEWAY_CONFIG} is decoded and checked like a pasted one); problems about fields the file did not fill
 * are left out, as {@link ManifestRules} already reports missing parts, and fields are reported by their
 * manifest path.
 */
final class SpecMapping {
    static final String IMPORT_NOT_MAPPED = ManifestReader.IMPORT_NOT_MAPPED;
    private static final Set<String> MAPPED_ENV = Set.of(ArmBody.ENV_ACCEPT_EULA, ArmBody.ENV_GATEWAY_CONFIG,
            ArmBody.ENV_GATEWAY_LOG_LEVEL, ArmBody.ENV_LOG_LEVEL, ArmBody.ENV_HEALTH_CHECK);
    private static final int MAX_LISTED = 10;

    record Result(GatewaySpec spec, int instance, List<Problem> problems) {
    }

    private SpecMapping() {
    }

    static Result map(ObjectNode root) {
        GatewaySpec.Builder b = GatewaySpec.builder();
        Map<String, String> paths = new HashMap<>(); // spec field → manifest path, for fields the file filled
        JsonNode props = root.path("properties");

        String location = text(root.get("location"));
        if (real(location)) {
            b.region(location);
            paths.put("region", "location");
        } else {
            b.region("");
        }

        // Name, pool and instance number.
        String name = text(root.get("name"));
        int instance = 1;
        Map<String, String> userTags = new LinkedHashMap<>();
        JsonNode tags = root.path("tags");
        String pool = text(tags.get(ArmBody.TAG_POOL));
        String k = text(tags.get(ArmBody.TAG_INSTANCE));
        if (pool != null && k != null && k.matches("[1-9][0-9]{0,2}")) {
            int n = Integer.parseInt(k);
            if (name != null && name.equals(n == 1 ? pool : pool + "-" + n)) {
                name = pool;
                instance = n;
            }
        }
        if (real(name)) {
            b.name(name);
            paths.put("name", "name");
        }
        tags.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (!key.equals(ArmBody.TAG_POOL) && !key.equals(ArmBody.TAG_INSTANCE) && !key.equals(AppInfo.TAG_MANAGED_BY)
                    && e.getValue().isValueNode()) {
                userTags.put(key, e.getValue().isNull() ? "" : e.getValue().asText());
            }
        });
        b.tags(userTags);
        if (!userTags.isEmpty()) {
            paths.put("tags", "tags");
        }

        // Subnet and subscription.
        JsonNode subnets = props.path("subnetIds");
        String subnet = text(subnets.path(0).get("id"));
        if (real(subnet)) {
            b.subnetId(subnet);
            paths.put("subnetId", "properties.subnetIds[0].id");
            SubnetId.subscriptionOf(subnet).ifPresent(sub -> {
                b.subscriptionId(sub);
                paths.put("subscriptionId", "properties.subnetIds[0].id");
            });
        }

        // Docker Hub credential.
        List<JsonNode> creds = JsonPaths.items(props.path("imageRegistryCredentials"));
        for (int i = 0; i < creds.size(); i++) {
            JsonNode c = creds.get(i);
            String server = text(c.get("server"));
            if (server == null || !ManifestRules.isDockerHubServer(server)) {
                continue;
            }
            String user = text(c.get("username"));
            if (real(user)) {
                b.dockerUser(user);
                paths.put("dockerUser", "properties.imageRegistryCredentials[" + i + "].username");
            }
            String pass = text(c.get("password"));
            if (real(pass)) {
                b.dockerPat(Secret.of(pass));
                paths.put("dockerPat", "properties.imageRegistryCredentials[" + i + "].password");
            }
            break;
        }

        // The gateway container.
        List<JsonNode> containers = JsonPaths.items(props.path("containers"));
        int ci = gatewayContainer(containers);
        boolean keeper = false;
        if (ci >= 0) {
            JsonNode cp = containers.get(ci).path("properties");
            String cpath = "properties.containers[" + ci + "].properties";
            String image = text(cp.get("image"));
            if (real(image)) {
                b.image(image);
                paths.put("image", cpath + ".image");
                keeper = ManifestRules.isKeeperImage(image);
            }
            JsonNode req = cp.path("resources").path("requests");
            if (req.path("cpu").isNumber()) {
                b.cpu(req.get("cpu").doubleValue());
                paths.put("cpu", cpath + ".resources.requests.cpu");
            }
            if (req.path("memoryInGB").isNumber()) {
                b.memoryGb(req.get("memoryInGB").doubleValue());
                paths.put("memoryGb", cpath + ".resources.requests.memoryInGB");
            }
            List<JsonNode> env = JsonPaths.items(cp.path("environmentVariables"));
            String gatewayLevel = null;
            for (int j = 0; j < env.size(); j++) {
                JsonNode v = env.get(j);
                String vn = text(v.get("name"));
                if (ArmBody.ENV_GATEWAY_CONFIG.equals(vn)) {
                    boolean secure = v.hasNonNull("secureValue");
                    String value = text(secure ? v.get("secureValue") : v.get("value"));
                    if (real(value)) {
                        b.gatewayConfig(Secret.of(value));
                        paths.put("gatewayConfig", cpath + ".environmentVariables[" + j + "]." + (secure ? "secureValue" : "value"));
                    }
                } else if (ArmBody.ENV_GATEWAY_LOG_LEVEL.equals(vn)) {
                    gatewayLevel = text(v.get("value"));
                }
            }
            b.debugLogging(gatewayLevel != null && gatewayLevel.toLowerCase(Locale.ROOT).equals("debug"));
            JsonNode probe = cp.path("livenessProbe");
            if (probe.has("exec")) {
                List<String> cmd = new ArrayList<>();
                probe.path("exec").path("command").forEach(x -> cmd.add(x.asText()));
                b.liveness(cmd.equals(ArmBody.EXEC_PROBE_COMMAND) ? LivenessProbe.EXEC : LivenessProbe.NONE);
            } else if (probe.has("httpGet")) {
                b.liveness(LivenessProbe.HTTP);
            }
        }
        b.instances(1);
        GatewaySpec spec = b.build();

        List<Problem> problems = new ArrayList<>();
        notKept(root, spec, instance).ifPresent(problems::add);
        if (keeper) {
            for (Problem p : SpecValidator.validate(spec)) {
                String path = paths.get(p.field());
                if (path == null || p.code().endsWith("_REQUIRED")) {
                    continue;
                }
                problems.add(new Problem(p.severity(), p.code(), path, p.message(), p.fix()));
            }
        }
        return new Result(spec, instance, problems);
    }

    /** The container the gateway runs in: named keeper-gateway, else the first Keeper image, else the first. */
    private static int gatewayContainer(List<JsonNode> containers) {
        for (int i = 0; i < containers.size(); i++) {
            if (GatewaySpec.CONTAINER_NAME.equals(text(containers.get(i).get("name")))) {
                return i;
            }
        }
        for (int i = 0; i < containers.size(); i++) {
            String image = text(containers.get(i).path("properties").get("image"));
            if (image != null && ManifestRules.isKeeperImage(image)) {
                return i;
            }
        }
        return containers.isEmpty() ? -1 : 0;
    }

    /** One info listing the parts of the file that re-rendering the spec would change or drop. */
    private static java.util.Optional<Problem> notKept(ObjectNode root, GatewaySpec spec, int instance) {
        ObjectNode rendered;
        try {
            rendered = ArmBody.of(spec, instance, SecretMode.FULL);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        List<String> diff = new ArrayList<>();
        ArmBody.diff("", root, rendered, diff);
        List<String> lost = diff.stream()
                .filter(p -> !p.endsWith(" (added)"))
                // secrets that were placeholders are reported as placeholders; the spec leaves them empty on purpose
                .filter(p -> !(p.endsWith(".password") || p.endsWith(".secureValue")))
                .toList();
        if (lost.isEmpty()) {
            return java.util.Optional.empty();
        }
        String listed = String.join(", ", lost.subList(0, Math.min(MAX_LISTED, lost.size())))
                + (lost.size() > MAX_LISTED ? " and " + (lost.size() - MAX_LISTED) + " more" : "");
        return java.util.Optional.of(Problem.info(IMPORT_NOT_MAPPED, "", "the wizard would not write these parts of the file back"
                + " the same way (it deploys one keeper-gateway container as the seed manifest describes): " + listed,
                "review them before redeploying from the wizard"));
    }

    private static String text(JsonNode n) {
        return n == null || !n.isValueNode() || n.isNull() ? null : n.asText();
    }

    private static boolean real(String s) {
        return s != null && !s.isEmpty() && !Placeholders.contains(s) && !SecretMode.isStandIn(s);
    }
}
