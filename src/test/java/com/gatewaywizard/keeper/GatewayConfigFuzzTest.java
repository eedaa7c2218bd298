package com.gatewaywizard.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the gateway config decoder with what people really paste, over many generated configs: every cut length,
 * double (and triple) encoding, the url-safe alphabet, wrapping at 76 (and any) columns, ANSI colours, JSON instead
 * of base64, one-time tokens, and random damage. Each shape is recognised with the right code and fix; no problem
 * text ever holds any 8-character piece of a secret; nothing throws or takes long.
 */
class GatewayConfigFuzzTest {
    private static final int SEEDS = 12;
    private static final int WINDOW = 8;

    private final List<String> failures = new ArrayList<>();
    private int decoded;

    /** Every {@value #WINDOW}-character piece of the given secrets. */
    private static Set<String> windows(List<String> secrets) {
        Set<String> w = new HashSet<>();
        for (String s : secrets) {
            for (int i = 0; i + WINDOW <= s.length(); i++) {
                w.add(s.substring(i, i + WINDOW));
            }
        }
        return w;
    }

    private static String echoed(String text, Set<String> windows) {
        for (int i = 0; i + WINDOW <= text.length(); i++) {
            String piece = text.substring(i, i + WINDOW);
            if (windows.contains(piece)) {
                return piece;
            }
        }
        return null;
    }

