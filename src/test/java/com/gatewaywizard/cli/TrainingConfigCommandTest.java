package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.GatewayConfig;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingConfigCommandTest {
    @Test
    void aNewUserCanDeployOnTheSimulatorWithTheTrainingConfigAndToken() {
        CliRun r = CliRun.run("training-config");
        assertEquals(0, r.code(), r.all());
        String config = r.out().strip();
        assertTrue(GatewayConfig.decode(config).ok(), GatewayConfig.decode(config).codes().toString());
        assertNotEquals(config, CliRun.run("training-config").out().strip(), "each call makes fresh keys");

        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            CliRun d = CliRun.run(Map.of("GATEWAY_CONFIG", config, "DOCKER_PAT", TrainingConfigCommand.TRAINING_DOCKER_PAT), "",
                    AzureCommandsSimulatorTest.deployArgs("deploy", "gw-trainee", SeedWorld.SUBNET_ACI,
                            "--cloud=simulator=" + sim.baseUrl()).stream()
                            .map(a -> a.equals("keeperdemo") ? TrainingConfigCommand.TRAINING_DOCKER_USER : a)
                            .toArray(String[]::new));
            assertEquals(0, d.code(), d.all());
            assertTrue(d.out().contains("gw-trainee is Running"), d.out());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theReadmeShowsHowToGetOneAndItsFirstRenderExampleRunsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("export GATEWAY_CONFIG=\"$(gateway-wizard training-config)\""));
        assertTrue(readme.contains(TrainingConfigCommand.TRAINING_DOCKER_PAT));
        // The first render example, with its line continuations joined, runs and exits 0 as it stands.
        int at = readme.indexOf("```bash\ngateway-wizard render ");
        String block = readme.substring(at + 8, readme.indexOf("```", at + 8)).replace("\\\n", " ");
        List<String> words = new java.util.ArrayList<>(List.of(block.strip().split("\\s+")));
        assertEquals("gateway-wizard", words.remove(0));
        words.replaceAll(w -> w.replaceAll("^['\"]|['\"]$", ""));
        CliRun r = CliRun.run(words.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());
    }
}
