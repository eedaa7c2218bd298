package com.gatewaywizard.manifest;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.AppInfo;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link GatewaySpec} → the ARM container-group resource as a JSON tree: the one model behind both the YAML
 * manifest ({@link ManifestYaml}) and the SDK request ({@link #toSdkModel(ObjectNode)}), so what the user previews
 * is what deploys (DESIGN.md §3).
 *
 * <p>Shape and key order follow the seed manifest ({@code keeper-gateway-on-azure-container-instance.md}):
 * {@code apiVersion, location, name, type, [tags], properties{osType, restartPolicy, sku, imageRegistryCredentials,
 * containers, ipAddress, subnetIds, volumes}}. Decisions where the seed is silent:
 * <ul>
 *   <li><b>Tags.</b> Every group carries {@value #TAG_POOL}{@code =<name>} (the pool's base name, the same for all
 *       instances), {@value #TAG_INSTANCE}{@code =<k>} (1-based, as a string: ARM tag values are strings) and
 *       {@link AppInfo#TAG_MANAGED_BY}{@code =}{@link AppInfo#TAG_MANAGED_BY_VALUE}, first and in that order; the
 *       user's own tags follow. A user tag cannot override one of ours (ours win) so the dashboard can always find
 *       its groups.</li>
 *   <li><b>Registry credentials</b> are written when a Docker Hub user is set (the default; case 19). Without a user
 *       the group pulls anonymously and {@link ManifestRules} warns ({@code REGISTRY_CREDENTIALS_MISSING}).</li>
 *   <li><b>subnetIds</b> is written when the spec has a subnet id; without one the body is invalid and
 *       {@link ManifestRules} says so ({@code PRIVATE_IP_WITHOUT_SUBNET}) rather than this class inventing an id.</li>
 *   <li><b>HTTP probe</b>: exactly the seed's {@code httpGet{path: /health, port: 443}, initialDelaySeconds: 30,
 *       periodSeconds: 10}. The seed writes no {@code scheme}, so ACI uses its default, {@code http}; we keep that so
 *       the output matches the seed (an explicit scheme would change nothing but the text). Keeper documents no
 *       listener on 443 inside the gateway container, which is why {@link ManifestRules} warns about this probe
 *       and the exec probe is the recommended one.</li>
 *   <li><b>Exec probe</b>: {@code exec{command: [keeper-gateway, health-check]}} plus
 *       {@code KEEPER_GATEWAY_HEALTH_CHECK_ENABLED=true} (the health service is off by default). Timing follows
 *       Keeper's docs (reference/keeper.md "Health"): the compose healthcheck's interval 30 s, timeout 10 s and
 *       3 retries, and an initial delay of 120 s, the start-up budget of Keeper's helm chart (24 × 5 s), because
 *       the entrypoint installs CA certificates and pip packages before the gateway starts and ACI has no
 *       separate start-up probe.</li>
 * </ul>
 * The registry password and {@code GATEWAY_CONFIG} are the only secrets; {@link SecretMode} decides how they appear.
 */
public final class ArmBody {
    public static final String API_VERSION = "2024-05-01-preview";
    public static final String TYPE = "Microsoft.ContainerInstance/containerGroups";
    public static final String DOCKER_HUB_SERVER = "index.docker.io";
    public static final String SHM_VOLUME = "devshm";
    public static final String SHM_PATH = "/dev/shm";
    public static final int GATEWAY_PORT = 443;
    public static final String TAG_POOL = "gateway-wizard-pool";
    public static final String TAG_INSTANCE = "gateway-wizard-instance";
    public static final String ENV_ACCEPT_EULA = "ACCEPT_EULA";
    public static final String ENV_GATEWAY_CONFIG = "GATEWAY_CONFIG";
    public static final String ENV_GATEWAY_LOG_LEVEL = "KEEPER_GATEWAY_LOG_LEVEL";
    public static final String ENV_LOG_LEVEL = "LOG_LEVEL";
    public static final String ENV_HEALTH_CHECK = "KEEPER_GATEWAY_HEALTH_CHECK_ENABLED";
    public static final String HTTP_PROBE_PATH = "/health";
    public static final int HTTP_PROBE_INITIAL_DELAY = 30;
    public static final int HTTP_PROBE_PERIOD = 10;
    public static final List<String> EXEC_PROBE_COMMAND = List.of("keeper-gateway", "health-check");
    public static final int EXEC_PROBE_INITIAL_DELAY = 120;
    public static final int EXEC_PROBE_PERIOD = 30;
    public static final int EXEC_PROBE_FAILURE_THRESHOLD = 3;
    public static final int EXEC_PROBE_TIMEOUT = 10;
    /** Top-level keys that go to the request URL (or nowhere), never into the PUT body. */
    public static final Set<String> URL_ONLY_KEYS = Set.of("apiVersion", "name", "type", "id");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArmBody() {
    }

    /** The full body (real secrets) of instance {@code k} (1-based) of the spec's pool. */
    public static ObjectNode of(GatewaySpec spec, int instance) {
        return of(spec, instance, SecretMode.FULL);
    }

    /** The body of instance {@code k} (1-based) with the secrets shown as {@code mode} says. */
    public static ObjectNode of(GatewaySpec spec, int instance, SecretMode mode) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(mode, "mode");
        if (!Double.isFinite(spec.cpu()) || !Double.isFinite(spec.memoryGb())) {
            throw new IllegalArgumentException("cpu and memory must be finite numbers");
        }
        ObjectNode root = F.objectNode();
        root.put("apiVersion", API_VERSION);
        root.put("location", spec.region());
        root.put("name", spec.instanceName(instance));
        root.put("type", TYPE);
        root.set("tags", tags(spec, instance));

        ObjectNode props = root.putObject("properties");
        props.put("osType", "Linux");
        props.put("restartPolicy", "Always");
        props.put("sku", "Standard");
        if (!spec.dockerUser().isEmpty()) {
            ObjectNode cred = props.putArray("imageRegistryCredentials").addObject();
            cred.put("server", DOCKER_HUB_SERVER);
            cred.put("username", spec.dockerUser());
            cred.put("password", mode.render(spec.dockerPat(), SecretMode.PAT_PLACEHOLDER));
        }
        props.putArray("containers").add(container(spec, mode));

        ObjectNode ip = props.putObject("ipAddress");
        ip.put("type", "Private");
        ip.putArray("ports").add(port());
        if (!spec.subnetId().isEmpty()) {
            props.putArray("subnetIds").addObject().put("id", spec.subnetId());
        }
        ObjectNode volume = props.putArray("volumes").addObject();
        volume.put("name", SHM_VOLUME);
        volume.putObject("emptyDir");
        return root;
    }

    private static ObjectNode tags(GatewaySpec spec, int instance) {
        ObjectNode tags = F.objectNode();
        tags.put(TAG_POOL, spec.name());
        tags.put(TAG_INSTANCE, Integer.toString(instance));
        tags.put(AppInfo.TAG_MANAGED_BY, AppInfo.TAG_MANAGED_BY_VALUE);
        for (Map.Entry<String, String> e : spec.tags().entrySet()) {
            if (!tags.has(e.getKey())) {
                tags.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
            }
        }
        return tags;
    }

    private static ObjectNode container(GatewaySpec spec, SecretMode mode) {
        ObjectNode c = F.objectNode();
        c.put("name", GatewaySpec.CONTAINER_NAME);
        ObjectNode p = c.putObject("properties");
        p.put("image", spec.image());
        ObjectNode requests = p.putObject("resources").putObject("requests");
        requests.put("cpu", spec.cpu());
        requests.put("memoryInGB", spec.memoryGb());
        p.putArray("ports").add(port());

        ArrayNode env = p.putArray("environmentVariables");
        env.add(plain(ENV_ACCEPT_EULA, "Y"));
        env.add(secure(ENV_GATEWAY_CONFIG, mode.render(spec.gatewayConfig(), SecretMode.CONFIG_PLACEHOLDER)));
        if (spec.debugLogging()) {
            env.add(plain(ENV_GATEWAY_LOG_LEVEL, "debug"));
            env.add(plain(ENV_LOG_LEVEL, "debug"));
        }
        if (spec.liveness() == LivenessProbe.EXEC) {
            env.add(plain(ENV_HEALTH_CHECK, "true"));
        }
        ObjectNode mount = p.putArray("volumeMounts").addObject();
        mount.put("name", SHM_VOLUME);
        mount.put("mountPath", SHM_PATH);

        switch (spec.liveness()) {
            case HTTP -> {
                ObjectNode probe = p.putObject("livenessProbe");
                ObjectNode get = probe.putObject("httpGet");
                get.put("path", HTTP_PROBE_PATH);
                get.put("port", GATEWAY_PORT);
                probe.put("initialDelaySeconds", HTTP_PROBE_INITIAL_DELAY);
                probe.put("periodSeconds", HTTP_PROBE_PERIOD);
            }
            case EXEC -> {
                ObjectNode probe = p.putObject("livenessProbe");
                ArrayNode cmd = probe.putObject("exec").putArray("command");
                EXEC_PROBE_COMMAND.forEach(cmd::add);
                probe.put("initialDelaySeconds", EXEC_PROBE_INITIAL_DELAY);
                probe.put("periodSeconds", EXEC_PROBE_PERIOD);
                probe.put("failureThreshold", EXEC_PROBE_FAILURE_THRESHOLD);
                probe.put("timeoutSeconds", EXEC_PROBE_TIMEOUT);
            }
            case NONE -> {
                // the seed's default manifest has no probe
            }
        }
        return c;
    }

    private static ObjectNode port() {
        ObjectNode port = F.objectNode();
        port.put("port", GATEWAY_PORT);
        port.put("protocol", "TCP");
        return port;
    }

    private static ObjectNode plain(String name, String value) {
        ObjectNode v = F.objectNode();
        v.put("name", name);
        v.put("value", value);
        return v;
    }

    private static ObjectNode secure(String name, String value) {
        ObjectNode v = F.objectNode();
        v.put("name", name);
        v.put("secureValue", value);
        return v;
    }

    /**
     * The PUT body: the resource without the keys that travel in the URL ({@link #URL_ONLY_KEYS}). This is what
     * {@code az container create --file} sends too (azcli.md §1: only {@code location, tags, properties, ...}
     * survive).
     */
    public static ObjectNode requestBody(ObjectNode resource) {
        ObjectNode body = resource.deepCopy();
        URL_ONLY_KEYS.forEach(body::remove);
        return body;
    }

    /**
     * The SDK request model built from the very same JSON ({@link ContainerGroupInner#fromJson}). The SDK's
     * deserialiser silently skips fields it does not know, which would make the deployed body differ from the
     * preview; so the model is serialised back and compared, and any difference is refused.
     *
     * @throws IllegalArgumentException naming the JSON paths (never values) the SDK model would drop or change
     */
    public static ContainerGroupInner toSdkModel(ObjectNode resource) {
        ObjectNode body = requestBody(resource);
        ContainerGroupInner inner;
        try (JsonReader reader = JsonProviders.createReader(MAPPER.writeValueAsString(body))) {
            inner = ContainerGroupInner.fromJson(reader);
        } catch (IOException e) {
            // No message text: a parser message could quote part of the body, which holds secrets.
            throw new IllegalArgumentException("the body could not be read into the SDK model (" + e.getClass().getSimpleName() + ")");
        }
        if (inner == null) {
            throw new IllegalArgumentException("the body could not be read into the SDK model");
        }
        JsonNode back = sdkJson(inner);
        List<String> differences = new ArrayList<>();
        diff("", body, back, differences);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the SDK model would not send these parts of the previewed body: "
                    + String.join(", ", differences));
        }
        return inner;
    }

    /** The JSON the SDK sends for {@code inner}, as a tree. */
    public static JsonNode sdkJson(ContainerGroupInner inner) {
        try {
            return MAPPER.readTree(inner.toJsonString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK produced JSON that does not parse", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects the paths where {@code expected} and {@code actual} differ (values never included). */
    static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path.isEmpty() ? "(root)" : path);
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                diff(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), out);
            }
            Iterator<String> names = actual.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!expected.has(n)) {
                    out.add((path.isEmpty() ? n : path + "." + n) + " (added)");
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + " (size)");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                diff(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(path);
            }
            return;
        }
        if (!expected.equals(actual)) {
            out.add(path);
        }
    }
}
