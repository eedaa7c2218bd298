package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.GatewayConfig;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.spec.Severity;
import com.gatewaywizard.spec.SpecValidator;
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

    private static List<Problem> patProblems(String pat, boolean simulator) {
        GatewaySpec spec = GatewaySpec.builder().name("gw-pat").dockerUser("trainee").dockerPat(Secret.of(pat)).build();
        return TrainingConfigCommand.trainingToken(SpecValidator.validate(spec), spec,
                simulator ? TrainingConfigCommand.Target.SIMULATOR : TrainingConfigCommand.Target.AZURE).stream()
                .filter(p -> p.code().equals(ProblemCodes.DOCKER_PAT_NOT_PAT)).toList();
    }

    @Test
    void theTrainingTokenIsANoteOnTheSimulatorAndAWarningThatDockerHubRefusesItElsewhere() {
        List<Problem> onSim = patProblems(TrainingConfigCommand.TRAINING_DOCKER_PAT, true);
        assertEquals(1, onSim.size(), onSim.toString());
        assertEquals(Severity.INFO, onSim.get(0).severity());
        assertTrue(onSim.get(0).message().contains("training token") && onSim.get(0).message().contains("only the simulator"),
                onSim.get(0).message());

        List<Problem> onAzure = patProblems(TrainingConfigCommand.TRAINING_DOCKER_PAT, false);
        assertEquals(Severity.WARNING, onAzure.get(0).severity());
        assertTrue(onAzure.get(0).message().contains("Docker Hub refuses it"), onAzure.get(0).message());

        // any other value that is no access token keeps the rules' warning, on the simulator too
        for (boolean simulator : new boolean[] {true, false}) {
            List<Problem> other = patProblems("MyDockerPassword1", simulator);
            assertEquals(1, other.size(), other.toString());
            assertEquals(Severity.WARNING, other.get(0).severity());
            assertTrue(other.get(0).message().contains("may be your password"), other.get(0).message());
        }
    }

    @Test
    void aManifestForAzMadeWithTheTrainingTokenWarnsThatDockerHubRefusesIt() {
        CliRun r = CliRun.run(Map.of("GATEWAY_CONFIG", com.gatewaywizard.keeper.TestConfigs.valid(), "DOCKER_PAT",
                TrainingConfigCommand.TRAINING_DOCKER_PAT), "", AzureCommandsSimulatorTest.deployArgs("render", "gw-trainee",
                        SeedWorld.SUBNET_ACI).toArray(String[]::new));
        assertEquals(0, r.code(), r.all());
        assertTrue(r.err().contains("warning DOCKER_PAT_NOT_PAT") && r.err().contains("Docker Hub refuses it"), r.err());
    }
}
