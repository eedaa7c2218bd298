package com.gatewaywizard.keeper;

import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_APP_KEY_SIZE;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_CLEANED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_CLIENT_ID_SIZE;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_DOUBLE_ENCODED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_IS_JSON;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_MISSING_KEY;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_NOT_BASE64;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_NOT_BOUND;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_NOT_JSON;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_OWNER_KEY_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_PRIVATE_KEY_UNUSUAL;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_REQUIRED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_SERVER_KEY_ID_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_TRUNCATED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_UNKNOWN_KEY;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_UNKNOWN_REGION;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_UNWRAPPED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_URL_SAFE;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_VALUE_NOT_BASE64;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_VALUE_NOT_STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import com.gatewaywizard.spec.Severity;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayConfigTest {
    private static final TestConfigs.Parts PARTS = TestConfigs.parts();
    private static final String CONFIG = TestConfigs.encode(PARTS);

    /**
     * A config that ends with '=' padding. Padding depends only on the JSON's length, which is fixed by the key
     * sizes; a one-digit change of serverPublicKeyId's length moves it through all three cases.
     */
    private static String paddedConfig() {
        for (String id : List.of("1", "10", "100")) {
            String c = TestConfigs.encode(PARTS.withServerPublicKeyId(id));
            if (c.endsWith("=")) {
                return c;
            }
        }
        throw new AssertionError("no padded config");
    }

    private static DecodeResult decode(String raw) {
        return GatewayConfig.decode(raw);
    }

    private static GatewayConfig okConfig(DecodeResult r) {
        assertTrue(r.ok(), () -> "expected a config, got " + r.problems());
        assertFalse(Problem.anyError(r.problems()), r::toString);
        return r.config().orElseThrow();
    }

    private static Problem only(DecodeResult r, String code) {
        assertEquals(List.of(code), r.codes(), () -> r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals("gatewayConfig", p.field());
        assertFalse(p.message().isBlank());
        assertFalse(p.fix().isBlank());
        return p;
    }

    // ---- good configs --------------------------------------------------------------------------------------------

    @Test
    void aCommanderConfigDecodesWithoutProblemsAndKeepsTheValueAsGiven() {
        assertTrue(CONFIG.startsWith("eyJob3N0bmFtZSI6"), "Commander's configs start with {\"hostname\":");
        DecodeResult r = decode(CONFIG);
        GatewayConfig c = okConfig(r);
        assertEquals(List.of(), r.problems());
        assertEquals(CONFIG, r.cleaned().reveal());
        assertEquals(CONFIG, c.value().reveal());
        assertEquals("keepersecurity.com", c.hostname());
        assertEquals(Optional.of(KeeperRegion.US), c.region());
        assertEquals("10", c.serverPublicKeyId());
        assertTrue(c.hasAppOwnerPublicKey());
        assertEquals(KeeperRegion.US.endpoints(), c.endpoints());
        assertEquals("United States (keepersecurity.com)", c.regionLabel());
    }

    @ParameterizedTest
    @EnumSource(KeeperRegion.class)
    void eachKeeperRegionIsRecognisedFromTheConfigHostname(KeeperRegion region) {
        GatewayConfig c = okConfig(decode(TestConfigs.valid(region)));
        assertEquals(Optional.of(region), c.region());
        assertEquals(region.hostname(), c.hostname());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU", "https://keepersecurity.eu/api/rest/", "KeeperSecurity.EU", "keepersecurity.eu."})
    void aHostnameGivenAsRegionCodeOrUrlMapsToItsRegionAsTheSdkDoes(String hostname) {
        GatewayConfig c = okConfig(decode(TestConfigs.encode(PARTS.withHostname(hostname))));
        assertEquals(Optional.of(KeeperRegion.EU), c.region());
        assertEquals("keepersecurity.eu", c.hostname());
    }

    @Test
    void aWebVaultConfigWithOtherKeyOrderAndCompactJsonIsAccepted() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("appKey", PARTS.appKey());
        m.put("serverPublicKeyId", "10");
        m.put("hostname", PARTS.hostname());
        m.put("privateKey", PARTS.privateKey());
        m.put("clientId", PARTS.clientId());
        String compact = "{" + String.join(",", m.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").toList()) + "}";
        GatewayConfig c = okConfig(decode(TestConfigs.b64(compact.getBytes(StandardCharsets.UTF_8))));
        assertFalse(c.hasAppOwnerPublicKey());
    }

    @Test
    void aConfigWrappedAt76ColumnsIsJoinedAndReportedAsInfo() {
        DecodeResult r = decode(TestConfigs.wrapped(CONFIG, 76, "\n"));
        okConfig(r);
        assertEquals(List.of(GATEWAY_CONFIG_UNWRAPPED), r.codes());
        assertEquals(Severity.INFO, r.problems().get(0).severity());
        assertEquals(CONFIG, r.cleaned().reveal());
    }

    @Test
    void aConfigWrappedWithWindowsLineEndsAndIndentIsJoined() {
        DecodeResult r = decode("  " + TestConfigs.wrapped(CONFIG, 64, "\r\n    ") + "\r\n");
        okConfig(r);
        assertEquals(CONFIG, r.cleaned().reveal());
    }

    @Test
    void commanderColouredOutputBetweenDashedLinesIsCleaned() {
        DecodeResult r = decode(TestConfigs.commanderOutput(CONFIG));
        okConfig(r);
        assertEquals(List.of(GATEWAY_CONFIG_CLEANED), r.codes());
        assertEquals(CONFIG, r.cleaned().reveal());
    }

    @Test
    void colourCodesWhoseEscapeWasLostAreCleanedToo() {
        DecodeResult r = decode("[92m" + CONFIG + "[0m");
        okConfig(r);
        assertEquals(CONFIG, r.cleaned().reveal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"%s\"", "'%s'", "GATEWAY_CONFIG=%s", "GATEWAY_CONFIG: \"%s\"", "export GATEWAY_CONFIG='%s'", "secureValue: %s"})
    void quotesAndAGatewayConfigPrefixAreRemoved(String shape) {
        DecodeResult r = decode(String.format(shape, CONFIG));
        okConfig(r);
        assertEquals(CONFIG, r.cleaned().reveal());
        assertTrue(r.codes().contains(GATEWAY_CONFIG_CLEANED));
    }

    @Test
    void jsonPastedInsteadOfBase64IsEncodedByTheWizardWithAWarning() throws Exception {
        String json = TestConfigs.json(PARTS);
        DecodeResult r = decode("\n" + json + "\n");
        GatewayConfig c = okConfig(r);
        Problem p = only(r, GATEWAY_CONFIG_IS_JSON);
        assertEquals(Severity.WARNING, p.severity());
        assertTrue(p.fix().contains("the wizard deploys the base64 encoding"), p.fix());
        // The deployed value is base64 of the same JSON object, and decodes cleanly on its own.
        ObjectMapper m = new ObjectMapper();
        JsonNode deployed = m.readTree(Base64.getDecoder().decode(r.cleaned().reveal()));
        assertEquals(m.readTree(json), deployed);
        assertEquals(c.value(), r.cleaned());
        assertEquals(List.of(), decode(r.cleaned().reveal()).problems());
    }

    // ---- look-alikes ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"US", "EU", "AU", "CA", "JP", "GOV", "qa.keepersecurity.com", "dev.keepersecurity.eu"})
    void aOneTimeTokenIsExplainedWithTheCommandThatMakesAConfig(String prefix) {
        String ott = TestConfigs.oneTimeToken(prefix);
        Problem p = only(decode(ott), GATEWAY_CONFIG_ONE_TIME_TOKEN);
        assertTrue(p.message().contains("one-time token"), p.message());
        assertTrue(p.message().toLowerCase().contains(prefix.toLowerCase()), p.message());
        assertTrue(p.fix().contains("pam gateway new -n \"<Gateway Name>\" -a <Application Name or UID> -c b64"), p.fix());
        assertFalse(p.format().contains(ott.substring(ott.indexOf(':') + 1)), "the token itself is never shown");
    }

    @Test
    void anIl5OneTimeTokenWithFourPartsIsRecognised() {
        only(decode(TestConfigs.il5OneTimeToken()), GATEWAY_CONFIG_ONE_TIME_TOKEN);
    }

    @Test
    void aBase64EncodedOneTimeTokenIsRecognised() {
        String ott = TestConfigs.oneTimeToken("EU");
        only(decode(TestConfigs.b64(ott.getBytes(StandardCharsets.US_ASCII))), GATEWAY_CONFIG_ONE_TIME_TOKEN);
    }

    @Test
    void theUrlSafeAlphabetIsRejected() {
        // Base64 of ASCII JSON only holds '+' or '/' where the text has '>', '?' or '~' in the right place; a value
        // with three '?' in a row guarantees one, so the url-safe form really differs from the standard one.
        String config = TestConfigs.withKey(PARTS, "note", "???");
        assertTrue(config.contains("/"), config.length() + " chars without '/'");
        Problem p = only(decode(TestConfigs.urlSafeAlphabet(config)), GATEWAY_CONFIG_URL_SAFE);
        assertTrue(p.message().contains("url-safe"), p.message());
    }

    @Test
    void anUnpaddedUrlSafeReEncodingOfARealConfigShowsAsMissingPadding() {
        String config = paddedConfig();
        String urlSafe = TestConfigs.urlSafe(Base64.getDecoder().decode(config));
        assertTrue(only(decode(urlSafe), GATEWAY_CONFIG_TRUNCATED).message().contains("padding"));
    }

    @Test
    void theTokenPartOfAOneTimeTokenAloneIsRecognised() {
        String ott = TestConfigs.oneTimeToken("US");
        Problem p = only(decode(ott.substring(3)), GATEWAY_CONFIG_ONE_TIME_TOKEN);
        assertTrue(p.message().contains("without its region prefix"), p.message());
    }

    @Test
    void mixedBase64AlphabetsAreNotBase64() {
        String mixed = "-" + CONFIG.substring(1).replaceFirst("[A-Za-z0-9]", "+");
        only(decode(mixed), GATEWAY_CONFIG_NOT_BASE64);
    }

    @Test
    void aConfigCutShortIsTruncated() {
        int len = CONFIG.length() - 10;
        if (len % 4 == 0) {
            len--;
        }
        only(decode(TestConfigs.truncated(CONFIG, len)), GATEWAY_CONFIG_TRUNCATED);
    }

    @Test
    void aConfigCutAtAFourCharacterBoundaryIsTruncatedBecauseItsJsonEndsEarly() {
        int len = (CONFIG.length() / 2) / 4 * 4;
        Problem p = only(decode(TestConfigs.truncated(CONFIG, len)), GATEWAY_CONFIG_TRUNCATED);
        assertTrue(p.message().contains("ends before"), p.message());
    }

    @Test
    void aConfigWithoutItsPaddingIsTruncatedAndSaysPaddingIsMissing() {
        String config = paddedConfig();
        Problem p = only(decode(TestConfigs.unpadded(config)), GATEWAY_CONFIG_TRUNCATED);
        assertTrue(p.message().contains("padding"), p.message());
    }

    @Test
    void aConfigEncodedTwiceIsDoubleEncoded() {
        only(decode(TestConfigs.doubleEncoded(CONFIG)), GATEWAY_CONFIG_DOUBLE_ENCODED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello world!", "hello world", "my secret password#1", "\u00e9t\u00e9", "abcde"})
    void textThatIsNotBase64IsNotBase64(String text) {
        only(decode(text), GATEWAY_CONFIG_NOT_BASE64);
    }

    @Test
    void twoConfigsPastedTogetherAreNotBase64() {
        String config = paddedConfig();
        Problem p = only(decode(config + config), GATEWAY_CONFIG_NOT_BASE64);
        assertTrue(p.message().contains("'='"), p.message());
    }

    @Test
    void base64OfPlainTextIsNotJson() {
        only(decode(TestConfigs.b64("just some words here".getBytes(StandardCharsets.UTF_8))), GATEWAY_CONFIG_NOT_JSON);
    }

    @Test
    void base64OfBinaryDataIsNotJson() {
        byte[] bin = new byte[120];
        new SecureRandom().nextBytes(bin);
        bin[0] = (byte) 0xff; // never valid UTF-8
        only(decode(TestConfigs.b64(bin)), GATEWAY_CONFIG_NOT_JSON);
    }

    @Test
    void aJsonArrayOrTrailingGarbageIsNotJson() {
        only(decode(TestConfigs.b64("[\"hostname\"]".getBytes(StandardCharsets.UTF_8))), GATEWAY_CONFIG_NOT_JSON);
        only(decode(TestConfigs.b64((TestConfigs.json(PARTS) + " x").getBytes(StandardCharsets.UTF_8))), GATEWAY_CONFIG_NOT_JSON);
        only(decode("{\"hostname\": nope}"), GATEWAY_CONFIG_NOT_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t\n"})
    void anEmptyConfigIsRequired(String raw) {
        only(decode(raw), GATEWAY_CONFIG_REQUIRED);
        only(decode(null), GATEWAY_CONFIG_REQUIRED);
    }

    @Test
    void onlyDecorationWithoutAConfigIsRequired() {
        only(decode(TestConfigs.commanderOutput("")), GATEWAY_CONFIG_REQUIRED);
    }

    // ---- keys ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"hostname", "clientId", "privateKey", "serverPublicKeyId", "appKey"})
    void eachMissingRequiredKeyIsNamed(String key) {
        Problem p = only(decode(TestConfigs.withoutKey(PARTS, key)), GATEWAY_CONFIG_MISSING_KEY);
        assertTrue(p.message().contains("'" + key + "'"), p.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostname", "clientId", "privateKey", "serverPublicKeyId", "appKey"})
    void anEmptyRequiredKeyCountsAsMissing(String key) {
        Problem p = only(decode(TestConfigs.withKey(PARTS, key, "")), GATEWAY_CONFIG_MISSING_KEY);
        assertTrue(p.message().contains("'" + key + "'"), p.message());
    }

    @Test
    void aRequiredKeyThatIsNotAStringIsReported() {
        Problem p = only(decode(TestConfigs.withKey(PARTS, "serverPublicKeyId", 10)), GATEWAY_CONFIG_VALUE_NOT_STRING);
        assertTrue(p.message().contains("number"), p.message());
    }

    @Test
    void aClientKeyMeansTheDeviceWasNeverBound() {
        Problem p = only(decode(TestConfigs.unbound(PARTS)), GATEWAY_CONFIG_NOT_BOUND);
        assertTrue(p.message().contains("never redeemed"), p.message());
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 63, 65, 88})
    void aClientIdThatIsNot64BytesIsRejected(int bytes) {
        Problem p = only(decode(TestConfigs.withClientIdBytes(PARTS, bytes)), GATEWAY_CONFIG_CLIENT_ID_SIZE);
        assertTrue(p.message().contains(bytes + " bytes"), p.message());
    }

    @Test
    void anAppKeyThatIsNot32BytesIsRejected() {
        String key16 = TestConfigs.b64(TestConfigs.randomBytes(new SecureRandom(), 16));
        only(decode(TestConfigs.encode(PARTS.withAppKey(key16))), GATEWAY_CONFIG_APP_KEY_SIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clientId", "privateKey", "appKey"})
    void innerValuesMustBeStrictStandardBase64(String key) {
        String urlSafe = TestConfigs.urlSafe(TestConfigs.randomBytes(new SecureRandom(), 64)) + "-_";
        only(decode(TestConfigs.withKey(PARTS, key, urlSafe)), GATEWAY_CONFIG_VALUE_NOT_BASE64);
    }

    @Test
    void javasShortPkcs8FormOfThePrivateKeyIsOnlyAWarning() {
        String javaForm = TestConfigs.b64(TestConfigs.ecKeyPair(new SecureRandom()).getPrivate().getEncoded());
        DecodeResult r = decode(TestConfigs.encode(PARTS.withPrivateKey(javaForm)));
        okConfig(r);
        Problem p = only(r, GATEWAY_CONFIG_PRIVATE_KEY_UNUSUAL);
        assertEquals(Severity.WARNING, p.severity());
        assertTrue(p.message().contains("67 bytes"), p.message());
    }

    @Test
    void aPrivateKeyThatIsNotAnEcKeyIsAWarning() {
        String noise = TestConfigs.b64(TestConfigs.randomBytes(new SecureRandom(), 138));
        DecodeResult r = decode(TestConfigs.encode(PARTS.withPrivateKey(noise)));
        okConfig(r);
        assertTrue(only(r, GATEWAY_CONFIG_PRIVATE_KEY_UNUSUAL).message().contains("not a PKCS#8 EC P-256"));
    }

    @Test
    void aServerPublicKeyIdThatIsNotDigitsIsRejected() {
        only(decode(TestConfigs.encode(PARTS.withServerPublicKeyId("ten"))), GATEWAY_CONFIG_SERVER_KEY_ID_INVALID);
    }

    @Test
    void aBrokenAppOwnerPublicKeyIsAWarning() {
        String bad = TestConfigs.b64(TestConfigs.randomBytes(new SecureRandom(), 33));
        DecodeResult r = decode(TestConfigs.encode(PARTS.withAppOwnerPublicKey(bad)));
        okConfig(r);
        only(r, GATEWAY_CONFIG_OWNER_KEY_INVALID);
    }

    @Test
    void anUnknownKeyIsAWarningNamingIt() {
        DecodeResult r = decode(TestConfigs.withKey(PARTS, "extraSetting", "x"));
        okConfig(r);
        Problem p = only(r, GATEWAY_CONFIG_UNKNOWN_KEY);
        assertEquals(Severity.WARNING, p.severity());
        assertTrue(p.message().contains("'extraSetting'") && p.message().contains("Java SDK"), p.message());
    }

    @Test
    void isolatedDeploymentKeysAreKnown() {
        Map<String, Object> m = PARTS.toMap();
        m.put("serverPublicKey", TestConfigs.b64(TestConfigs.randomBytes(new SecureRandom(), 65)));
        m.put("bat", "x");
        m.put("bindingKey", "y");
        assertEquals(List.of(), decode(TestConfigs.encode(m)).problems());
    }

    @Test
    void aCustomHostIsAllowedWithAWarningAndGetsDerivedEndpoints() {
        DecodeResult r = decode(TestConfigs.encode(PARTS.withHostname("keeper.example.org")));
        GatewayConfig c = okConfig(r);
        Problem p = only(r, GATEWAY_CONFIG_UNKNOWN_REGION);
        assertEquals(Severity.WARNING, p.severity());
        assertTrue(p.message().contains("keeper.example.org"), "the host is not secret and helps: " + p.message());
        assertEquals(Optional.empty(), c.region());
        assertEquals("connect.keeper.example.org", c.endpoints().get(1).host());
        assertEquals("custom host keeper.example.org", c.regionLabel());
    }

    @Test
    void errorsComeBeforeWarningsAndInfos() {
        Map<String, Object> m = PARTS.toMap();
        m.put("extraSetting", "x");
        m.remove("appKey");
        DecodeResult r = decode(TestConfigs.wrapped(TestConfigs.encode(m), 76, "\n"));
        assertEquals(List.of(GATEWAY_CONFIG_MISSING_KEY, GATEWAY_CONFIG_UNKNOWN_KEY, GATEWAY_CONFIG_UNWRAPPED), r.codes());
        assertTrue(r.config().isEmpty());
    }

    @Test
    void everyDecoderCodeIsProducedBySomeInputAbove() {
        Map<String, String> examples = new java.util.LinkedHashMap<>();
        examples.put(GATEWAY_CONFIG_REQUIRED, "");
        examples.put(GATEWAY_CONFIG_ONE_TIME_TOKEN, TestConfigs.oneTimeToken("US"));
        examples.put(GATEWAY_CONFIG_URL_SAFE, "eyJ-" + CONFIG.substring(4).replace('+', 'A').replace('/', 'B'));
        examples.put(GATEWAY_CONFIG_TRUNCATED, CONFIG.substring(0, 101));
        examples.put(GATEWAY_CONFIG_IS_JSON, TestConfigs.json(PARTS));
        examples.put(GATEWAY_CONFIG_DOUBLE_ENCODED, TestConfigs.doubleEncoded(CONFIG));
        examples.put(GATEWAY_CONFIG_NOT_BASE64, "not a config");
        examples.put(GATEWAY_CONFIG_NOT_JSON, TestConfigs.b64("plain".getBytes(StandardCharsets.UTF_8)));
        examples.put(GATEWAY_CONFIG_MISSING_KEY, TestConfigs.withoutKey(PARTS, "appKey"));
        examples.put(GATEWAY_CONFIG_VALUE_NOT_STRING, TestConfigs.withKey(PARTS, "appKey", List.of()));
        examples.put(GATEWAY_CONFIG_VALUE_NOT_BASE64, TestConfigs.withKey(PARTS, "appKey", "abc"));
        examples.put(GATEWAY_CONFIG_CLIENT_ID_SIZE, TestConfigs.withClientIdBytes(PARTS, 10));
        examples.put(GATEWAY_CONFIG_APP_KEY_SIZE, TestConfigs.withKey(PARTS, "appKey", PARTS.clientId()));
        examples.put(GATEWAY_CONFIG_PRIVATE_KEY_UNUSUAL, TestConfigs.withKey(PARTS, "privateKey", PARTS.appKey()));
        examples.put(GATEWAY_CONFIG_SERVER_KEY_ID_INVALID, TestConfigs.withKey(PARTS, "serverPublicKeyId", "x1"));
        examples.put(GATEWAY_CONFIG_OWNER_KEY_INVALID, TestConfigs.withKey(PARTS, "appOwnerPublicKey", "!"));
        examples.put(GATEWAY_CONFIG_NOT_BOUND, TestConfigs.unbound(PARTS));
        examples.put(GATEWAY_CONFIG_UNKNOWN_KEY, TestConfigs.withKey(PARTS, "zzz", "1"));
        examples.put(GATEWAY_CONFIG_UNKNOWN_REGION, TestConfigs.encode(PARTS.withHostname("localhost")));
        examples.put(GATEWAY_CONFIG_UNWRAPPED, TestConfigs.wrapped(CONFIG, 76, "\n"));
        examples.put(GATEWAY_CONFIG_CLEANED, TestConfigs.commanderOutput(CONFIG));
        for (Map.Entry<String, String> e : examples.entrySet()) {
            List<String> codes = decode(e.getValue()).codes();
            assertTrue(codes.contains(e.getKey()), e.getKey() + " not produced; got " + codes);
        }
        assertEquals(ProblemCodes.gatewayConfigCodes().stream().sorted().toList(),
                examples.keySet().stream().sorted().toList(), "every decoder code needs an example here");
    }
}
