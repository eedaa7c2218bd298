package com.gatewaywizard.spec;

import static com.gatewaywizard.spec.ProblemCodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.KeeperRegion;
import com.gatewaywizard.keeper.TestConfigs;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTest {
    static final String SUB = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    static final String OTHER_SUB = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";
    static final String VNET_ID = "/subscriptions/" + SUB + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub";
    static final String SUBNET_ID = VNET_ID + "/subnets/aci";
    static final String PAT = "dckr_pat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(20));
    static final String CONFIG = TestConfigs.valid(KeeperRegion.EU);

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** A spec with no problem at all: production size, pinned image. */
    static GatewaySpec.Builder valid() {
        return GatewaySpec.builder().subscriptionId(SUB).resourceGroup("rg-keeper").region("westeurope").name("keeper-gateway")
                .subnetId(SUBNET_ID).dockerUser("keeperfan").dockerPat(Secret.of(PAT)).gatewayConfig(Secret.of(CONFIG))
                .image("keeper/gateway:1.8.0").cpu(4).memoryGb(16).instances(1);
    }

    static List<Problem> problems(UnaryOperator<GatewaySpec.Builder> change) {
        return SpecValidator.validate(change.apply(valid()).build());
    }

    static List<String> codes(UnaryOperator<GatewaySpec.Builder> change) {
        return problems(change).stream().map(Problem::code).toList();
    }

    /** The one problem {@code change} causes, checked to have {@code code}. */
    static Problem one(UnaryOperator<GatewaySpec.Builder> change, String code) {
        List<Problem> ps = problems(change);
        assertEquals(List.of(code), ps.stream().map(Problem::code).toList(), ps::toString);
        return ps.get(0);
    }

    // ---- whole spec ----------------------------------------------------------------------------------------------

    @Test
    void aCompleteProductionSpecHasNoProblems() {
        assertEquals(List.of(), SpecValidator.validate(valid().build()));
    }

    @Test
    void theSeedsDefaultsOnlyGiveInfosAboutLatestAndProductionSizing() {
        GatewaySpec spec = valid().image(GatewaySpec.DEFAULT_IMAGE).cpu(GatewaySpec.DEFAULT_CPU)
                .memoryGb(GatewaySpec.DEFAULT_MEMORY_GB).build();
        List<Problem> ps = SpecValidator.validate(spec);
        assertEquals(List.of(IMAGE_LATEST_TAG, BELOW_PRODUCTION_SIZING), ps.stream().map(Problem::code).toList());
        assertTrue(ps.stream().allMatch(p -> p.severity() == Severity.INFO));
    }

    @Test
    void anEmptySpecReportsEveryRequiredFieldInWizardOrder() {
        List<Problem> ps = SpecValidator.validate(GatewaySpec.builder().build());
        assertEquals(List.of(SUBSCRIPTION_ID_REQUIRED, RESOURCE_GROUP_REQUIRED, REGION_REQUIRED, NAME_REQUIRED,
                SUBNET_ID_REQUIRED, DOCKER_USER_REQUIRED, DOCKER_PAT_REQUIRED, GATEWAY_CONFIG_REQUIRED,
                IMAGE_LATEST_TAG, BELOW_PRODUCTION_SIZING), ps.stream().map(Problem::code).toList());
    }

    @Test
    void problemsComeInTheWizardsFieldOrder() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("a/b", "x");
        GatewaySpec spec = GatewaySpec.builder().subscriptionId("x").resourceGroup("rg.").region("mars").name("Bad Name")
                .subnetId("aci").dockerUser("A").dockerPat(Secret.of("pass word")).gatewayConfig(Secret.of("EU:" + "a".repeat(43)))
                .image("Bad Image").cpu(9).memoryGb(99).instances(0).tags(tags).build();
        List<Problem> ps = SpecValidator.validate(spec);
        List<String> fields = ps.stream().map(Problem::field).toList();
        assertEquals(SpecValidator.FIELD_ORDER, fields);
    }

    // ---- one example per code ------------------------------------------------------------------------------------

    record Case(UnaryOperator<GatewaySpec.Builder> change, String field, Severity severity) {
    }

    static Map<String, Case> catalogue() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put(SUBSCRIPTION_ID_REQUIRED, new Case(b -> b.subscriptionId(""), "subscriptionId", Severity.ERROR));
        c.put(SUBSCRIPTION_ID_INVALID, new Case(b -> b.subscriptionId("My Subscription"), "subscriptionId", Severity.ERROR));
        c.put(RESOURCE_GROUP_REQUIRED, new Case(b -> b.resourceGroup(" "), "resourceGroup", Severity.ERROR));
        c.put(RESOURCE_GROUP_INVALID, new Case(b -> b.resourceGroup("rg/keeper"), "resourceGroup", Severity.ERROR));
        c.put(REGION_REQUIRED, new Case(b -> b.region(""), "region", Severity.ERROR));
        c.put(REGION_UNKNOWN, new Case(b -> b.region("westmars"), "region", Severity.ERROR));
        c.put(REGION_DISPLAY_NAME, new Case(b -> b.region("West Europe"), "region", Severity.ERROR));
        c.put(NAME_REQUIRED, new Case(b -> b.name(""), "name", Severity.ERROR));
        c.put(NAME_INVALID, new Case(b -> b.name("Keeper_GW"), "name", Severity.ERROR));
        c.put(NAME_TOO_LONG, new Case(b -> b.name("g".repeat(64)), "name", Severity.ERROR));
        c.put(INSTANCE_NAME_TOO_LONG, new Case(b -> b.name("g".repeat(62)).instances(2), "name", Severity.ERROR));
        c.put(SUBNET_ID_REQUIRED, new Case(b -> b.subnetId(""), "subnetId", Severity.ERROR));
        c.put(SUBNET_ID_NOT_ARM_ID, new Case(b -> b.subnetId("aci"), "subnetId", Severity.ERROR));
        c.put(SUBNET_ID_IS_VNET, new Case(b -> b.subnetId(VNET_ID), "subnetId", Severity.ERROR));
        c.put(SUBNET_ID_WRONG_TYPE, new Case(b -> b.subnetId(VNET_ID.replace("Microsoft.Network/virtualNetworks", "Microsoft.Compute/virtualMachines")),
                "subnetId", Severity.ERROR));
        c.put(SUBNET_ID_INVALID, new Case(b -> b.subnetId(SUBNET_ID + "/"), "subnetId", Severity.ERROR));
        c.put(SUBNET_OTHER_SUBSCRIPTION, new Case(b -> b.subnetId(SUBNET_ID.replace(SUB, OTHER_SUB)), "subnetId", Severity.ERROR));
        c.put(DOCKER_USER_REQUIRED, new Case(b -> b.dockerUser(""), "dockerUser", Severity.ERROR));
        c.put(DOCKER_USER_INVALID, new Case(b -> b.dockerUser("KeeperFan"), "dockerUser", Severity.ERROR));
        c.put(DOCKER_PAT_REQUIRED, new Case(b -> b.dockerPat(Secret.of(" \n")), "dockerPat", Severity.ERROR));
        c.put(DOCKER_PAT_NOT_PAT, new Case(b -> b.dockerPat(Secret.of("Sup3rSecret!")), "dockerPat", Severity.WARNING));
        c.put(DOCKER_PAT_LOOKS_LIKE_PASSWORD, new Case(b -> b.dockerPat(Secret.of("correct horse battery")), "dockerPat", Severity.ERROR));
        c.put(DOCKER_PAT_IS_USERNAME, new Case(b -> b.dockerPat(Secret.of("keeperfan")), "dockerPat", Severity.ERROR));
        c.put(IMAGE_INVALID, new Case(b -> b.image("keeper/gateway:latest latest"), "image", Severity.ERROR));
        c.put(IMAGE_LATEST_TAG, new Case(b -> b.image("keeper/gateway"), "image", Severity.INFO));
        c.put(CPU_OUT_OF_RANGE, new Case(b -> b.cpu(4.5), "cpu", Severity.ERROR));
        c.put(CPU_STEP, new Case(b -> b.cpu(3.75), "cpu", Severity.ERROR));
        c.put(MEMORY_OUT_OF_RANGE, new Case(b -> b.memoryGb(0), "memoryGb", Severity.ERROR));
        c.put(MEMORY_STEP, new Case(b -> b.memoryGb(15.55), "memoryGb", Severity.ERROR));
        c.put(BELOW_SANDBOX_SIZING, new Case(b -> b.cpu(1), "cpu", Severity.WARNING));
        c.put(BELOW_PRODUCTION_SIZING, new Case(b -> b.memoryGb(8), "memoryGb", Severity.INFO));
        c.put(INSTANCES_OUT_OF_RANGE, new Case(b -> b.instances(11), "instances", Severity.ERROR));
        c.put(TAG_INVALID, new Case(b -> b.tag("cost%center", "1"), "tags", Severity.ERROR));
        c.put(TAG_RESERVED, new Case(b -> b.tag("managed-by", "evil"), "tags", Severity.WARNING));
        return c;
    }

    /** A human label each field's messages must name. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("subscriptionId", "Subscription ID"), Map.entry("resourceGroup", "Resource group"),
            Map.entry("region", "Region"), Map.entry("name", "Container group name"), Map.entry("subnetId", "Subnet ID"),
            Map.entry("dockerUser", "Docker Hub username"), Map.entry("dockerPat", "Docker Hub access token"),
            Map.entry("image", "Image"), Map.entry("cpu", "CPU"), Map.entry("memoryGb", "emory"),
            Map.entry("instances", "instances"), Map.entry("tags", "ag"));

    @Test
    void eachCodeFiresAloneWithItsFieldSeverityAMessageNamingTheFieldAndAFix() {
        for (Map.Entry<String, Case> e : catalogue().entrySet()) {
            Problem p = one(e.getValue().change(), e.getKey());
            assertEquals(e.getValue().field(), p.field(), e.getKey());
            assertEquals(e.getValue().severity(), p.severity(), e.getKey());
            assertTrue(p.message().contains(LABELS.get(p.field())), e.getKey() + ": " + p.message());
            assertFalse(p.fix().isBlank(), e.getKey());
        }
    }

    @Test
    void theCatalogueCoversEveryCodeOutsideTheConfigDecoder() {
        List<String> specCodes = new ArrayList<>(ProblemCodes.all());
        specCodes.removeAll(ProblemCodes.gatewayConfigCodes());
        specCodes.removeAll(ProblemCodes.preflightCodes());
        specCodes.removeAll(ProblemCodes.inputFormCodes());
        specCodes.removeAll(ProblemCodes.wizardCodes());
        assertEquals(specCodes.stream().sorted().toList(), catalogue().keySet().stream().sorted().toList());
        assertEquals(ProblemCodes.all().size(), ProblemCodes.all().stream().distinct().count(), "codes are unique");
    }

    @Test
    void eachCodeConstantHoldsItsOwnName() throws IllegalAccessException {
        int n = 0;
        for (java.lang.reflect.Field f : ProblemCodes.class.getFields()) {
            if (f.getType() == String.class) {
                assertEquals(f.getName(), f.get(null));
                n++;
            }
        }
        assertEquals(ProblemCodes.all().size(), n);
    }

    // ---- name ----------------------------------------------------------------------------------------------------

    @Test
    void anInvalidNameGetsASuggestedValidName() {
        assertEquals("Use my-gateway-prod", one(b -> b.name("My_Gateway.Prod"), NAME_INVALID).fix());
        assertEquals("Use keeper-gateway", one(b -> b.name("-"), NAME_INVALID).fix());
    }

    @Test
    void aTooLongNameGetsACutSuggestion() {
        Problem p = one(b -> b.name("g".repeat(70)), NAME_TOO_LONG);
        assertEquals("Use " + "g".repeat(63), p.fix());
        assertTrue(p.message().contains("70 characters"), p.message());
    }

    @Test
    void instanceNamesMustStayWithin63Characters() {
        assertEquals(List.of(), codes(b -> b.name("g".repeat(61)).instances(9)));
        Problem p = one(b -> b.name("g".repeat(61)).instances(10), INSTANCE_NAME_TOO_LONG);
        assertTrue(p.message().contains("'" + "g".repeat(61) + "-10'"), p.message());
        assertTrue(p.fix().startsWith("Use " + "g".repeat(60) + " "), p.fix());
        assertTrue(Names.isValid("g".repeat(60) + "-10"));
    }

    // ---- subscription, resource group, region --------------------------------------------------------------------

    @Test
    void aSubscriptionIdWithBracesOrSpacesIsShownWithoutThem() {
        Problem p = one(b -> b.subscriptionId("{" + SUB + "}").subnetId(SUBNET_ID), SUBSCRIPTION_ID_INVALID);
        assertEquals("Remove the spaces or braces around it: " + SUB, p.fix());
        assertEquals(List.of(), codes(b -> b.subscriptionId(SUB.toUpperCase())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rg.", "rg keeper", "rg#1", "rg/x"})
    void resourceGroupsFollowAzureRules(String rg) {
        one(b -> b.resourceGroup(rg), RESOURCE_GROUP_INVALID);
    }

    @Test
    void resourceGroupsMayUseParenthesesPeriodsUnicodeAndUpTo90Characters() {
        assertEquals(List.of(), codes(b -> b.resourceGroup("RG_(prod).keeper-\u00e9t\u00e9")));
        assertEquals(List.of(), codes(b -> b.resourceGroup("r".repeat(90))));
        assertTrue(one(b -> b.resourceGroup("r".repeat(91)), RESOURCE_GROUP_INVALID).message().contains("90"));
    }

    @Test
    void aRegionDisplayNameIsFixedToTheArmName() {
        Problem p = one(b -> b.region("West Europe"), REGION_DISPLAY_NAME);
        assertEquals("Use westeurope", p.fix());
        assertTrue(p.message().contains("West Europe is westeurope"), p.message());
        assertEquals("Use usgovvirginia", one(b -> b.region("US Gov Virginia"), REGION_DISPLAY_NAME).fix());
        assertEquals("Use westeurope", one(b -> b.region(" westeurope "), REGION_DISPLAY_NAME).fix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"westeurope", "WestEurope", "WESTEUROPE", "chinanorth3", "usdodeast"})
    void regionNamesAreAcceptedInAnyCase(String region) {
        assertEquals(List.of(), codes(b -> b.region(region)));
    }

    @Test
    void anUnknownRegionSuggestsTheClosestKnownOne() {
        assertTrue(one(b -> b.region("westeurop"), REGION_UNKNOWN).fix().startsWith("Did you mean westeurope (West Europe)?"));
        assertFalse(one(b -> b.region("atlantis"), REGION_UNKNOWN).fix().contains("Did you mean"));
    }

    // ---- subnet --------------------------------------------------------------------------------------------------

    @Test
    void subnetProblemsCarryTheParsersExplanation() {
        Problem p = one(b -> b.subnetId(VNET_ID), SUBNET_ID_IS_VNET);
        assertTrue(p.message().contains("this is a virtual network id; choose one of its subnets: " + VNET_ID + "/subnets/<name>"));
    }

    @Test
    void aSubnetOfAnotherSubscriptionIsRejectedButOnlyWhenTheSubscriptionIsKnown() {
        Problem p = one(b -> b.subnetId(SUBNET_ID.replace(SUB, OTHER_SUB)), SUBNET_OTHER_SUBSCRIPTION);
        assertTrue(p.message().contains(OTHER_SUB) && p.message().contains(SUB), p.message());
        assertEquals(List.of(SUBSCRIPTION_ID_REQUIRED), codes(b -> b.subscriptionId("").subnetId(SUBNET_ID.replace(SUB, OTHER_SUB))));
        assertEquals(List.of(), codes(b -> b.subscriptionId(SUB.toUpperCase())));
    }

    // ---- Docker Hub ----------------------------------------------------------------------------------------------

    @Test
    void anUppercaseDockerUserIsFixedByLowercasing() {
        assertEquals("Use keeperfan", one(b -> b.dockerUser("KeeperFan"), DOCKER_USER_INVALID).fix());
    }

    @Test
    void anEmailAsDockerUserSaysDockerHubWantsTheUsername() {
        Problem p = one(b -> b.dockerUser("fan@example.com"), DOCKER_USER_INVALID);
        assertTrue(p.message().contains("Docker Hub wants the username, not the email"), p.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "abcdefghijklmnopqrstuvwxyz012345", "keeper-fan", "keeper_fan", "keeper.fan"})
    void dockerUsersBreakingDockerHubRulesAreInvalid(String user) {
        Problem p = one(b -> b.dockerUser(user), DOCKER_USER_INVALID);
        assertTrue(p.message().contains("4\u201330 lowercase letters and digits"), p.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {" %s", "%s\n", "\r\n%s\r\n", "\t%s  "})
    void aTokenWithSurroundingWhitespaceIsAccepted(String shape) {
        assertEquals(List.of(), codes(b -> b.dockerPat(Secret.of(String.format(shape, PAT)))));
    }

    @Test
    void anOrganisationAccessTokenIsAccepted() {
        assertEquals(List.of(), codes(b -> b.dockerPat(Secret.of("dckr_oat_" + PAT.substring(9)))));
    }

    @Test
    void theTokenIsComparedWithTheUsernameIgnoringCase() {
        one(b -> b.dockerPat(Secret.of("KEEPERFAN\n")), DOCKER_PAT_IS_USERNAME);
    }

    @Test
    void noDockerTokenEverAppearsInAProblem() {
        List<String> tokens = List.of("correct horse battery", "Sup3rSecret!Value", "keeperfan", "dckr_pat_" + "Zz9".repeat(9),
                "x y", PAT + " " + PAT);
        for (String token : tokens) {
            for (Problem p : problems(b -> b.dockerPat(Secret.of(token)))) {
                assertFalse(p.format().contains(token) && !token.equals("keeperfan"), p::format);
                for (String word : token.split(" ")) {
                    if (word.length() >= 3 && !word.equals("keeperfan")) {
                        assertFalse(p.format().contains(word), () -> p.code() + " shows part of the token");
                    }
                }
            }
        }
    }

    // ---- gateway config ------------------------------------------------------------------------------------------

    @Test
    void gatewayConfigProblemsComeFromTheKeeperDecoderWithTheGatewayConfigField() {
        Problem p = one(b -> b.gatewayConfig(Secret.of(TestConfigs.oneTimeToken("EU"))), GATEWAY_CONFIG_ONE_TIME_TOKEN);
        assertEquals("gatewayConfig", p.field());
        assertEquals(List.of(GATEWAY_CONFIG_UNWRAPPED), codes(b -> b.gatewayConfig(Secret.of(TestConfigs.wrapped(CONFIG, 76, "\n")))));
    }

    // ---- image ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"keeper/gateway:1.8.0", "docker.io/keeper/gateway:1.8.4", "myregistry.example.com:5000/keeper/gateway:1.8.0",
        "keeper/gateway@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "keeper/gateway:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void pinnedOrDigestImagesHaveNoProblem(String image) {
        assertEquals(List.of(), codes(b -> b.image(image)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"keeper/gateway", "keeper/gateway:latest", "localhost:5000/keeper/gateway"})
    void latestOrUntaggedImagesGetAnInfoToPin(String image) {
        Problem p = one(b -> b.image(image), IMAGE_LATEST_TAG);
        assertTrue(p.fix().contains("Pin a version tag"), p.fix());
    }

    @Test
    void invalidImagesAreExplainedWithAUsableFix() {
        assertEquals("Use keeper/gateway:1.8.0", one(b -> b.image("Keeper/Gateway:1.8.0"), IMAGE_INVALID).fix());
        assertTrue(one(b -> b.image("https://hub.docker.com/r/keeper/gateway"), IMAGE_INVALID).fix().endsWith(GatewaySpec.DEFAULT_IMAGE));
        one(b -> b.image("keeper/gateway:"), IMAGE_INVALID);
        one(b -> b.image("keeper//gateway"), IMAGE_INVALID);
        one(b -> b.image("keeper/" + "g".repeat(260)), IMAGE_INVALID);
    }

    // ---- cpu / memory --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.05, 4.05, 5, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void cpuOutsideZeroPointOneToFourIsOutOfRange(double cpu) {
        one(b -> b.cpu(cpu), CPU_OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {3.25, 2.01, 3.33})
    void cpuMustComeInStepsOfZeroPointOne(double cpu) {
        assertTrue(one(b -> b.cpu(cpu), CPU_STEP).fix().matches("Use [0-9.]+"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 2.2, 3.7, 4})
    void cpuInTenthsIsAcceptedDespiteFloatingPoint(double cpu) {
        assertFalse(codes(b -> b.cpu(cpu)).stream().anyMatch(c -> c.startsWith("CPU_")));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 16.1, 32, Double.NaN})
    void memoryOutsideZeroPointOneToSixteenIsOutOfRange(double gb) {
        one(b -> b.memoryGb(gb), MEMORY_OUT_OF_RANGE);
    }

    @Test
    void memoryMustComeInStepsOfZeroPointOne() {
        assertEquals("Use 15.6", one(b -> b.memoryGb(15.56), MEMORY_STEP).fix());
        assertFalse(codes(b -> b.memoryGb(15.7)).stream().anyMatch(c -> c.startsWith("MEMORY_")));
    }

    @Test
    void regionLimitsLowerTheMaximum() {
        Limits small = new Limits(2, 8);
        List<Problem> ps = SpecValidator.validate(valid().cpu(3).memoryGb(8).build(), small);
        assertEquals(List.of(CPU_OUT_OF_RANGE), ps.stream().map(Problem::code).toList());
        assertTrue(ps.get(0).message().contains("between 0.1 and 2 cores"), ps.get(0).message());
        List<Problem> mem = SpecValidator.validate(valid().cpu(2).memoryGb(12).build(), small);
        assertEquals(List.of(MEMORY_OUT_OF_RANGE), mem.stream().map(Problem::code).toList());
    }

    @Test
    void sizingBelowKeepersSandboxIsAWarningOnTheSmallerValue() {
        assertEquals("memoryGb", one(b -> b.cpu(2).memoryGb(4), BELOW_SANDBOX_SIZING).field());
        assertEquals("cpu", one(b -> b.cpu(1).memoryGb(8), BELOW_SANDBOX_SIZING).field());
        assertEquals(Severity.INFO, one(b -> b.cpu(2).memoryGb(8), BELOW_PRODUCTION_SIZING).severity());
        assertEquals("cpu", one(b -> b.cpu(3.9).memoryGb(16), BELOW_PRODUCTION_SIZING).field());
        assertEquals(List.of(CPU_OUT_OF_RANGE), codes(b -> b.cpu(0).memoryGb(1)), "no sizing advice on an invalid size");
    }

    // ---- instances and tags --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 11, 100})
    void instancesOutsideOneToTenAreOutOfRange(int n) {
        one(b -> b.instances(n), INSTANCES_OUT_OF_RANGE);
    }

    @Test
    void tagsFollowAzureRules() {
        assertEquals(List.of(), codes(b -> b.tag("owner", "ops team").tag("created-by", "gateway-wizard")));
        for (String bad : List.of("a<b", "a>b", "a%b", "a&b", "a\\b", "a?b", "a/b")) {
            one(b -> b.tag(bad, "x"), TAG_INVALID);
        }
        assertTrue(one(b -> b.tag("azure-cost", "x"), TAG_INVALID).message().contains("reserves"));
        one(b -> b.tag("Microsoft.owner", "x"), TAG_INVALID);
        one(b -> b.tag("", "x"), TAG_INVALID);
        one(b -> b.tag("n".repeat(513), "x"), TAG_INVALID);
        assertEquals(List.of(), codes(b -> b.tag("n".repeat(512), "v".repeat(256))));
        one(b -> b.tag("k", "v".repeat(257)), TAG_INVALID);
        assertTrue(one(b -> b.tag("Env", "a").tag("env", "b"), TAG_INVALID).message().contains("twice"));
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("t" + i, "v");
        }
        assertTrue(one(b -> b.tags(many), TAG_INVALID).message().contains("51 tags"));
        many.remove("t50");
        assertEquals(List.of(), codes(b -> b.tags(many)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    @Test
    void forFieldFiltersOneFieldsProblems() {
        List<Problem> ps = SpecValidator.validate(GatewaySpec.builder().build());
        assertEquals(List.of(NAME_REQUIRED), SpecValidator.forField(ps, "name").stream().map(Problem::code).toList());
    }

    @Test
    void normalizeTrimsPlainFieldsCleansTheTokenAndEncodesAJsonConfig() {
        TestConfigs.Parts parts = TestConfigs.parts(KeeperRegion.EU);
        GatewaySpec messy = valid().name(" keeper-gateway ").region("westeurope\n").subnetId(" " + SUBNET_ID)
                .dockerPat(Secret.of("\n" + PAT + "\n")).gatewayConfig(Secret.of(TestConfigs.json(parts))).build();
        GatewaySpec clean = SpecValidator.normalize(messy);
        assertEquals("keeper-gateway", clean.name());
        assertEquals("westeurope", clean.region());
        assertEquals(SUBNET_ID, clean.subnetId());
        assertEquals(PAT, clean.dockerPat().reveal());
        assertTrue(clean.gatewayConfig().reveal().startsWith("eyJ"), "the JSON was encoded");
        assertEquals(List.of(), SpecValidator.validate(clean));
        assertTrue(codes(b -> messy.toBuilder()).contains(GATEWAY_CONFIG_IS_JSON));
    }

    @Test
    void normalizeLeavesAConfigThatDoesNotDecodeAsItIs() {
        GatewaySpec spec = valid().gatewayConfig(Secret.of("US:" + "a".repeat(43))).build();
        assertEquals(spec.gatewayConfig(), SpecValidator.normalize(spec).gatewayConfig());
    }

    @Test
    void aTagGivenTwiceIsAWarningNamingIt() {
        List<Problem> p = SpecValidator.repeatedTags(List.of("a", "b", "a"));
        assertEquals(1, p.size(), p.toString());
        assertEquals(TAG_REPEATED, p.get(0).code());
        assertEquals(Severity.WARNING, p.get(0).severity());
        assertTrue(p.get(0).message().contains("'a' is given 2 times"), p.get(0).message());
        assertTrue(SpecValidator.repeatedTags(List.of("a", "A")).isEmpty(), "case variants are TAG_INVALID's");
    }
}
