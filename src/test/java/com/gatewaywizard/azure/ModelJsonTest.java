package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.serializer.CollectionFormat;
import com.azure.core.util.serializer.SerializerAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.azure.core.util.serializer.TypeReference;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.fluent.models.LogsInner;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupRestartPolicy;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.gatewaywizard.keeper.KeeperRegion;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK clients' serializer writes and reads the models' JSON exactly as azure-core's Jackson adapter does (the
 * bytes sent to Azure are the same, so the preview is still what deploys), and leaves everything that is not a
 * model to that adapter.
 */
class ModelJsonTest {
    private static final SerializerAdapter JACKSON = SerializerFactory.createDefaultManagementSerializerAdapter();
    private static final ModelJson OURS = ModelJson.INSTANCE;
    private static final String SUBNET = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keeper"
            + "/providers/Microsoft.Network/virtualNetworks/vnet-keeper/subnets/aci-gateways";

    private static ContainerGroupInner deployBody() {
        GatewaySpec spec = GatewaySpec.builder().subscriptionId("11111111-1111-1111-1111-111111111111").resourceGroup("rg-keeper")
                .region("westeurope").name("keeper-gateway").subnetId(SUBNET).dockerUser("keeperdemo")
                .dockerPat(Secret.of(TestConfigs.fakePat("ModelJson"))).gatewayConfig(Secret.of(TestConfigs.valid(KeeperRegion.EU)))
                .debugLogging(true).liveness(LivenessProbe.EXEC).tag("cost-center", "0042 \"quoted\" é").build();
        return ArmBody.toSdkModel(ArmBody.of(spec, 1));
    }

    @Test
    void aDeployBodyIsWrittenByteForByteAsTheJacksonAdapterWritesIt() throws Exception {
        ContainerGroupInner body = deployBody();
        byte[] jackson = JACKSON.serializeToBytes(body, SerializerEncoding.JSON);
        assertArrayEquals(jackson, OURS.serializeToBytes(body, SerializerEncoding.JSON));
        assertEquals(JACKSON.serialize(body, SerializerEncoding.JSON), OURS.serialize(body, SerializerEncoding.JSON));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OURS.serialize(body, SerializerEncoding.JSON, out);
        assertArrayEquals(jackson, out.toByteArray());
    }

    @Test
    void aModelReadBackGivesTheSameModelAsTheJacksonAdapterReads() throws Exception {
        byte[] json = JACKSON.serializeToBytes(deployBody(), SerializerEncoding.JSON);
        ContainerGroupInner viaJackson = JACKSON.deserialize(json, ContainerGroupInner.class, SerializerEncoding.JSON);
        ContainerGroupInner fromBytes = OURS.deserialize(json, ContainerGroupInner.class, SerializerEncoding.JSON);
        ContainerGroupInner fromString = OURS.deserialize(new String(json, StandardCharsets.UTF_8), ContainerGroupInner.class,
                SerializerEncoding.JSON);
        ContainerGroupInner fromStream = OURS.deserialize(new ByteArrayInputStream(json), ContainerGroupInner.class,
                SerializerEncoding.JSON);
        String expected = JACKSON.serialize(viaJackson, SerializerEncoding.JSON);
        for (ContainerGroupInner m : List.of(fromBytes, fromString, fromStream)) {
            assertEquals(expected, JACKSON.serialize(m, SerializerEncoding.JSON));
        }
        assertEquals("keeper-gateway", fromBytes.containers().get(0).name());
    }

    @Test
    void theOtherModelsTheClientsReadComeThroughTheirOwnJson() throws Exception {
        LogsInner logs = OURS.deserialize("{\"content\":\"line 1\\nline 2\\n\"}", LogsInner.class, SerializerEncoding.JSON);
        assertEquals("line 1\nline 2\n", logs.content());
        SubnetInner subnet = OURS.deserialize("{\"name\":\"aci\",\"properties\":{\"addressPrefix\":\"10.10.1.0/24\","
                + "\"delegations\":[{\"name\":\"d\",\"properties\":{\"serviceName\":\"Microsoft.ContainerInstance/containerGroups\"}}]}}",
                SubnetInner.class, SerializerEncoding.JSON);
        assertEquals("10.10.1.0/24", subnet.addressPrefix());
        assertEquals("Microsoft.ContainerInstance/containerGroups", subnet.delegations().get(0).serviceName());
        ManagementError error = OURS.deserialize("{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"gone\"}}",
                ManagementError.class, SerializerEncoding.JSON);
        assertEquals("ResourceGroupNotFound", error.getCode());
        assertEquals("gone", error.getMessage());
        assertTrue(ModelJson.handles(ContainerGroupInner.class));
        assertTrue(ModelJson.handles(ManagementError.class));
    }