    private DecodeResult decode(String label, String paste, Set<String> secretWindows) {
        decoded++;
        DecodeResult r;
        try {
            r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> GatewayConfig.decode(paste), label + ": decode hung");
        } catch (RuntimeException e) {
            failures.add(label + ": decode threw " + e.getClass().getName());
            return null;
        }
        if (!r.ok() && r.problems().stream().noneMatch(Problem::isError)) {
            failures.add(label + ": neither ok nor an error");
        }
        List<String> texts = new ArrayList<>();
        texts.add(r.toString());
        r.config().ifPresent(c -> texts.add(c.toString()));
        r.config().ifPresent(c -> texts.add(c.regionLabel()));
        for (Problem p : r.problems()) {
            texts.add(p.format());
            texts.add(p.toString());
            if (!ProblemCodes.gatewayConfigCodes().contains(p.code())) {
                failures.add(label + ": code " + p.code() + " is not a documented gateway config code");
            }
        }
        for (String t : texts) {
            if (echoed(t, secretWindows) != null) {
                failures.add(label + ": a problem or toString holds an 8-character piece of a secret");
                break;
            }
        }
        return r;
    }

    private void expect(String label, String paste, Set<String> secret, String code, Predicate<Problem> rightFix) {
        DecodeResult r = decode(label, paste, secret);
        if (r == null) {
            return;
        }
        Problem first = r.problems().isEmpty() ? null : r.problems().get(0);
        if (first == null || !first.code().equals(code)) {
            failures.add(label + ": expected " + code + " first, got " + r.codes());
        } else if (!rightFix.test(first)) {
            failures.add(label + ": " + code + " without the right fix: " + first.fix());
        }
    }

    private void expectOk(String label, String paste, Set<String> secret, String canonical, String noteCode) {
        DecodeResult r = decode(label, paste, secret);
        if (r == null) {
            return;
        }
        if (!r.ok()) {
            failures.add(label + ": refused with " + r.codes());
            return;
        }
        if (canonical != null && !r.config().orElseThrow().value().reveal().equals(canonical)) {
            failures.add(label + ": the cleaned value is not the config as Commander printed it");
        }
        if (noteCode != null && !r.codes().contains(noteCode)) {
            failures.add(label + ": accepted without telling (" + noteCode + " missing: " + r.codes() + ")");
        }
    }

    private void assertNoFailures() {
        assertTrue(decoded > 0);
        assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " of " + decoded + " pastes went wrong");
    }

    private static Predicate<Problem> fixSays(String... words) {
        return p -> {
            for (String w : words) {
                if (!(p.message() + " " + p.fix()).contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static List<TestConfigs.Parts> configs() {
        List<TestConfigs.Parts> list = new ArrayList<>();
        KeeperRegion[] regions = KeeperRegion.values();
        for (int s = 0; s < SEEDS; s++) {
            list.add(TestConfigs.parts(regions[s % regions.length], 1000L + s));
        }
        return list;
    }

    private static Set<String> secretsOf(TestConfigs.Parts p, String config, String... more) {
        List<String> s = new ArrayList<>(p.secretValues());
        s.add(config);
        s.addAll(List.of(more));
        return windows(s);
    }

    @Test
    void everyCutLengthIsTruncatedAndAsksForTheWholeString() {
        for (TestConfigs.Parts p : configs()) {
            String config = TestConfigs.encode(p);
            Set<String> secret = secretsOf(p, config);
            for (int len = 4; len < config.length(); len++) {
                String cut = config.substring(0, len);
                if (cut.endsWith("=")) {
                    continue; // cutting only the last '=' of two leaves a malformed tail, reported as not base64
                }
                expect("cut to " + len, cut, secret, ProblemCodes.GATEWAY_CONFIG_TRUNCATED, fixSays("Copy the whole string again"));
            }
            String json = TestConfigs.json(p);
            for (int len = 2; len < json.length() - 1; len += 7) {
                expect("JSON cut to " + len, json.substring(0, len), secret, ProblemCodes.GATEWAY_CONFIG_TRUNCATED,
                        fixSays("Copy the whole string again"));
            }
        }
        assertNoFailures();
    }

    @Test
    void encodedTwiceOrThriceIsDoubleEncodedAndSaysNotToEncodeAgain() {
        for (TestConfigs.Parts p : configs()) {
            String config = TestConfigs.encode(p);
            String twice = TestConfigs.doubleEncoded(config);
            String thrice = TestConfigs.doubleEncoded(twice);
            Set<String> secret = secretsOf(p, config, twice, thrice);
            Predicate<Problem> fix = fixSays("base64-encoded", "do not encode it again");
            expect("twice", twice, secret, ProblemCodes.GATEWAY_CONFIG_DOUBLE_ENCODED, fix);
            expect("thrice", thrice, secret, ProblemCodes.GATEWAY_CONFIG_DOUBLE_ENCODED, fix);
            expect("twice, wrapped", TestConfigs.wrapped(twice, 76, "\n"), secret, ProblemCodes.GATEWAY_CONFIG_DOUBLE_ENCODED, fix);
            expect("twice, coloured", TestConfigs.commanderOutput(twice), secret, ProblemCodes.GATEWAY_CONFIG_DOUBLE_ENCODED, fix);
            expect("base64 of the base64 with a newline", TestConfigs.b64((config + "\n").getBytes(StandardCharsets.US_ASCII)),
                    secret, ProblemCodes.GATEWAY_CONFIG_DOUBLE_ENCODED, fix);
        }
        assertNoFailures();
    }

    @Test
    void theUrlSafeAlphabetIsRefusedWithTheAdviceNotToConvert() {
        for (TestConfigs.Parts p : configs()) {
            // A config whose base64 holds '+' and '/' ('>', '?' and '~' in the JSON), re-encoded url-safe.
            String config = TestConfigs.encode(Map.of("hostname", p.hostname(), "clientId", p.clientId(), "privateKey",
                    p.privateKey(), "serverPublicKeyId", "10", "appKey", p.appKey(), "note", "???>>>~~~"));
            assertTrue(config.contains("/") || config.contains("+"));
            String urlSafe = TestConfigs.urlSafeAlphabet(config);
            Set<String> secret = secretsOf(p, config, urlSafe);
            expect("url-safe", urlSafe, secret, ProblemCodes.GATEWAY_CONFIG_URL_SAFE, fixSays("do not convert it"));
            expect("url-safe, wrapped", TestConfigs.wrapped(urlSafe, 76, "\r\n"), secret, ProblemCodes.GATEWAY_CONFIG_URL_SAFE,
                    fixSays("do not convert it"));
            // The realistic url-safe re-encoding of a Commander config: the same letters, padding dropped.
            String real = TestConfigs.encode(p);
            String reencoded = TestConfigs.urlSafe(java.util.Base64.getDecoder().decode(real));
            if (!reencoded.equals(real)) {
                expect("url-safe re-encoding", reencoded, secretsOf(p, real, reencoded),
                        reencoded.contains("-") || reencoded.contains("_") ? ProblemCodes.GATEWAY_CONFIG_URL_SAFE
                                : ProblemCodes.GATEWAY_CONFIG_TRUNCATED,
                        fixSays("Commander"));
            }
        }
        assertNoFailures();
    }

    @Test
    void wrappedAtAnyWidthWithAnyLineEndIsJoinedAndAccepted() {
        for (TestConfigs.Parts p : configs()) {
            String config = TestConfigs.encode(p);
            Set<String> secret = secretsOf(p, config);
            for (int cols : new int[] {76, 64, 60, 80, 1, 7, 100}) {
                for (String nl : List.of("\n", "\r\n", "\r", " \n  ", "\u2028", "\t")) {
                    expectOk("wrapped at " + cols, TestConfigs.wrapped(config, cols, nl), secret, config,
                            ProblemCodes.GATEWAY_CONFIG_UNWRAPPED);
                }
            }
            expectOk("wrapped with a final newline", TestConfigs.wrapped(config, 76, "\n") + "\n", secret, config, null);
            expectOk("indented YAML block", "|\n  " + TestConfigs.wrapped(config, 76, "\n  "), secret, null, null);
        }
        assertNoFailures();
    }

    @Test
    void ansiColouredOutputIsCleanedAndAccepted() {
        for (TestConfigs.Parts p : configs()) {
            String config = TestConfigs.encode(p);
            Set<String> secret = secretsOf(p, config);
            String w = TestConfigs.wrapped(config, 76, "\n");
            List<String> shapes = List.of(
                    TestConfigs.commanderOutput(config),
                    "\u001B[1;32m" + config + "\u001B[0m",
                    "\u001B[38;5;82m" + config + "\u001B[39m",
                    "\u001B[38;2;0;255;0m" + config + "\u001B[m",
                    "[32m" + config + "[0m",
                    "\u001B]8;;https://keepersecurity.com\u0007" + config + "\u001B]8;;\u0007",
                    "\u001B[92m" + w.replace("\n", "\u001B[0m\n\u001B[92m") + "\u001B[0m",
                    "\u001B[2K\r" + config,
                    TestConfigs.commanderOutput(w).replace("\n", "\r\n"));
            int i = 0;
            for (String s : shapes) {
                expectOk("coloured shape " + i++, s, secret, config, null);
            }
        }
        assertNoFailures();
    }

    @Test
    void jsonInsteadOfBase64IsAcceptedAsItsBase64WithAWarning() {
        for (TestConfigs.Parts p : configs()) {
            String config = TestConfigs.encode(p);
            Set<String> secret = secretsOf(p, config);
            String json = TestConfigs.json(p);
            expectOk("JSON", json, secret, null, ProblemCodes.GATEWAY_CONFIG_IS_JSON);
            String pretty = json.replace("{", "{\n  ").replace(", \"", ",\n  \"").replace("}", "\n}");
            expectOk("pretty JSON", pretty, secret, null, ProblemCodes.GATEWAY_CONFIG_IS_JSON);
            expectOk("coloured JSON", TestConfigs.commanderOutput(json), secret, null, ProblemCodes.GATEWAY_CONFIG_IS_JSON);
            expectOk("JSON with CRLF", pretty.replace("\n", "\r\n"), secret, null, ProblemCodes.GATEWAY_CONFIG_IS_JSON);
            expect("JSON with a trailing comma", json.replace("}", ",}"), secret, ProblemCodes.GATEWAY_CONFIG_NOT_JSON,
                    fixSays("pam gateway new"));
            expect("JSON of a list", "[" + json + "]", secret, ProblemCodes.GATEWAY_CONFIG_NOT_BASE64, fixSays("Copy"));
        }
        assertNoFailures();
    }

    @Test
    void oneTimeTokensAreRecognisedAndPointAtTheCommandThatMakesAConfig() {
        Predicate<Problem> fix = fixSays("pam gateway new", "one-time token");
        for (int i = 0; i < SEEDS; i++) {
            for (String prefix : List.of("US", "EU", "AU", "CA", "JP", "GOV", "us", "keepersecurity.com", "qa.keepersecurity.com")) {
                String token = TestConfigs.oneTimeToken(prefix);
                Set<String> secret = windows(List.of(token.substring(token.indexOf(':') + 1)));
                expect("token " + prefix, token, secret, ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN, fix);
                expect("coloured token " + prefix, TestConfigs.commanderOutput(token), secret,
                        ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN, fix);
                expect("token " + prefix + " as base64", TestConfigs.b64(token.getBytes(StandardCharsets.US_ASCII)),
                        windows(List.of(token.substring(token.indexOf(':') + 1), TestConfigs.b64(token.getBytes(StandardCharsets.US_ASCII)))),
                        ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN, fix);
            }
            String il5 = TestConfigs.il5OneTimeToken();
            expect("IL5 token", il5, windows(List.of(il5.substring(4))), ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN, fix);
            String bare = TestConfigs.oneTimeToken("US").substring(3);
            expect("token without region", bare, windows(List.of(bare)), ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN, fix);
            expect("token as GATEWAY_CONFIG=", "GATEWAY_CONFIG=US:" + bare, windows(List.of(bare)),
                    ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN, fix);
        }
        assertNoFailures();
    }

    @Test
    void randomDamageNeverThrowsNeverEchoesAndAlwaysExplains() {
        Random random = new Random(42);
        String[] junk = {"\u001B[", "\u001B", "=", "==", "-", "_", "+", "/", ":", "{", "}", "\"", "'", "\\", "\n", "\r\n", " ", "\t",
            "\u0000", "\u00A0", "\u200B", "\uFEFF", "é", "\uD83D\uDE80", "%3D", "%2B", "eyJ", "US:", "GATEWAY_CONFIG="};
        for (TestConfigs.Parts p : configs()) {
            String config = TestConfigs.encode(p);
            Set<String> secret = secretsOf(p, config, TestConfigs.json(p));
            for (int round = 0; round < 150; round++) {
                StringBuilder s = new StringBuilder(round % 3 == 0 ? TestConfigs.json(p) : config);
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    int at = random.nextInt(s.length() + 1);
                    switch (random.nextInt(3)) {
                        case 0 -> s.insert(at, junk[random.nextInt(junk.length)]);
                        case 1 -> {
                            if (at < s.length()) {
                                s.deleteCharAt(at);
                            }
                        }
                        default -> {
                            if (at < s.length()) {
                                s.setCharAt(at, (char) (32 + random.nextInt(95)));
                            }
                        }
                    }
                }
                decode("damage round " + round, s.toString(), windows(p.secretValues()));
            }
        }
        assertNoFailures();
    }

    @Test
    void hugeAndOddPastesAreBoundedAndExplained() {
        TestConfigs.Parts p = configs().get(0);
        String config = TestConfigs.encode(p);
        Set<String> secret = secretsOf(p, config);
        decode("10 MB of base64", "eyJ" + "A".repeat(10 * 1024 * 1024), secret);
        decode("the config 5,000 times", config.repeat(5_000), secret);
        decode("10 MB of whitespace", " \n".repeat(5 * 1024 * 1024), secret);
        decode("10 MB of colour codes", "\u001B[32m".repeat(2 * 1024 * 1024), secret);
        decode("deep JSON", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000), secret);
        decode("deep JSON inside base64", TestConfigs.b64(("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))
                .getBytes(StandardCharsets.US_ASCII)), secret);
        decode("a huge number", TestConfigs.withKey(p, "serverPublicKeyId", new java.math.BigInteger("9".repeat(5_000))), secret);
        decode("a huge key name", TestConfigs.withKey(p, "k".repeat(100_000), "x"), secret);
        assertNoFailures();
    }

    @Test
    void theEchoCheckFindsAnEightCharacterPiece() {
        TestConfigs.Parts p = configs().get(0);
        Set<String> secret = windows(p.secretValues());
        String piece = p.appKey().substring(5, 13);
        assertEquals(piece, echoed("the value starts with " + piece + " and", secret));
        assertEquals(null, echoed("The gateway config is cut short.", secret));
    }
}
