package com.gatewaywizard.keeper;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.spec.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The config is a long-lived credential: no problem, fix, toString or exception may contain it or any of its secret
 * values, whatever was pasted.
 */
class GatewayConfigSecrecyTest {
    private static final TestConfigs.Parts PARTS = TestConfigs.parts();
    private static final String CONFIG = TestConfigs.encode(PARTS);

    /** Every broken and good shape of the one config {@link #PARTS}. */
    private static List<String> pastes() {
        List<String> p = new ArrayList<>();
        String json = TestConfigs.json(PARTS);
        p.add(CONFIG);
        p.add(json);
        p.add(json.substring(0, json.length() - 30));
        p.add(TestConfigs.truncated(CONFIG, CONFIG.length() - 7));
        p.add(TestConfigs.truncated(CONFIG, CONFIG.length() / 4 * 2));
        p.add(TestConfigs.unpadded(CONFIG));
        p.add(TestConfigs.doubleEncoded(CONFIG));
        p.add(TestConfigs.urlSafeAlphabet(CONFIG));
        p.add(TestConfigs.wrapped(CONFIG, 76, "\n"));
        p.add(TestConfigs.commanderOutput(CONFIG));
        p.add(CONFIG + CONFIG);
        p.add(CONFIG + " trailing words");
        p.add(TestConfigs.b64((json + "garbage").getBytes(StandardCharsets.UTF_8)));
        p.add(json.replace("\"appKey\"", "appKey"));
        for (String key : List.of("hostname", "clientId", "privateKey", "serverPublicKeyId", "appKey")) {
            p.add(TestConfigs.withoutKey(PARTS, key));
        }
        p.add(TestConfigs.unbound(PARTS));
        p.add(TestConfigs.withKey(PARTS, "clientId", PARTS.appKey()));
        p.add(TestConfigs.withKey(PARTS, "appKey", PARTS.clientId()));
        p.add(TestConfigs.withKey(PARTS, "privateKey", PARTS.clientId()));
        p.add(TestConfigs.withKey(PARTS, "appOwnerPublicKey", PARTS.privateKey()));
        p.add(TestConfigs.withKey(PARTS, "serverPublicKeyId", PARTS.appKey()));
        p.add(TestConfigs.withKey(PARTS, "clientId", Map.of("nested", PARTS.clientId())));
        p.add(TestConfigs.withKey(PARTS, "hostname", 42));
        // A key named after a secret value must not be echoed either.
        p.add(TestConfigs.withKey(PARTS, PARTS.appKey(), "x"));
        p.add(TestConfigs.encode(PARTS.withHostname("custom.example.org")));
        return p;
    }

    private static List<String> forbidden() {
        List<String> f = new ArrayList<>();
        f.addAll(TestConfigs.leakForms(CONFIG));
        f.addAll(TestConfigs.leakForms(TestConfigs.json(PARTS)));
        for (String s : PARTS.secretValues()) {
            f.addAll(TestConfigs.leakForms(s));
        }
        return f;
    }

    private static void assertNoLeak(String text, String context) {
        for (String secret : forbidden()) {
            if (text.contains(secret)) {
                fail(context + " contains a secret value (" + secret.length() + " characters)");
            }
        }
    }

    private static void assertNoLeak(DecodeResult r, String context) {
        assertNoLeak(r.toString(), context + " toString");
        for (Problem pr : r.problems()) {
            assertNoLeak(pr.format(), context + " problem " + pr.code());
            assertNoLeak(pr.toString(), context + " problem " + pr.code());
        }
        r.config().ifPresent(c -> assertNoLeak(c.toString(), context + " config"));
    }

    @Test
    void noProblemOrToStringOfAnyPasteShowsTheConfigOrItsValues() {
        int i = 0;
        for (String paste : pastes()) {
            DecodeResult r;
            try {
                r = GatewayConfig.decode(paste);
            } catch (RuntimeException e) {
                assertNoLeak(String.valueOf(e), "exception of paste " + i);
                throw new AssertionError("decode threw for paste " + i + ": " + e.getClass().getName());
            }
            assertFalse(r.problems().isEmpty() && !r.ok(), "paste " + i + " neither ok nor explained");
            assertNoLeak(r, "paste " + i);
            i++;
        }
    }

    @Test
    void theLeakCheckItselfCatchesAnEcho() {
        // The check above would be worthless if it could not see a secret in a message.
        Problem echo = Problem.error("X", "gatewayConfig", "bad value " + PARTS.clientId(), "");
        assertThrowsAssertion(() -> assertNoLeak(echo.format(), "echo"));
        Problem cut = Problem.error("X", "gatewayConfig", "starts with " + CONFIG.substring(CONFIG.length() / 2 - 12), "");
        assertThrowsAssertion(() -> assertNoLeak(cut.format(), "cut"));
    }

    private static void assertThrowsAssertion(Runnable r) {
        try {
            r.run();
        } catch (AssertionError expected) {
            return;
        }
        fail("expected the leak check to fail");
    }

    @Test
    void toStringsShowOnlyHostAndRegion() {
        GatewayConfig c = GatewayConfig.decode(CONFIG).config().orElseThrow();
        String s = c.toString();
        assertTrue(s.contains("keepersecurity.com") && s.contains("US"), s);
        assertFalse(s.contains("serverPublicKeyId=10"), s);
        assertNoLeak(s, "GatewayConfig.toString");
        assertNoLeak(GatewayConfig.decode(CONFIG).toString(), "DecodeResult.toString");
    }

    @Test
    void specValidationAndSpecToStringNeverShowTheConfig() {
        for (String paste : pastes()) {
            GatewaySpec spec = GatewaySpec.builder().gatewayConfig(Secret.of(paste)).build();
            assertNoLeak(spec.toString(), "GatewaySpec.toString");
            for (Problem p : SpecValidator.validate(spec)) {
                assertNoLeak(p.format(), "spec problem " + p.code());
            }
            assertNoLeak(SpecValidator.normalize(spec).toString(), "normalized spec");
        }
    }

    @Test
    void randomMutationsOfAConfigNeverThrowAndNeverLeak() {
        Random random = new Random(20260717L);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ :{}\"\n\u001B[";
        for (int i = 0; i < 600; i++) {
            StringBuilder sb = new StringBuilder(CONFIG);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(4)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.setLength(Math.max(1, at));
                }
            }
            String mutated = sb.toString();
            DecodeResult r;
            try {
                r = GatewayConfig.decode(mutated);
            } catch (RuntimeException ex) {
                throw new AssertionError("decode threw " + ex.getClass().getName() + " on mutation " + i);
            }
            assertTrue(r.ok() || Problem.anyError(r.problems()), "mutation " + i + " neither ok nor an error");
            assertNoLeak(r, "mutation " + i);
        }
    }

    @Test
    void randomBytesAsBase64NeverThrow() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[1 + random.nextInt(400)];
            random.nextBytes(b);
            if (i % 2 == 0) {
                b[0] = '{';
            }
            DecodeResult r = GatewayConfig.decode(TestConfigs.b64(b));
            assertTrue(Problem.anyError(r.problems()), "random bytes decoded as a config");
        }
    }
}