    @Test
    void anEmptyOrMissingBodyIsNoModel() throws Exception {
        assertNull(OURS.deserialize("", ContainerGroupInner.class, SerializerEncoding.JSON));
        assertNull(OURS.deserialize((String) null, ContainerGroupInner.class, SerializerEncoding.JSON));
        assertNull(OURS.deserialize(new byte[0], ContainerGroupInner.class, SerializerEncoding.JSON));
        assertNull(OURS.deserialize("null", ContainerGroupInner.class, SerializerEncoding.JSON));
        assertNull(OURS.serialize(null, SerializerEncoding.JSON));
        assertNull(OURS.serializeRaw(null));
    }

    @Test
    void theFinalBodyOfAnOperationWithoutResultIsReadAsNothingAsJacksonReadsIt() throws Exception {
        String done = "{\"status\":\"Succeeded\",\"startTime\":\"2026-12-04T06:28:52Z\"}";
        assertNull(JACKSON.deserialize(done, Void.class, SerializerEncoding.JSON));
        assertNull(OURS.deserialize(done, Void.class, SerializerEncoding.JSON));
        assertNull(OURS.deserialize(done.getBytes(StandardCharsets.UTF_8), Void.class, SerializerEncoding.JSON));
        assertNull(OURS.deserialize(new ByteArrayInputStream(done.getBytes(StandardCharsets.UTF_8)), void.class, SerializerEncoding.JSON));
    }

    @Test
    void whatIsNotAModelGoesToTheJacksonAdapterWithTheSameResult() throws Exception {
        assertFalse(ModelJson.handles(String.class));
        assertFalse(ModelJson.handles(new TypeReference<Map<String, Object>>() { }.getJavaType()));
        Map<String, Object> map = OURS.deserialize("{\"a\":1,\"b\":[true]}", new TypeReference<Map<String, Object>>() { }.getJavaType(),
                SerializerEncoding.JSON);
        assertEquals(Map.of("a", 1, "b", List.of(true)), map);
        OffsetDateTime t = OffsetDateTime.parse("2026-12-04T06:28:52.560Z");
        assertEquals(JACKSON.serialize(t, SerializerEncoding.JSON), OURS.serialize(t, SerializerEncoding.JSON));
        assertEquals(JACKSON.serializeRaw(t), OURS.serializeRaw(t));
        assertEquals(JACKSON.serializeRaw(ContainerGroupRestartPolicy.ALWAYS), OURS.serializeRaw(ContainerGroupRestartPolicy.ALWAYS));
        HttpHeaders headers = new HttpHeaders().set(HttpHeaderName.fromString("x-ms-request-id"), "abc");
        assertEquals(String.valueOf((Object) JACKSON.deserialize(headers, Object.class)),
                String.valueOf((Object) OURS.deserialize(headers, Object.class)));
    }

    @Test
    void rawValuesAndListsAreWrittenAsTheJacksonAdapterWritesThem() {
        for (String s : List.of("plain", "with \"quotes\"", "back\\slash", "ünïcödé", "", "tab\tnew\nline")) {
            assertEquals(JACKSON.serializeRaw(s), OURS.serializeRaw(s), s);
        }
        List<Object> list = List.of("a", "b c", ContainerGroupRestartPolicy.NEVER);
        for (CollectionFormat f : CollectionFormat.values()) {
            assertEquals(JACKSON.serializeList(list, f), OURS.serializeList(list, f), f.name());
        }
        assertEquals(JACKSON.serializeList(null, CollectionFormat.CSV), OURS.serializeList(null, CollectionFormat.CSV));
    }

    @Test
    void aJsonStringIsWrittenAsTheJacksonAdapterWritesIt() throws Exception {
        for (String s : List.of("plain", "with \"quotes\"", "ünïcödé </script>", "")) {
            assertEquals(JACKSON.serialize(s, SerializerEncoding.JSON), OURS.serialize(s, SerializerEncoding.JSON), s);
        }
    }
}
