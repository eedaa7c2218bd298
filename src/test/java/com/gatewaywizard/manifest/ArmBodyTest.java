package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.EnvironmentVariable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.AppInfo;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Problem;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArmBodyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<GatewaySpec> variants() {
        List<GatewaySpec> out = new ArrayList<>();
        for (LivenessProbe probe : LivenessProbe.values()) {
            for (boolean debug : new boolean[] {false, true}) {
                out.add(Fixtures.exampleSpec().toBuilder().liveness(probe).debugLogging(debug).build());
            }
        }
        out.add(Fixtures.allOptionsSpec());
        return out;
    }

    @Test
    void bodyHasTheSeedsKeysInTheSeedsOrder() {
        ObjectNode body = ArmBody.of(Fixtures.exampleSpec(), 1);
        assertEquals(List.of("apiVersion", "location", "name", "type", "tags", "properties"), keys(body));
        assertEquals(List.of("osType", "restartPolicy", "sku", "imageRegistryCredentials", "containers", "ipAddress", "subnetIds",
                "volumes"), keys(body.get("properties")));
        assertEquals(List.of("image", "resources", "ports", "environmentVariables", "volumeMounts"),
                keys(body.at("/properties/containers/0/properties")));
        assertEquals("2024-05-01-preview", body.get("apiVersion").textValue());
        assertEquals("Microsoft.ContainerInstance/containerGroups", body.get("type").textValue());
        assertEquals(GatewaySpec.CONTAINER_NAME, body.at("/properties/containers/0/name").textValue());
        assertTrue(body.at("/properties/containers/0/properties/resources/requests/cpu").isDouble());
    }

    @Test
    void everyGroupIsTaggedAsOursWithPoolAndInstanceAndUserTagsCannotOverrideThem() {
        GatewaySpec spec = Fixtures.exampleSpec().toBuilder()
                .tag(AppInfo.TAG_MANAGED_BY, "someone-else")
                .tag(ArmBody.TAG_INSTANCE, "7")
                .tag("owner", "it-ops")
                .build();
        JsonNode tags = ArmBody.of(spec, 3).get("tags");
        assertEquals(List.of(ArmBody.TAG_POOL, ArmBody.TAG_INSTANCE, AppInfo.TAG_MANAGED_BY, "owner"), keys(tags));
        assertEquals("keeper-gateway", tags.get(ArmBody.TAG_POOL).textValue());
        assertEquals("3", tags.get(ArmBody.TAG_INSTANCE).textValue());
        assertEquals(AppInfo.TAG_MANAGED_BY_VALUE, tags.get(AppInfo.TAG_MANAGED_BY).textValue());
        assertEquals("keeper-gateway-3", ArmBody.of(spec, 3).get("name").textValue());
    }

    @Test
    void sdkModelSerialisedBackIsExactlyThePreviewedBody() {
        for (GatewaySpec spec : variants()) {
            for (int k = 1; k <= 2; k++) {
                ObjectNode body = ArmBody.of(spec, k);
                ContainerGroupInner inner = ArmBody.toSdkModel(body);
                ObjectNode expected = body.deepCopy();
                expected.remove(List.of("apiVersion", "name", "type"));
                assertEquals(expected, ArmBody.sdkJson(inner), "preview == deployed body for " + spec.liveness() + "/" + k);
                assertEquals(List.of("location", "tags", "properties"), keys(ArmBody.requestBody(body)));
            }
        }
    }

    @Test
    void sdkRequestKeepsEmptyDirAsAnEmptyObject() throws Exception {
        ContainerGroupInner inner = ArmBody.toSdkModel(ArmBody.of(Fixtures.exampleSpec(), 1));
        assertTrue(inner.toJsonString().contains("\"emptyDir\":{}"), "case 08: emptyDir must be {} not null");
        assertEquals(Map.of(), inner.volumes().get(0).emptyDir());
    }

    @Test
    void everyVariableHasExactlyOneOfValueOrSecureValueAndTheConfigIsSecure() throws Exception {
        for (GatewaySpec spec : variants()) {
            ContainerGroupInner inner = ArmBody.toSdkModel(ArmBody.of(spec, 1));
            for (EnvironmentVariable v : inner.containers().get(0).environmentVariables()) {
                boolean value = v.value() != null && !v.value().isEmpty();
                boolean secure = v.secureValue() != null && !v.secureValue().isEmpty();
                assertTrue(value ^ secure, "exactly one of value/secureValue for " + v.name());
                if (v.name().equals(ArmBody.ENV_GATEWAY_CONFIG)) {
                    assertTrue(secure, "GATEWAY_CONFIG is a secureValue");
                }
            }
            // and the same in the YAML, read back
            JsonNode yamlEnv = ManifestReader.read(ManifestYaml.write(spec, 1, SecretMode.FULL)).documents().get(0).json()
                    .at("/properties/containers/0/properties/environmentVariables");
            for (JsonNode v : yamlEnv) {
                assertTrue(v.has("value") ^ v.has("secureValue"), v.get("name").asText());
            }
        }
    }

    @Test
    void fullBodyAlwaysCarriesTheSecureValueAndRegistryPasswordSoARedeployNeverLosesThem() {
        // case 35: a redeploy is built from the spec, never from a GET
        for (GatewaySpec spec : variants()) {
            ContainerGroupInner inner = ArmBody.toSdkModel(ArmBody.of(spec, 2, SecretMode.FULL));
            assertEquals(Fixtures.PAT, inner.imageRegistryCredentials().get(0).password());
            assertEquals(Fixtures.CONFIG, inner.containers().get(0).environmentVariables().stream()
                    .filter(v -> v.name().equals(ArmBody.ENV_GATEWAY_CONFIG)).findFirst().orElseThrow().secureValue());
        }
    }

    @Test
    void aBodyReadBackFromAzureWithoutSecretsIsRejectedByTheRules() throws Exception {
        // case 35's GET response: the secure variable without value, the credential without password
        JsonNode get = ManifestReader.read(Files.readString(Fixtures.caseFile("case-35.yml"))).documents().get(0).json()
                .get("getResponseEnv");
        ObjectNode body = ArmBody.of(Fixtures.exampleSpec(), 1);
        ObjectNode props = (ObjectNode) body.get("properties");
        props.set("imageRegistryCredentials", get.get("imageRegistryCredentials"));
        ((ObjectNode) props.at("/containers/0/properties")).set("environmentVariables", get.get("environmentVariables"));
        List<String> codes = ManifestRules.check(body).stream().filter(Problem::isError).map(Problem::code).toList();
        assertTrue(codes.contains(ManifestRules.ENV_NO_VALUE), codes.toString());
        assertTrue(codes.contains(ManifestRules.REGISTRY_PASSWORD_MISSING), codes.toString());
    }

    @Test
    void previewModesDifferFromTheDeployedBodyOnlyInTheTwoSecretsAndNeverShowThem() throws Exception {
        GatewaySpec spec = Fixtures.allOptionsSpec();
        ObjectNode full = ArmBody.of(spec, 1, SecretMode.FULL);
        for (SecretMode mode : List.of(SecretMode.MASKED, SecretMode.SHAREABLE)) {
            ObjectNode other = ArmBody.of(spec, 1, mode);
            List<String> diff = new ArrayList<>();
            ArmBody.diff("", full, other, diff);
            assertEquals(List.of("properties.imageRegistryCredentials[0].password",
                    "properties.containers[0].properties.environmentVariables[1].secureValue"), diff, mode.name());
            String text = MAPPER.writeValueAsString(other) + ManifestYaml.write(other);
            assertFalse(text.contains(Fixtures.PAT) || text.contains(Fixtures.CONFIG), mode + " shows a secret");
        }
        assertEquals(SecretMode.PAT_PLACEHOLDER, ArmBody.of(spec, 1, SecretMode.SHAREABLE)
                .at("/properties/imageRegistryCredentials/0/password").textValue());
        assertEquals(SecretMode.CONFIG_PLACEHOLDER, ArmBody.of(spec, 1, SecretMode.SHAREABLE)
                .at("/properties/containers/0/properties/environmentVariables/1/secureValue").textValue());
    }

    @Test
    void sdkModelRefusesABodyWithFieldsTheSdkWouldSilentlyDropAndDoesNotEchoValues() {
        ObjectNode body = ArmBody.of(Fixtures.exampleSpec(), 1);
        ((ObjectNode) body.get("properties")).put("bogusProp", "x");
        ((ObjectNode) body.at("/properties/containers/0/properties")).put("unknownContainerKey", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArmBody.toSdkModel(body));
        assertTrue(e.getMessage().contains("properties.bogusProp"), e.getMessage());
        assertTrue(e.getMessage().contains("properties.containers[0].properties.unknownContainerKey"), e.getMessage());
        assertFalse(e.getMessage().contains(Fixtures.PAT) || e.getMessage().contains(Fixtures.CONFIG));
    }

    @Test
    void debugAndExecProbeAddTheirVariablesInOrder() {
        JsonNode env = ArmBody.of(Fixtures.allOptionsSpec(), 1).at("/properties/containers/0/properties/environmentVariables");
        List<String> names = new ArrayList<>();
        env.forEach(v -> names.add(v.get("name").textValue()));
        assertEquals(List.of("ACCEPT_EULA", "GATEWAY_CONFIG", "KEEPER_GATEWAY_LOG_LEVEL", "LOG_LEVEL",
                "KEEPER_GATEWAY_HEALTH_CHECK_ENABLED"), names);
        assertEquals("debug", env.get(2).get("value").textValue());
        assertEquals("true", env.get(4).get("value").textValue(), "a string, not a boolean");
        JsonNode probe = ArmBody.of(Fixtures.allOptionsSpec(), 1).at("/properties/containers/0/properties/livenessProbe");
        assertEquals(List.of("keeper-gateway", "health-check"), List.of(probe.at("/exec/command/0").textValue(),
                probe.at("/exec/command/1").textValue()));
        assertEquals(120, probe.get("initialDelaySeconds").intValue());
        ArrayNode plainEnv = (ArrayNode) ArmBody.of(Fixtures.exampleSpec(), 1).at("/properties/containers/0/properties/environmentVariables");
        assertEquals(2, plainEnv.size(), "no debug, no probe: only ACCEPT_EULA and GATEWAY_CONFIG");
        assertTrue(ArmBody.of(Fixtures.exampleSpec(), 1).at("/properties/containers/0/properties/livenessProbe").isMissingNode());
    }

    @Test
    void withoutDockerUserOrSubnetThoseBlocksAreLeftOutAndTheRulesSaySo() {
        GatewaySpec spec = Fixtures.exampleSpec().toBuilder().dockerUser("").subnetId("").build();
        ObjectNode body = ArmBody.of(spec, 1);
        assertFalse(body.get("properties").has("imageRegistryCredentials"));
        assertFalse(body.get("properties").has("subnetIds"));
        List<String> codes = ManifestRules.check(body).stream().map(Problem::code).toList();
        assertTrue(codes.contains(ManifestRules.REGISTRY_CREDENTIALS_MISSING), codes.toString());
        assertTrue(codes.contains(ManifestRules.PRIVATE_IP_WITHOUT_SUBNET), codes.toString());
    }

    @Test
    void ourOwnBodyPassesEveryRule() {
        for (GatewaySpec spec : variants()) {
            List<Problem> problems = ManifestRules.check(ArmBody.of(spec, 1));
            List<String> codes = problems.stream().map(Problem::code).toList();
            if (spec.liveness() == LivenessProbe.HTTP) {
                assertEquals(List.of(ManifestRules.PROBE_HTTP_UNVERIFIED), codes, "the seed's HTTP probe is only warned about");
            } else {
                assertEquals(List.of(), codes);
            }
        }
    }

    @Test
    void nonFiniteCpuIsRefused() {
        GatewaySpec spec = Fixtures.exampleSpec().toBuilder().cpu(Double.NaN).build();
        assertThrows(IllegalArgumentException.class, () -> ArmBody.of(spec, 1));
    }

    @Test
    void diffNamesPathsNotValues() {
        ObjectNode a = ArmBody.of(Fixtures.exampleSpec(), 1);
        ObjectNode b = a.deepCopy();
        ((ObjectNode) b.get("properties")).put("osType", "Windows");
        ((ObjectNode) b.get("properties")).remove("sku");
        List<String> out = new ArrayList<>();
        ArmBody.diff("", a, b, out);
        assertEquals(List.of("properties.osType", "properties.sku"), out);
        Iterator<String> it = out.iterator();
        assertTrue(it.hasNext());
    }
}
