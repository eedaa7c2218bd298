package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's command-line walkthrough runs as written on the simulator (a user following it sees no misleading
 * warning), and its sample outputs are what the commands print today: clock times and the parts written "…" aside.
 */
class ReadmeCliSamplesTest {
    private static final Pattern CLOCK = Pattern.compile("\\b\\d\\d:\\d\\d:\\d\\d\\b");

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    /** The first fenced block of {@code lang} after {@code heading}, line continuations joined. */
    private static List<String> block(String readme, String heading, String lang) {
        int h = readme.indexOf(heading);
        assertTrue(h >= 0, heading);
        int b = readme.indexOf("```" + lang + "\n", h) + lang.length() + 4;
        String text = readme.substring(b, readme.indexOf("```", b)).replace("\\\n", " ");
        return text.lines().toList();
    }

    /** {@code sample} with "…" standing for any text and clock times for any time, as a pattern. */
    private static boolean matches(String sample, String real) {
        StringBuilder re = new StringBuilder();
        for (String part : CLOCK.matcher(sample).replaceAll("\u0000").split("((?=[\u2026\u0000])|(?<=[\u2026\u0000]))")) {
            re.append(part.equals("\u2026") ? ".*" : part.equals("\u0000") ? "\\d\\d:\\d\\d:\\d\\d" : Pattern.quote(part));
        }
        return real.matches(re.toString());
    }

    private static List<String> words(String line, Map<String, String> vars) {
        List<String> out = new ArrayList<>();
        for (String w : line.strip().split("\\s+")) {
            if (w.startsWith("$")) {
                w = vars.get(w.substring(1));
            }
            out.add(w.replaceAll("^['\"]|['\"]$", ""));
        }
        return out;
    }

    @Test
    void theTryEveryCommandWalkthroughRunsAsWrittenAndDeployPrintsWhatTheReadmeShows() throws Exception {
        String readme = readme();
        List<String> script = block(readme, "### Try every command on the simulator", "bash");
        List<String> sample = block(readme, "`deploy` prints the notes of its checks", "text");
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.defaults())) {
            Map<String, String> env = new HashMap<>();
            Map<String, String> vars = new HashMap<>();
            CliRun deploy = null;
            int ran = 0;
            for (String raw : script) {
                String line = raw.replaceAll("\\s+#.*$", "").strip();
                if (line.startsWith("export ")) {
                    String assignment = line.substring(7);
                    int eq = assignment.indexOf('=');
                    String name = assignment.substring(0, eq);
                    String value = assignment.substring(eq + 1);
                    if (name.equals("GATEWAY_WIZARD_CLOUD")) {
                        assertTrue(value.startsWith("simulator=http://127.0.0.1:"), value);
                        value = "simulator=" + sim.baseUrl(); // the port the test's simulator got
                    } else if (value.equals("\"$(gateway-wizard training-config)\"")) {
                        CliRun t = CliRun.run("training-config");
                        assertEquals(0, t.code(), t.all());
                        value = t.out().strip();
                    }
                    env.put(name, value);
                    continue;
                }
                if (line.matches("[A-Z_]+=.*")) {
                    vars.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                    continue;
                }
                if (!line.startsWith("gateway-wizard ") || line.startsWith("gateway-wizard simulator")) {
                    continue;
                }
                boolean jq = line.contains("| jq");
                for (String command : line.replaceAll("\\|\\s*jq.*$", "").split("&&")) {
                    List<String> w = words(command, vars);
                    assertEquals("gateway-wizard", w.remove(0));
                    w.remove("--follow"); // a follow ends with Ctrl-C, which a test cannot type
                    CliRun r = CliRun.run(env, "", w.toArray(String[]::new));
                    ran++;
                    assertEquals(0, r.code(), command + ":\n" + r.all());
                    assertFalse(r.all().contains("warning DOCKER_PAT_NOT_PAT"), "a misleading warning for README's token: " + r.all());
                    if (w.get(0).equals("deploy")) {
                        deploy = r;
                        CliRun list = CliRun.run(env, "", "list", "--json");
                        JsonNode first = AzureCommandsSimulatorTest.JSON.readTree(list.out()).get(0);
                        assertTrue(first.hasNonNull("name") && first.hasNonNull("state"), "the jq line's fields: " + list.out());
                    }
                    if (jq) {
                        assertTrue(AzureCommandsSimulatorTest.JSON.readTree(r.out()).isArray(), r.out());
                    }
                }
            }
            assertTrue(ran >= 10, "ran " + ran + " commands");
            assertTrue(deploy != null, "the walkthrough deploys");
            List<String> real = new ArrayList<>(deploy.err().lines().filter(l -> l.matches("^(error|warning|info) .*")).toList());
            real.addAll(deploy.out().lines().toList());
            assertEquals(sample.size(), real.size(), "README:\n" + String.join("\n", sample) + "\nreal:\n" + String.join("\n", real));
            for (int i = 0; i < sample.size(); i++) {
                assertTrue(matches(sample.get(i), real.get(i)), "README: " + sample.get(i) + "\nreal:   " + real.get(i));
            }
        }
    }

    @Test
    void theValidateSampleIsWhatValidatePrintsForItsFile() throws Exception {
        String readme = readme();
        List<String> sample = block(readme, "### Validate a manifest", "text");
        assertTrue(sample.get(0).startsWith("$ gateway-wizard validate keeper-gateway.yml"), sample.get(0));
        Path dir = Files.createTempDirectory("readme-validate");
        Path file = dir.resolve("keeper-gateway.yml");
        List<String> args = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs("render", "keeper-gateway",
                com.gatewaywizard.simulator.SeedWorld.SUBNET_ACI));
        args.addAll(List.of("--out", file.toString()));
        CliRun render = CliRun.run(AzureCommandsSimulatorTest.ENV, "", args.toArray(String[]::new));
        assertEquals(0, render.code(), render.all());
        // the file the README describes: a full manifest whose emptyDir lost its {}
        Files.writeString(file, Files.readString(file).replace("emptyDir: {}", "emptyDir:"));
        CliRun v = CliRun.run("validate", file.toString());
        List<String> real = v.all().lines().map(l -> l.replace(file.toString(), "keeper-gateway.yml")).toList();
        for (String s : sample.subList(1, sample.size())) {
            assertTrue(real.stream().anyMatch(r -> matches(s, r)), "README: " + s + "\nreal:\n" + String.join("\n", real));
        }
    }
}
