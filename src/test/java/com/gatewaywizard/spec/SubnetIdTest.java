package com.gatewaywizard.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetIdTest {
    static final String SUB = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    static final String VNET_ID = "/subscriptions/" + SUB + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub";
    static final String ID = VNET_ID + "/subnets/aci";

    private static SubnetId.Parsed bad(String text, String code) {
        SubnetId.Parsed p = SubnetId.check(text);
        assertFalse(p.ok(), text);
        assertEquals(code, p.code(), () -> p.message());
        assertFalse(p.message().isBlank());
        assertFalse(p.fix().isBlank());
        assertEquals(Optional.empty(), SubnetId.parse(text));
        return p;
    }

    @Test
    void aSubnetIdParsesIntoItsPartsAndPrintsCanonically() {
        SubnetId id = SubnetId.parse(ID).orElseThrow();
        assertEquals(new SubnetId(SUB, "rg-net", "vnet-hub", "aci"), id);
        assertEquals(ID, id.toString());
        assertEquals(VNET_ID, id.vnetId());
    }

    @Test
    void keywordsAreReadWithoutCaseLikeArmAndPrintedInArmsSpelling() {
        String lower = "/SUBSCRIPTIONS/" + SUB.toUpperCase() + "/resourcegroups/rg-net/providers/microsoft.network/VIRTUALNETWORKS/vnet-hub/SUBNETS/aci";
        SubnetId id = SubnetId.parse(lower).orElseThrow();
        assertEquals(ID, id.toString());
        assertTrue(id.sameAs(new SubnetId(SUB, "RG-NET", "vnet-hub", "aci")));
    }

    @Test
    void aVnetIdAsksForOneOfItsSubnets() {
        SubnetId.Parsed p = bad(VNET_ID, ProblemCodes.SUBNET_ID_IS_VNET);
        assertTrue(p.message().contains("this is a virtual network id; choose one of its subnets: " + VNET_ID + "/subnets/<name>"),
                p.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aci", "aci-subnet", "vnet-hub/aci"})
    void aBareNameIsNotAnArmId(String text) {
        SubnetId.Parsed p = SubnetId.check(text);
        String expected = text.contains("/") ? ProblemCodes.SUBNET_ID_INVALID : ProblemCodes.SUBNET_ID_NOT_ARM_ID;
        assertEquals(expected, p.code(), p.message());
        if (!text.contains("/")) {
            assertTrue(p.fix().contains("/subnets/" + text), p.fix());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic1",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-hub/virtualNetworkPeerings/p1",
        "/subscriptions/" + SUB + "/resourceGroups/rg",
        "/subscriptions/" + SUB,
    })
    void otherResourceTypesAreTheWrongType(String text) {
        bad(text, ProblemCodes.SUBNET_ID_WRONG_TYPE);
    }

    @Test
    void theWrongTypeMessageNamesTheType() {
        SubnetId.Parsed p = bad("/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
                ProblemCodes.SUBNET_ID_WRONG_TYPE);
        assertTrue(p.message().contains("Microsoft.Compute/virtualMachines"), p.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v1/subnets/s",
        "/subscription/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v1/subnets/s",
        "/subscriptions/" + SUB + "/rg/providers/Microsoft.Network/virtualNetworks/v1/subnets/s",
        "/subscriptions/" + SUB + "/resourceGroups/rg./providers/Microsoft.Network/virtualNetworks/v1/subnets/s",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v1/subnets",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/-v1/subnets/s",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v1/subnets/s-",
    })
    void malformedPartsAreInvalid(String text) {
        bad(text, ProblemCodes.SUBNET_ID_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ID + "/",
        " " + ID,
        ID + "\n",
        "subscriptions/3f2504e0-4f89-11d3-9a0c-0305e82c3301/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/aci",
        "https://portal.azure.com/#@contoso.onmicrosoft.com/resource" + ID + "/overview",
        ID + "/ipConfigurations/x",
    })
    void aFormFaultIsInvalidAndTheFixGivesTheCanonicalId(String text) {
        SubnetId.Parsed p = bad(text, ProblemCodes.SUBNET_ID_INVALID);
        assertTrue(p.fix().endsWith(ID), p.fix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void emptyIsRequired(String text) {
        bad(text, ProblemCodes.SUBNET_ID_REQUIRED);
        assertEquals(ProblemCodes.SUBNET_ID_REQUIRED, SubnetId.check(null).code());
    }

    @Test
    void theRecordRejectsInvalidParts() {
        assertThrows(IllegalArgumentException.class, () -> new SubnetId("x", "rg", "vnet", "s"));
        assertThrows(IllegalArgumentException.class, () -> new SubnetId(SUB, "rg.", "vnet", "s"));
        assertThrows(IllegalArgumentException.class, () -> new SubnetId(SUB, "rg", "v", "s"));
        assertThrows(IllegalArgumentException.class, () -> new SubnetId(SUB, "rg", "vnet", "s/x"));
    }

    /** A VNet's id given as the subnet id still names the subscription: one fault (the id), not also a missing subscription. */
    @org.junit.jupiter.api.Test
    void theSubscriptionOfAnotherResourcesIdIsStillKnown() {
        String vnet = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keeper/providers/"
                + "Microsoft.Network/virtualNetworks/vnet-keeper";
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("11111111-1111-1111-1111-111111111111"),
                SubnetId.subscriptionOf(vnet));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(), SubnetId.subscriptionOf("/subscriptions/not-a-guid/x"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(), SubnetId.subscriptionOf("vnet-keeper"));
    }
}
