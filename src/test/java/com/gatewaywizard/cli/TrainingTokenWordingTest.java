package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training token is reported in one wording by render, validate, preflight and deploy: a note where the gateway
 * goes to the simulator, which accepts it, and a warning where it goes to Azure (a manifest is for az, so Azure).
 */
class TrainingTokenWordingTest {
    static final Map<String, String> ENV = Map.of("DOCKER_PAT", TrainingConfigCommand.TRAINING_DOCKER_PAT,
            "GATEWAY_CONFIG", TestConfigs.valid());

    /** The DOCKER_PAT_NOT_PAT line of a run, without validate's "FILE: " and "line N: ". */
    private static String line(CliRun r) {
        List<String> found = r.all().lines().filter(l -> l.contains("DOCKER_PAT_NOT_PAT")).toList();
        assertEquals(1, found.size(), r.all());
        return found.get(0).replaceFirst("^[^ ]+\\.yml: ", "").replaceFirst("(DOCKER_PAT_NOT_PAT \\S+: )line \\d+: ", "$1");
    }

    @Test
    void everyCommandSaysItInTheSameWordsANoteOnTheSimulatorAndAWarningForAzure(@TempDir Path dir) throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        Path manifest = dir.resolve("trainee.yml");
        List<String> render = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs("render", "gw-trainee", SeedWorld.SUBNET_ACI));
        lines.put("render", line(CliRun.run(ENV, "", render.toArray(String[]::new))));
        render.addAll(List.of("--out", manifest.toString()));
        assertEquals(0, CliRun.run(ENV, "", render.toArray(String[]::new)).code());
        lines.put("validate", line(CliRun.run("validate", manifest.toString())));
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            for (String command : List.of("preflight", "deploy")) {
                List<String> a = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs(command, "gw-trainee", SeedWorld.SUBNET_ACI));
                a.add("--cloud=simulator=" + sim.baseUrl());
                CliRun r = CliRun.run(ENV, "", a.toArray(String[]::new));
                assertEquals(0, r.code(), r.all());
                lines.put(command, line(r));
            }
        }
        String message = TrainingConfigCommand.TRAINING_TOKEN_MESSAGE;
        lines.forEach((command, l) -> assertTrue(l.contains(" dockerPat: " + message) || l.contains(".password: " + message),
                command + ": " + l));
        assertTrue(lines.get("render").startsWith("warning ") && lines.get("validate").startsWith("warning "), lines.toString());
        assertTrue(lines.get("preflight").startsWith("info ") && lines.get("deploy").startsWith("info "), lines.toString());
        assertEquals(lines.get("preflight"), lines.get("deploy"));
        assertTrue(lines.get("validate").endsWith(lines.get("render").substring(lines.get("render").indexOf(message))),
                "render and validate: one wording, fix included\n" + lines);

        // Azure: the warning with the flags' fix, as preflight and deploy give it there
        com.gatewaywizard.spec.Problem onAzure = TrainingConfigCommand.trainingToken(com.gatewaywizard.spec.Problem.warning(
                "DOCKER_PAT_NOT_PAT", "dockerPat", "x", "y"), TrainingConfigCommand.Target.AZURE);
        assertEquals(com.gatewaywizard.spec.Severity.WARNING, onAzure.severity());
        assertEquals(message, onAzure.message());
    }
}
