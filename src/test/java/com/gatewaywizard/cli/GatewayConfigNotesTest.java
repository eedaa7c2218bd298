package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gateway config decoder notes about how a config was given (pasted as JSON, wrapped over lines) reaches the
 * user in render, preflight, deploy and validate, whether the config came from a file, standard input or a variable:
 * the commands check the config as given, not the base64 it is normalized to.
 */
class GatewayConfigNotesTest {
    static final String JSON = new String(Base64.getDecoder().decode(TestConfigs.valid()), StandardCharsets.UTF_8);
    static ArmSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** The deploy flags, with the gateway config given by {@code configFlags}. */
    private static String[] args(String command, String name, List<String> configFlags, String... more) {
        List<String> a = new ArrayList<>();
        for (String s : AzureCommandsSimulatorTest.deployArgs(command, name, SeedWorld.SUBNET_ACI)) {
            a.add(s);
        }
        int at = a.indexOf("--gateway-config-env");
        a.remove(at);
        a.remove(at);
        a.addAll(configFlags);
        a.addAll(List.of(more));
        if (!command.equals("render")) {
            a.add("--cloud=simulator=" + sim.baseUrl());
        }
        return a.toArray(String[]::new);
    }

    @Test
    void aJsonConfigIsWarnedAboutInEveryCommandFromAFileStandardInputAndAVariable(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), JSON + "\n\n"); // an editor's trailing newlines
        Map<String, String> env = Map.of("DOCKER_PAT", AzureCommandsSimulatorTest.PAT, "GW_JSON", "  " + JSON + "\n");
        Map<String, List<String>> inputs = Map.of(
                "file", List.of("--gateway-config-file", file.toString()),
                "stdin", List.of("--gateway-config-file", "-"),
                "env", List.of("--gateway-config-env", "GW_JSON"));
        int n = 0;
        for (String command : List.of("render", "preflight", "deploy")) {
            for (var input : inputs.entrySet()) {
                String stdin = input.getKey().equals("stdin") ? JSON + "\n" : "";
                String name = "gw-json-" + n++;
                CliRun r = CliRun.run(env, stdin, args(command, name, input.getValue()));
                assertEquals(0, r.code(), command + " " + input.getKey() + ": " + r.all());
                assertTrue(r.all().contains("warning GATEWAY_CONFIG_IS_JSON gatewayConfig:"),
                        command + " " + input.getKey() + ": " + r.all());
                assertFalse(r.all().contains(JSON.substring(0, 30)), "the config is never echoed");
                if (command.equals("deploy")) {
                    String sent = sim.cloud().lastPutBody(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, name).toString();
                    assertTrue(sent.contains("\"secureValue\":\"eyJ") && !sent.contains("hostname"),
                            "the base64 form is deployed, not the JSON");
                    AzureCommandsSimulatorTest.on(sim, "delete", name, "--yes", "--subscription", SeedWorld.PRODUCTION,
                            "--resource-group", SeedWorld.RESOURCE_GROUP);
                }
            }
        }

        // render writes the base64 form, which validate then finds nothing to note about
        Path manifest = dir.resolve("gw.yml");
        assertEquals(0, CliRun.run(env, "", args("render", "gw-json-out", inputs.get("env"), "--out", manifest.toString())).code());
        String written = Files.readString(manifest);
        assertFalse(written.contains("\"hostname\""), "no JSON config in the manifest");
        assertFalse(CliRun.run("validate", manifest.toString()).out().contains("GATEWAY_CONFIG_IS_JSON"));

        // a manifest that holds the JSON form: validate warns from a file and from standard input, and says that az
        // passes it on as it is (the wizard's "it deploys the base64" does not hold for az)
        String jsonManifest = written.replaceAll("(?m)(- name: GATEWAY_CONFIG\\n\\s+secureValue: ).*",
                "$1'" + JSON.replace("'", "''") + "'");
        Path jm = Files.writeString(dir.resolve("json.yml"), jsonManifest);
        for (CliRun v : List.of(CliRun.run("validate", jm.toString()), CliRun.run(Map.of(), jsonManifest, "validate", "-"))) {
            assertTrue(v.out().contains("warning GATEWAY_CONFIG_IS_JSON properties.containers[0]"), v.all());
            assertTrue(v.out().contains("az container create passes this value"), v.out());
            assertFalse(v.out().contains("the wizard deploys the base64"), v.out());
        }
    }

    @Test
    void aConfigWrappedOverLinesIsNotedInTheCommandsAsInTheWizard() {
        String wrapped = TestConfigs.valid().replaceAll("(.{76})", "$1\n");
        CliRun r = CliRun.run(Map.of("DOCKER_PAT", AzureCommandsSimulatorTest.PAT, "GW", wrapped), "",
                args("preflight", "gw-wrapped", List.of("--gateway-config-env", "GW")));
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("info GATEWAY_CONFIG_UNWRAPPED gatewayConfig:"), r.out());
    }
}
