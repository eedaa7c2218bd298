package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.spec.Problem;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule on variants of our own (valid) body: the kind of fault, not one input. */
class ManifestRulesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String C0 = "properties.containers[0].properties";

    private static ObjectNode base() {
        return ArmBody.of(Fixtures.exampleSpec(), 1);
    }

    private static ObjectNode props(ObjectNode m) {
        return (ObjectNode) m.get("properties");
    }

    private static ObjectNode container(ObjectNode m) {
        return (ObjectNode) m.at("/properties/containers/0/properties");
    }

    private static ObjectNode json(String s) {
        try {
            return (ObjectNode) MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Problem> with(Consumer<ObjectNode> change) {
        ObjectNode m = base();
        change.accept(m);
        return ManifestRules.check(m);
    }

    private static Problem has(List<Problem> problems, String code, String field) {
        return problems.stream().filter(p -> p.code().equals(code) && p.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " at " + field + ": " + problems.stream().map(Problem::format).toList()));
    }

    private static boolean hasCode(List<Problem> problems, String code) {
        return problems.stream().anyMatch(p -> p.code().equals(code));
    }

    @Test
    void ourBodyIsClean() {
        assertEquals(List.of(), ManifestRules.check(base()));
    }

    @Test
    void environmentVariablesNeedExactlyOneValueInContainersAndInitContainersAlike() {
        List<Problem> both = with(m -> ((ObjectNode) container(m).at("/environmentVariables/1")).put("value", "x"));
        assertTrue(has(both, ManifestRules.ENV_VALUE_AND_SECURE_VALUE, C0 + ".environmentVariables[1]").message().contains("GATEWAY_CONFIG"));
        List<Problem> none = with(m -> ((ObjectNode) container(m).at("/environmentVariables/1")).remove("secureValue"));
        has(none, ManifestRules.ENV_NO_VALUE, C0 + ".environmentVariables[1]");
        List<Problem> nulls = with(m -> ((ObjectNode) container(m).at("/environmentVariables/0")).putNull("value"));
        has(nulls, ManifestRules.ENV_NO_VALUE, C0 + ".environmentVariables[0]");
        List<Problem> empty = with(m -> ((ObjectNode) container(m).at("/environmentVariables/1")).put("secureValue", ""));
        has(empty, ManifestRules.ENV_NO_VALUE, C0 + ".environmentVariables[1]");
        List<Problem> init = with(m -> props(m).set("initContainers", json(
                "{\"a\":[{\"name\":\"init\",\"properties\":{\"image\":\"busybox\",\"environmentVariables\":[{\"name\":\"X\"}]}}]}").get("a")));
        has(init, ManifestRules.ENV_NO_VALUE, "properties.initContainers[0].properties.environmentVariables[0]");
    }

    @Test
    void secretLookingPlainValuesAndNonTextValuesAreWarned() {
        List<Problem> plain = with(m -> {
            ObjectNode v = (ObjectNode) container(m).at("/environmentVariables/1");
            v.put("value", v.get("secureValue").textValue());
            v.remove("secureValue");
        });
        has(plain, ManifestRules.SECRET_IN_PLAIN_VALUE, C0 + ".environmentVariables[1]");
        List<Problem> bool = with(m -> ((ObjectNode) container(m).at("/environmentVariables/0")).put("value", true));
        has(bool, ManifestRules.ENV_VALUE_NOT_STRING, C0 + ".environmentVariables[0]");
        has(bool, ManifestRules.EULA_NOT_ACCEPTED, C0 + ".environmentVariables");
        List<Problem> noConfig = with(m -> ((ArrayNode) container(m).get("environmentVariables")).remove(1));
        has(noConfig, ManifestRules.GATEWAY_CONFIG_MISSING, C0 + ".environmentVariables");
    }

    @Test
    void privateIpNeedsSubnetIdsAndNetworkProfileIsRetiredEvenBesideSubnetIds() {
        has(with(m -> props(m).remove("subnetIds")), ManifestRules.PRIVATE_IP_WITHOUT_SUBNET, "properties.ipAddress");
        has(with(m -> props(m).putArray("subnetIds")), ManifestRules.PRIVATE_IP_WITHOUT_SUBNET, "properties.ipAddress");
        has(with(m -> props(m).putObject("networkProfile").put("id", "/subscriptions/x/networkProfiles/p")),
                ManifestRules.NETWORK_PROFILE_RETIRED, "properties.networkProfile");
        assertFalse(hasCode(with(m -> {
            props(m).remove("subnetIds");
            props(m).remove("ipAddress");
        }), ManifestRules.PRIVATE_IP_WITHOUT_SUBNET), "no IP, no rule");
    }

    @Test
    void ipPortsMustBeThereAndExposedByAContainer() {
        has(with(m -> ((ObjectNode) props(m).get("ipAddress")).putArray("ports")), ManifestRules.IP_PORTS_EMPTY, "properties.ipAddress.ports");
        has(with(m -> ((ObjectNode) props(m).get("ipAddress")).remove("ports")), ManifestRules.IP_PORTS_EMPTY, "properties.ipAddress.ports");
        has(with(m -> ((ObjectNode) props(m).at("/ipAddress/ports/0")).put("port", 8443)), ManifestRules.IP_PORT_NOT_EXPOSED,
                "properties.ipAddress.ports[0]");
        has(with(m -> ((ObjectNode) props(m).at("/ipAddress/ports/0")).put("protocol", "UDP")), ManifestRules.IP_PORT_NOT_EXPOSED,
                "properties.ipAddress.ports[0]");
        assertFalse(hasCode(with(m -> ((ObjectNode) props(m).at("/ipAddress/ports/0")).put("protocol", "tcp")),
                ManifestRules.IP_PORT_NOT_EXPOSED), "protocol case does not matter");
        has(with(m -> ((ObjectNode) props(m).get("ipAddress")).put("dnsNameLabel", "gw")), ManifestRules.DNS_LABEL_WITH_PRIVATE_IP,
                "properties.ipAddress.dnsNameLabel");
        has(with(m -> ((ObjectNode) props(m).get("ipAddress")).put("type", "Internal")), ManifestRules.IP_TYPE_INVALID,
                "properties.ipAddress.type");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 100000})
    void portsOutOfRangeAreRejectedWherever(int port) {
        has(with(m -> ((ObjectNode) container(m).at("/ports/0")).put("port", port)), ManifestRules.PORT_OUT_OF_RANGE, C0 + ".ports[0].port");
        has(with(m -> ((ObjectNode) props(m).at("/ipAddress/ports/0")).put("port", port)), ManifestRules.PORT_OUT_OF_RANGE,
                "properties.ipAddress.ports[0].port");
    }

    @Test
    void volumesNeedExactlyOneAciType() {
        has(with(m -> ((ObjectNode) props(m).at("/volumes/0")).putNull("emptyDir")), ManifestRules.VOLUME_NO_TYPE, "properties.volumes[0]");
        has(with(m -> ((ObjectNode) props(m).at("/volumes/0")).remove("emptyDir")), ManifestRules.VOLUME_NO_TYPE, "properties.volumes[0]");
        has(with(m -> ((ObjectNode) props(m).at("/volumes/0")).putObject("secret")), ManifestRules.VOLUME_MULTIPLE_TYPES,
                "properties.volumes[0]");
        for (String k8s : List.of("hostPath", "persistentVolumeClaim", "configMap", "nfs")) {
            has(with(m -> ((ObjectNode) props(m).at("/volumes/0")).putObject(k8s)), ManifestRules.VOLUME_UNSUPPORTED_FIELD,
                    "properties.volumes[0]." + k8s);
        }
        has(with(m -> ((ObjectNode) props(m).at("/volumes/0/emptyDir")).put("medium", "Memory")), ManifestRules.VOLUME_UNSUPPORTED_FIELD,
                "properties.volumes[0].emptyDir");
        has(with(m -> ((ObjectNode) container(m).at("/volumeMounts/0")).put("name", "shm")), ManifestRules.VOLUME_MOUNT_UNKNOWN,
                C0 + ".volumeMounts[0]");
        has(with(m -> ((ObjectNode) container(m).at("/volumeMounts/0")).put("mountPath", "C:/shm")), ManifestRules.VOLUME_MOUNT_INVALID,
                C0 + ".volumeMounts[0].mountPath");
    }

    @Test
    void duplicateNamesOfContainersVolumesAndVariablesAreRejected() {
        has(with(m -> ((ArrayNode) props(m).get("containers")).add(m.at("/properties/containers/0").deepCopy())),
                ManifestRules.DUPLICATE_NAME, "properties.containers[1].name");
        has(with(m -> ((ArrayNode) props(m).get("volumes")).add(m.at("/properties/volumes/0").deepCopy())),
                ManifestRules.DUPLICATE_NAME, "properties.volumes[1].name");
        has(with(m -> ((ArrayNode) container(m).get("environmentVariables")).add(container(m).at("/environmentVariables/0").deepCopy())),
                ManifestRules.DUPLICATE_NAME, C0 + ".environmentVariables[2]");
    }

    @Test
    void probesAciCannotRunAreRejected() {
        has(with(m -> container(m).putObject("livenessProbe").putObject("tcpSocket").put("port", 443)), ManifestRules.PROBE_UNSUPPORTED,
                C0 + ".livenessProbe.tcpSocket");
        has(with(m -> container(m).putObject("readinessProbe").putObject("grpc").put("port", 443)), ManifestRules.PROBE_UNSUPPORTED,
                C0 + ".readinessProbe.grpc");
        has(with(m -> container(m).putObject("livenessProbe").put("periodSeconds", 10)), ManifestRules.PROBE_UNSUPPORTED,
                C0 + ".livenessProbe");
        has(with(m -> container(m).putObject("startupProbe").putObject("exec")), ManifestRules.PROBE_UNSUPPORTED, C0 + ".startupProbe");
        has(with(m -> container(m).putObject("livenessProbe").putObject("httpGet").put("port", 443).put("scheme", "tcp")),
                ManifestRules.PROBE_INVALID, C0 + ".livenessProbe.httpGet.scheme");
        has(with(m -> {
            ObjectNode p = container(m).putObject("livenessProbe");
            p.putObject("exec").putArray("command").add("keeper-gateway");
            p.put("periodSeconds", 0);
        }), ManifestRules.PROBE_INVALID, C0 + ".livenessProbe.periodSeconds");
        has(with(m -> container(m).putObject("livenessProbe").putObject("exec").putArray("command")), ManifestRules.PROBE_INVALID,
                C0 + ".livenessProbe.exec.command");
    }

    @Test
    void apiVersionIsCheckedForFormAgeAndTheFeaturesUsed() {
        has(with(m -> m.put("apiVersion", "banana")), ManifestRules.API_VERSION_INVALID, "apiVersion");
        has(with(m -> m.put("apiVersion", 2024)), ManifestRules.API_VERSION_INVALID, "apiVersion");
        has(with(m -> m.remove("apiVersion")), ManifestRules.API_VERSION_MISSING, "apiVersion");
        List<Problem> old = with(m -> m.put("apiVersion", "2021-07-01"));
        has(old, ManifestRules.API_VERSION_OLD, "apiVersion");
        assertTrue(has(old, ManifestRules.API_VERSION_TOO_OLD, "properties.subnetIds").message().contains("2021-09-01"));
        List<Problem> older = with(m -> {
            m.put("apiVersion", "2018-04-01");
            container(m).putObject("livenessProbe").putObject("exec").putArray("command").add("x");
        });
        has(older, ManifestRules.API_VERSION_TOO_OLD, C0 + ".environmentVariables[1].secureValue");
        has(older, ManifestRules.API_VERSION_TOO_OLD, C0 + ".livenessProbe");
        has(older, ManifestRules.API_VERSION_TOO_OLD, "properties.ipAddress.type");
        has(older, ManifestRules.API_VERSION_TOO_OLD, "properties.sku");
        assertFalse(hasCode(with(m -> m.put("apiVersion", "2023-05-01")), ManifestRules.API_VERSION_TOO_OLD),
                "the SDK's 2023-05-01 knows everything the gateway manifest uses");
    }

    @Test
    void topLevelKeysAzCliDropsAreWarned() {
        for (String k : List.of("sku", "subnetIds", "zones", "containers", "bogus")) {
            has(with(m -> m.put(k, "x")), ManifestRules.TOP_LEVEL_FIELD_IGNORED, k);
        }
        has(with(m -> m.putArray("tags").add("a")), ManifestRules.TAGS_INVALID, "tags");
        has(with(m -> m.put("type", "Microsoft.Web/sites")), ManifestRules.TYPE_MISMATCH, "type");
        has(with(m -> m.remove("location")), ManifestRules.LOCATION_MISSING, "location");
        has(with(m -> m.remove("properties")), ManifestRules.PROPERTIES_MISSING, "properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Keeper-Gateway", "keeper_gateway", "-gw", "gw-", "gw--1", "gw.1", "gw 1", "ünïcode"})
    void invalidNamesAreRejectedForGroupsAndContainers(String name) {
        has(with(m -> m.put("name", name)), ManifestRules.NAME_INVALID, "name");
        has(with(m -> ((ObjectNode) m.at("/properties/containers/0")).put("name", name)), ManifestRules.NAME_INVALID,
                "properties.containers[0].name");
    }

    @Test
    void overlongNamesAndMissingNamesAreRejected() {
        has(with(m -> m.put("name", "a".repeat(64))), ManifestRules.NAME_INVALID, "name");
        has(with(m -> m.remove("name")), ManifestRules.NAME_REQUIRED, "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/subscriptions/3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet",
            "/subscriptions/3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/",
            "/subscriptions/<sub>/resourcegroups/<rg>/providers/microsoft.network/virtualnetworks/<vnet>"})
    void vnetIdsInSubnetIdsAreNamedAsSuch(String id) {
        has(with(m -> ((ObjectNode) props(m).at("/subnetIds/0")).put("id", id)), ManifestRules.SUBNET_ID_IS_VNET,
                "properties.subnetIds[0].id");
    }

    @Test
    void otherBadSubnetIdsAreRejected() {
        List<Problem> p = with(m -> ((ObjectNode) props(m).at("/subnetIds/0")).put("id", "snet-aci"));
        assertTrue(p.stream().anyMatch(x -> x.isError() && x.code().startsWith("SUBNET_ID_")), p.toString());
    }

    @Test
    void dockerHubImagesWithoutCredentialsAreWarnedAndOtherRegistriesAreNot() {
        has(with(m -> props(m).remove("imageRegistryCredentials")), ManifestRules.REGISTRY_CREDENTIALS_MISSING,
                "properties.imageRegistryCredentials");
        assertFalse(hasCode(with(m -> {
            props(m).remove("imageRegistryCredentials");
            container(m).put("image", "myregistry.azurecr.io/keeper/gateway:1.8.4");
        }), ManifestRules.REGISTRY_CREDENTIALS_MISSING));
        has(with(m -> {
            props(m).remove("imageRegistryCredentials");
            container(m).put("image", "docker.io/keeper/gateway:latest");
        }), ManifestRules.REGISTRY_CREDENTIALS_MISSING, "properties.imageRegistryCredentials");
        has(with(m -> ((ObjectNode) props(m).at("/imageRegistryCredentials/0")).remove("password")), ManifestRules.REGISTRY_PASSWORD_MISSING,
                "properties.imageRegistryCredentials[0]");
        has(with(m -> ((ObjectNode) props(m).at("/imageRegistryCredentials/0")).put("server", "https://index.docker.io/v1/")),
                ManifestRules.REGISTRY_SERVER_INVALID, "properties.imageRegistryCredentials[0].server");
    }

    @Test
    void enumeratedValuesAreChecked() {
        has(with(m -> props(m).put("restartPolicy", "Sometimes")), ManifestRules.RESTART_POLICY_INVALID, "properties.restartPolicy");
        has(with(m -> props(m).put("osType", "Solaris")), ManifestRules.OS_TYPE_INVALID, "properties.osType");
        has(with(m -> props(m).remove("osType")), ManifestRules.OS_TYPE_INVALID, "properties.osType");
        has(with(m -> props(m).put("sku", "Premium")), ManifestRules.SKU_INVALID, "properties.sku");
        assertFalse(hasCode(with(m -> props(m).put("restartPolicy", "onfailure")), ManifestRules.RESTART_POLICY_INVALID));
    }

    @Test
    void containersNeedImageAndResources() {
        has(with(m -> props(m).putArray("containers")), ManifestRules.CONTAINERS_MISSING, "properties.containers");
        has(with(m -> container(m).remove("image")), ManifestRules.IMAGE_MISSING, C0 + ".image");
        has(with(m -> container(m).remove("resources")), ManifestRules.RESOURCES_MISSING, C0 + ".resources.requests");
        has(with(m -> ((ObjectNode) container(m).at("/resources/requests")).put("cpu", 0)), ManifestRules.RESOURCE_VALUE_INVALID,
                C0 + ".resources.requests.cpu");
        has(with(m -> ((ObjectNode) container(m).at("/resources/requests")).put("cpu", "two")), ManifestRules.FIELD_TYPE_INVALID,
                C0 + ".resources.requests.cpu");
        has(with(m -> ((ObjectNode) m.at("/properties/containers/0")).remove("properties")), ManifestRules.CONTAINER_PROPERTIES_MISSING,
                "properties.containers[0].properties");
    }

    @Test
    void quotedNumbersAreWarnedByCheckAndCoercedByTheReaderStep() {
        ObjectNode m = base();
        ((ObjectNode) container(m).at("/ports/0")).put("port", "443");
        ((ObjectNode) container(m).at("/resources/requests")).put("cpu", "2.0");
        has(ManifestRules.check(m), ManifestRules.QUOTED_NUMBER, C0 + ".ports[0].port");
        List<Problem> coerced = ManifestRules.coerceQuotedNumbers(m);
        assertEquals(2, coerced.size());
        JsonNode port = m.at("/properties/containers/0/properties/ports/0/port");
        assertTrue(port.isInt() && port.intValue() == 443);
        assertEquals(ArmBody.of(Fixtures.exampleSpec(), 1), m, "after coercion the body is ours again");
        assertFalse(hasCode(ManifestRules.check(m), ManifestRules.QUOTED_NUMBER));
    }

    @Test
    void unknownAndKubernetesFieldsAreReportedWhereTheyAre() {
        has(with(m -> props(m).put("bogusProp", 1)), ManifestRules.UNKNOWN_FIELD, "properties.bogusProp");
        has(with(m -> container(m).put("imagePullPolicy", "Always")), ManifestRules.UNKNOWN_FIELD, C0 + ".imagePullPolicy");
        has(with(m -> ((ObjectNode) m.at("/properties/containers/0")).put("image", "x")), ManifestRules.UNKNOWN_FIELD,
                "properties.containers[0].image");
    }

    @Test
    void placeholdersAreWarnedButDoNotTurnIntoNameOrSubnetErrors() {
        List<Problem> p = ManifestRules.check(ArmBody.of(Fixtures.seedSpec(), 1, SecretMode.SHAREABLE));
        assertEquals(List.of(), p.stream().filter(Problem::isError).map(Problem::format).toList());
        has(p, ManifestRules.PLACEHOLDER_VALUE, "name");
        has(p, ManifestRules.PLACEHOLDER_VALUE, "properties.imageRegistryCredentials[0].password");
        has(p, ManifestRules.PLACEHOLDER_VALUE, "properties.subnetIds[0].id");
    }

    @Test
    void messagesNeverContainTheSecretValues() {
        ObjectNode m = base();
        ObjectNode v = (ObjectNode) container(m).at("/environmentVariables/1");
        v.put("value", v.get("secureValue").textValue());
        ((ObjectNode) props(m).at("/imageRegistryCredentials/0")).put("server", "https://index.docker.io");
        for (Problem p : ManifestRules.check(m)) {
            assertFalse(p.format().contains(Fixtures.PAT) || p.format().contains(Fixtures.CONFIG), p.format());
        }
    }

    @Test
    void nonObjectManifestsAreReportedNotThrown() {
        assertEquals(ManifestRules.NOT_A_MAPPING, ManifestRules.check(MAPPER.createArrayNode()).get(0).code());
        assertEquals(ManifestRules.NOT_A_MAPPING, ManifestRules.check(null).get(0).code());
        // every structure in the wrong type: no exception, only problems
        ObjectNode weird = json("{\"name\":[1],\"tags\":\"x\",\"properties\":{\"containers\":[1,\"a\",{\"name\":{},"
                + "\"properties\":{\"ports\":[1],\"environmentVariables\":\"x\",\"volumeMounts\":[{}],\"livenessProbe\":[]}}],"
                + "\"volumes\":[1],\"ipAddress\":[],\"subnetIds\":{},\"imageRegistryCredentials\":[1]}}");
        assertFalse(ManifestRules.check(weird).isEmpty());
    }
}
