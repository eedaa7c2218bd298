package com.gatewaywizard.simulator;

import static com.gatewaywizard.simulator.ArmRoutingTest.assertArmError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ACI's rules on a container-group PUT, each answered with Azure's error code. */
class ContainerGroupRulesTest {
    ArmSimulator sim;
    Arm arm;

    @BeforeEach
    void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant());
        arm = new Arm(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static ObjectNode body() {
        return Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI);
    }

    static ObjectNode props(ObjectNode body) {
        return (ObjectNode) body.get("properties");
    }

    static ObjectNode containerProps(ObjectNode body) {
        return (ObjectNode) body.at("/properties/containers/0/properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Keeper_Gateway", "Gateway", "gateway-", "-gateway", "keeper--gateway",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void groupNamesOutsideAcisRuleAreRefused(String name) {
        assertArmError(arm.putGroup(name, body()), 400, "InvalidContainerGroupName");
    }

    @Test
    void containerNamesOutsideAcisRuleAreRefused() {
        ObjectNode b = body();
        ((ObjectNode) b.at("/properties/containers/0")).put("name", "Gateway-");
        assertArmError(arm.putGroup("gw", b), 400, "InvalidContainerName");
    }

    @Test
    void locationIsRequiredAndMustBeARegion() {
        ObjectNode b = body();
        b.remove("location");
        assertArmError(arm.putGroup("gw", b), 400, "LocationRequired");
        b.put("location", "moon");
        assertArmError(arm.putGroup("gw", b), 400, "LocationNotAvailableForResourceType");
        b.put("location", "West Europe");
        assertEquals(201, arm.putGroup("gw", b).status(), "display names are accepted");
        assertEquals("westeurope", arm.getGroup("gw").json().get("location").asText());
    }

    @Test
    void requiredPropertiesMissingAreInvalidRequestContent() {
        ObjectNode b = body();
        props(b).remove("osType");
        assertArmError(arm.putGroup("gw", b), 400, "InvalidRequestContent");
        assertArmError(arm.put(Arm.q(Arm.cg("gw"), Arm.CG_API), ArmJson.object().put("location", "westeurope")), 400, "InvalidRequestContent");
        assertArmError(arm.send("PUT", Arm.q(Arm.cg("gw"), Arm.CG_API), "{not json"), 400, "InvalidRequestContent");
    }

    @Test
    void everyContainerNeedsCpuAndMemoryRequests() {
        ObjectNode b = body();
        ((ObjectNode) containerProps(b).at("/resources/requests")).remove("memoryInGB");
        assertArmError(arm.putGroup("gw", b), 400, "ResourceSomeRequestsNotSpecified");
    }

    @Test
    void anEnvironmentVariableNeedsExactlyOneOfValueAndSecureValue() {
        ObjectNode both = body();
        ((ObjectNode) containerProps(both).get("environmentVariables").get(0)).put("secureValue", "x");
        assertArmError(arm.putGroup("gw", both), 400, "InvalidEnvironmentVariable");
        ObjectNode neither = body();
        ((ObjectNode) containerProps(neither).get("environmentVariables").get(0)).remove("value");
        assertArmError(arm.putGroup("gw", neither), 400, "InvalidEnvironmentVariable");
        ObjectNode nullValue = body();
        ((ObjectNode) containerProps(nullValue).get("environmentVariables").get(1)).set("value", NullNode.getInstance());
        assertEquals(201, arm.putGroup("gw", nullValue).status(), "a null value next to a secureValue counts as absent");
    }

    @Test
    void anIpAddressWithoutPortsIsRefused() {
        ObjectNode b = body();
        ((ObjectNode) props(b).get("ipAddress")).putArray("ports");
        assertArmError(arm.putGroup("gw", b), 400, "MissingIpAddressPorts");
    }

    @Test
    void aPrivateIpNeedsSubnetIds() {
        ObjectNode b = body();
        props(b).remove("subnetIds");
        assertArmError(arm.putGroup("gw", b), 400, "PrivateIPAddressNotSupported");
    }

    @Test
    void subnetIdsMustNameAnExistingDelegatedSubnetOfTheSameSubscriptionAndRegion() {
        ObjectNode template = body();
        ((ObjectNode) props(template).get("subnetIds").get(0)).put("id", "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 's')]");
        assertArmError(arm.putGroup("gw", template), 400, "LinkedInvalidPropertyId");

        ObjectNode vnetId = body();
        ((ObjectNode) props(vnetId).get("subnetIds").get(0)).put("id", SeedWorld.vnetId(SeedWorld.PRODUCTION));
        assertArmError(arm.putGroup("gw", vnetId), 500, "InternalServerError");

        ObjectNode missing = body();
        ((ObjectNode) props(missing).get("subnetIds").get(0)).put("id", SeedWorld.subnetId(SeedWorld.PRODUCTION, "nope"));
        assertArmError(arm.putGroup("gw", missing), 400, "InvalidResourceReference");

        ObjectNode otherSub = Gateways.body(SeedWorld.TRAINING, SeedWorld.SUBNET_ACI);
        assertArmError(arm.putGroup("gw", otherSub), 400, "InvalidResourceReference");

        ObjectNode otherRegion = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "eastus", 1, 2);
        Arm.Res r = arm.putGroup("gw", otherRegion);
        assertArmError(r, 400, "InvalidResourceReference");
        assertTrue(r.json().at("/error/message").asText().contains("same region"));

        assertArmError(arm.putGroup("gw", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_UNDELEGATED)), 400,
                "SubnetMissingRequiredDelegation");
        assertArmError(arm.putGroup("gw", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_VMS)), 400,
                "SubnetMissingRequiredDelegation");
    }

    @Test
    void aVolumeNeedsExactlyOneType() {
        ObjectNode b = body();
        ((ObjectNode) props(b).get("volumes").get(0)).set("emptyDir", NullNode.getInstance());
        assertArmError(arm.putGroup("gw", b), 400, "InvalidVolume");
        ObjectNode mount = body();
        ((ObjectNode) containerProps(mount).get("volumeMounts").get(0)).put("name", "other");
        assertArmError(arm.putGroup("gw", mount), 400, "InvalidVolumeMount");
    }

    @Test
    void requestsAboveTheRegionsCapabilitiesAreNotAvailableThere() {
        Arm.Res r = arm.putGroup("gw", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "westeurope", 8, 16));
        assertArmError(r, 409, "ServiceUnavailable");
        assertTrue(r.json().at("/error/message").asText().contains("Resource requested: '8' CPU '16' GB memory 'Linux' OS"));
        assertArmError(arm.putGroup("gw", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "westeurope", 2, 32)), 409,
                "ServiceUnavailable");
    }

    @Test
    void coresAreCountedAgainstTheRegionalQuotaAndStoppedGroupsFreeThem() {
        assertEquals(201, arm.putGroup("gw-1", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "westeurope", 4, 8)).status());
        assertEquals(201, arm.putGroup("gw-2", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "westeurope", 4, 8)).status());
        Arm.Res r = arm.putGroup("gw-3", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "westeurope", 3, 4));
        assertArmError(r, 400, "ContainerGroupQuotaReached");
        assertEquals("Resource type 'Microsoft.ContainerInstance/containerGroups' container group quota 'StandardCores' exceeded in "
                + "region 'westeurope'. Limit: '10', Usage: '8' Requested: '3'.", r.json().at("/error/message").asText());
        assertEquals(204, arm.post(Arm.q(Arm.cg("gw-1") + "/stop", Arm.CG_API)).status());
        assertEquals(201, arm.putGroup("gw-3", Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI, "westeurope", 3, 4)).status());
        assertArmError(arm.post(Arm.q(Arm.cg("gw-1") + "/start", Arm.CG_API)), 400, "ContainerGroupQuotaReached");
        JsonNode usage = arm.get(Arm.q(Arm.P + "/providers/Microsoft.ContainerInstance/locations/westeurope/usages", Arm.CG_API)).json();
        JsonNode cores = null;
        for (JsonNode u : usage.get("value")) {
            if (u.at("/name/value").asText().equals("StandardCores")) {
                cores = u;
            }
        }
        assertEquals(7, cores.get("currentValue").asInt());
        assertEquals(10, cores.get("limit").asInt());
    }

    @Test
    void privateRegistryImagesNeedCredentials() {
        ObjectNode b = body();
        containerProps(b).put("image", "contoso.azurecr.io/keeper/gateway:1.8.4");
        assertArmError(arm.putGroup("gw", b), 400, "InaccessibleImage");
        ((ArrayNode) props(b).get("imageRegistryCredentials")).addObject().put("server", "contoso.azurecr.io")
                .put("username", "contoso").put("password", "acr-secret");
        assertEquals(201, arm.putGroup("gw", b).status());
    }

    @Test
    void updatesAciRefusesInPlaceAreInvalidContainerGroupUpdate() {
        assertEquals(201, arm.putGroup("gw", body()).status());
        ObjectNode cpu = body();
        ((ObjectNode) containerProps(cpu).at("/resources/requests")).put("cpu", 2.0);
        assertArmError(arm.putGroup("gw", cpu), 400, "InvalidContainerGroupUpdate");
        ObjectNode subnet = Gateways.body(SeedWorld.PRODUCTION, SeedWorld.SUBNET_LOCKED);
        assertArmError(arm.putGroup("gw", subnet), 400, "InvalidContainerGroupUpdate");
        ObjectNode policy = body();
        props(policy).put("restartPolicy", "Never");
        assertArmError(arm.putGroup("gw", policy), 400, "InvalidContainerGroupUpdate");
        ObjectNode os = body();
        props(os).put("osType", "Windows");
        assertArmError(arm.putGroup("gw", os), 400, "InvalidContainerGroupUpdate");
    }

    @Test
    void anImageChangeIsAnInPlaceUpdateThatPullsTheNewImage() {
        assertEquals(201, arm.putGroup("gw", body()).status());
        ObjectNode b = body();
        containerProps(b).put("image", "keeper/gateway:1.8.4");
        Arm.Res r = arm.putGroup("gw", b);
        assertEquals(200, r.status());
        assertTrue(r.header("Azure-AsyncOperation") != null);
        JsonNode c = arm.getGroup("gw").json().at("/properties/containers/0/properties");
        assertEquals("keeper/gateway:1.8.4", c.get("image").asText());
        boolean pulledNew = false;
        for (JsonNode e : c.at("/instanceView/events")) {
            pulledNew |= e.get("message").asText().equals("Successfully pulled image \"keeper/gateway:1.8.4\"");
        }
        assertTrue(pulledNew, c.toString());
        assertEquals("10.10.1.4", arm.getGroup("gw").json().at("/properties/ipAddress/ip").asText(), "same IP");
    }

    @Test
    void secretsAreWriteOnlyInEveryResponse() {
        ObjectNode b = body();
        props(b).putObject("diagnostics").putObject("logAnalytics").put("workspaceId", "ws-id").put("workspaceKey", "ws-key-secret");
        ((ArrayNode) props(b).get("volumes")).addObject().put("name", "share").putObject("azureFile")
                .put("shareName", "s").put("storageAccountName", "acct").put("storageAccountKey", "storage-key-secret");
        ((ArrayNode) props(b).get("volumes")).addObject().put("name", "files").putObject("secret").put("a.txt", "c2VjcmV0LWZpbGU=");
        Arm.Res put = arm.putGroup("gw", b);
        assertEquals(201, put.status(), put.text());
        String[] secrets = {Gateways.CONFIG, "hub-token-123", "ws-key-secret", "storage-key-secret", "c2VjcmV0LWZpbGU="};
        for (String text : new String[] {put.text(), arm.getGroup("gw").text(),
                arm.get(Arm.q(Arm.RGP + "/providers/Microsoft.ContainerInstance/containerGroups", Arm.CG_API)).text(),
                arm.get(Arm.q(Arm.P + "/providers/Microsoft.ContainerInstance/containerGroups", Arm.CG_API)).text(),
                arm.delete(Arm.q(Arm.cg("gw"), Arm.CG_API)).text()}) {
            for (String s : secrets) {
                assertFalse(text.contains(s), "secret in a response: " + s);
            }
            assertFalse(text.contains("secureValue"));
            assertFalse(text.contains("\"password\""));
        }
        assertTrue(put.text().contains("\"name\":\"GATEWAY_CONFIG\""), "the secure variable is listed by name");
    }
}
