package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile command lines for every command ({@link Commands#all()}, so commands added later are covered too):
 * unknown options, missing values, and secrets typed as plain values, positionals or environment variable
 * names. Each is a usage error (exit 2) that names the safe way to give a secret, and no output ever holds an
 * 8-character piece of the secret.
 */
class CliHostileInputTest {
    private static final TestConfigs.Parts PARTS = TestConfigs.parts();
    private static final String CONFIG = TestConfigs.encode(PARTS);
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("Docker Hub token", TestConfigs.fakePat("HostileCli"));
        SECRETS.put("organisation token", "dckr_oat_HostileCli0123456789abcdefgh");
        SECRETS.put("gateway config", CONFIG);
        SECRETS.put("gateway config JSON", TestConfigs.json(PARTS));
        SECRETS.put("one-time token", TestConfigs.oneTimeToken("US"));
        SECRETS.put("access token", "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"aud\":\"https://management.azure.com\",\"oid\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1mb3ItdGVzdHM");
    }

    /** An option with a value placeholder in a usage text: {@code --name NAME}, {@code --liveness none|http|exec}. */
    private static final Pattern VALUE_OPTION = Pattern.compile("(--[a-z][a-z0-9-]*)[ =](?:[A-Z][A-Z0-9_|-]*\\b|[a-z]+(?:\\|[a-z-]+)+)");

    private final List<String> failures = new ArrayList<>();
    private int runs;

    private static Set<String> windows(String secret) {
        Set<String> w = new HashSet<>();
        for (int i = 0; i + 8 <= secret.length(); i++) {
            w.add(secret.substring(i, i + 8));
        }
        return w;
    }

    private static boolean leaks(String text, String secret) {
        Set<String> w = windows(secret);
        for (int i = 0; i + 8 <= text.length(); i++) {
            if (w.contains(text.substring(i, i + 8))) {
                return true;
            }
        }
        return false;
    }

    private CliRun run(String label, String... args) {
        runs++;
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.run(Map.of(), "", args), label + " hung");
    }

    /** A usage error that does not echo {@code secret} and, when {@code alternative}, names the safe way. */
    private void refused(String label, String secret, boolean alternative, String... args) {
        CliRun r = run(label, args);
        if (r.code() != Command.USAGE) {
            failures.add(label + ": exit " + r.code() + " (expected 2): " + firstLine(r.all()));
        }
        if (secret != null && leaks(r.all(), secret)) {
            failures.add(label + ": the output holds a piece of the secret");
        }
        if (r.all().contains("Exception") || r.all().contains("\tat ")) {
            failures.add(label + ": an exception reached the user: " + firstLine(r.err()));
        }
        if (alternative && !(r.err().contains("-file") || r.err().contains("-env") || r.err().contains("standard input"))) {
            failures.add(label + ": refused without naming the safe way to give it: " + firstLine(r.err()));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void assertNoFailures() {
        assertTrue(runs > 0);
        assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " of " + runs + " command lines went wrong");
    }

    private static Set<String> valueOptions(Command c) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VALUE_OPTION.matcher(c.usage());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theUsageTextsNameTheirOptions() {
        Command render = Commands.find("render").orElseThrow();
        assertTrue(valueOptions(render).containsAll(List.of("--name", "--docker-pat-file", "--docker-pat-env", "--liveness", "--out")),
                valueOptions(render).toString());
        assertTrue(valueOptions(Commands.find("simulator").orElseThrow()).containsAll(List.of("--port", "--scenario", "--state")));
    }

    @Test
    void unknownOptionsAreUsageErrorsThatPointAtHelp() {
        for (Command c : Commands.all()) {
            CliRun r = run(c.name(), c.name(), "--definitely-not-an-option");
            if (r.code() != Command.USAGE || !r.err().contains("--definitely-not-an-option") || !r.err().contains("--help")) {
                failures.add(c.name() + ": unknown option: exit " + r.code() + ", " + firstLine(r.err()));
            }
            for (Map.Entry<String, String> s : SECRETS.entrySet()) {
                refused(c.name() + " unknown option with a " + s.getKey(), s.getValue(), false, c.name(), "--pat=" + s.getValue());
                refused(c.name() + " a " + s.getKey() + " as an option name", s.getValue(), false, c.name(), "--" + s.getValue());
            }
        }
        assertNoFailures();
    }

    @Test
    void aLongDashFromCopiedDocsIsExplained() {
        for (Command c : Commands.all()) {
            for (String dash : List.of("\u2014name", "\u2013name", "\u2212name")) {
                CliRun r = run(c.name() + " " + dash, c.name(), dash, "x");
                if (r.code() != Command.USAGE || !r.err().contains("--")) {
                    failures.add(c.name() + " " + dash + ": exit " + r.code() + ", " + firstLine(r.err()));
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void optionsWithoutTheirValueAreUsageErrors() {
        for (Command c : Commands.all()) {
            for (String opt : valueOptions(c)) {
                CliRun last = run(c.name() + " " + opt, c.name(), opt);
                if (last.code() != Command.USAGE || !last.err().contains(opt)) {
                    failures.add(c.name() + " " + opt + " (last): exit " + last.code() + ", " + firstLine(last.err()));
                }
                CliRun beforeAnother = run(c.name() + " " + opt, c.name(), opt, "--definitely-not-an-option");
                if (beforeAnother.code() != Command.USAGE) {
                    failures.add(c.name() + " " + opt + " (before another option): exit " + beforeAnother.code());
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void secretsGivenAsPlainValuesAreRefusedWithTheSafeWayAndNeverEchoed() {
        for (Command c : Commands.all()) {
            for (Map.Entry<String, String> s : SECRETS.entrySet()) {
                String secret = s.getValue();
                for (String opt : valueOptions(c)) {
                    refused(c.name() + " " + opt + " = " + s.getKey(), secret, true, c.name(), opt, secret);
                    refused(c.name() + " " + opt + "= " + s.getKey(), secret, true, c.name(), opt + "=" + secret);
                }
                refused(c.name() + " " + s.getKey() + " as an argument", secret, c.name().equals("validate"), c.name(), secret);
                for (String flag : List.of("--docker-pat", "--docker-password", "--gateway-config", "--password", "--client-secret",
                        "--token")) {
                    refused(c.name() + " " + flag + " " + s.getKey(), secret, false, c.name(), flag + "=" + secret);
                    refused(c.name() + " " + flag + " " + s.getKey() + " (separate)", secret, false, c.name(), flag, secret);
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void theRefusedSecretFlagsOfRenderNameTheirFileAndEnvironmentAlternatives() {
        String pat = SECRETS.get("Docker Hub token");
        CliRun r = run("render --docker-pat", "render", "--docker-pat", pat);
        assertEquals(Command.USAGE, r.code());
        assertTrue(r.err().contains("--docker-pat-file") && r.err().contains("--docker-pat-env"), r.err());
        CliRun g = run("render --gateway-config", "render", "--gateway-config=" + CONFIG);
        assertEquals(Command.USAGE, g.code());
        assertTrue(g.err().contains("--gateway-config-file") && g.err().contains("--gateway-config-env"), g.err());
        assertTrue(!leaks(r.all(), pat) && !leaks(g.all(), CONFIG));
    }

    @Test
    void oddValuesForNumbersAndChoicesAreUsageErrorsOrProblemsNeverCrashes() {
        List<List<String>> lines = List.of(
                List.of("render", "--cpu", "two"), List.of("render", "--cpu", "NaN"), List.of("render", "--cpu", "Infinity"),
                List.of("render", "--cpu", "1e999"), List.of("render", "--instances", "1e3"),
                List.of("render", "--instances", "99999999999999999999"), List.of("render", "--instances", "-1"),
                List.of("render", "--memory", ""), List.of("render", "--liveness", "sometimes"), List.of("render", "--format", "xml"),
                List.of("render", "--debug=maybe"), List.of("render", "--name", "a", "--name", "b"), List.of("render", "--out", ""),
                List.of("render", "--tag", "no-equals-sign"), List.of("render", "--tag", "=x"),
                List.of("render", "--name", "x".repeat(100_000)), List.of("render", "--name", "\u0000\u001B[31m"),
                List.of("simulator", "--port", "-1"), List.of("simulator", "--port", "http"), List.of("simulator", "--speed", "NaN"),
                List.of("simulator", "--scenario", "x".repeat(10_000)), List.of("simulator", "--port"),
                List.of("simulator", "stray"), List.of("validate"), List.of("validate", "-", "-"),
                List.of("validate", "/definitely/not/here.yml"), List.of("validate", "/"));
        for (List<String> line : lines) {
            CliRun r = run(String.join(" ", line), line.toArray(String[]::new));
            if (r.code() == Command.OK) {
                failures.add(line + ": accepted");
            }
            if (r.all().contains("Exception") || r.all().contains("\tat ")) {
                failures.add(line + ": an exception reached the user: " + firstLine(r.err()));
            }
            if (r.all().length() > 5_000) {
                failures.add(line + ": " + r.all().length() + " characters of output (an input echoed back?)");
            }
        }
        assertNoFailures();
    }

    @Test
    void secretsInEnvironmentVariableNamesAndFileNamesAreNotEchoed() {
        for (Map.Entry<String, String> s : SECRETS.entrySet()) {
            refused("render --docker-pat-env " + s.getKey(), s.getValue(), true, "render", "--docker-pat-env", s.getValue());
            refused("render --docker-pat-file " + s.getKey(), s.getValue(), true, "render", "--docker-pat-file", s.getValue());
            refused("render --gateway-config-file " + s.getKey(), s.getValue(), true, "render", "--gateway-config-file", s.getValue());
            refused("validate " + s.getKey(), s.getValue(), true, "validate", s.getValue());
            refused("simulator --state " + s.getKey(), s.getValue(), true, "simulator", "--state", s.getValue());
        }
        assertNoFailures();
    }
}
