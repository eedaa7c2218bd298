package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK clients we build read and write bodies through {@link ModelJson}, and the pipeline has no HTTP logging
 * policy when it would log nothing, so what the CLI's quick commands do to a gateway (status, logs, restart, stop,
 * start, list, delete) never builds azure-core's Jackson adapter, which a CLI command used to pay for. (A deploy
 * still does: the SDK's asynchronous PUT wraps its body in BinaryData, whose set-up builds azure-core's global
 * adapter.) Checked in a child JVM that lists the classes it loads (this JVM's other tests load everything); the
 * gateway is deployed by an earlier child into a simulator state file the second one starts from.
 */
class SdkClientsSkipJacksonTest {
    private static final List<String> JACKSON_ADAPTER = List.of("com.azure.core.implementation.jackson.ObjectMapperFactory",
            "com.azure.core.management.implementation.serializer.AzureJacksonAdapter", "com.azure.core.util.serializer.JacksonAdapter ");

    @Test
    void aGatewaysWholeLifeThroughTheSdkBuildsNoJacksonAdapter() throws Exception {
        Path state = dir.resolve("world.json");
        String deployed = child(Deploy.class, state);
        assertTrue(deployed.contains("DEPLOYED"), deployed);
        String out = child(Life.class, state);
        assertTrue(out.contains("LIFE DONE"), "the child did not get through the calls");
        assertTrue(out.contains("com.gatewaywizard.azure.ModelJson "), "the clients did not use ModelJson");
        for (String c : JACKSON_ADAPTER) {
            assertTrue(out.lines().filter(l -> l.contains("[class,load]")).noneMatch(l -> l.contains(" " + c.trim() + " ")),
                    () -> c.trim() + " was loaded");
        }
    }

    @TempDir
    Path dir;

    private static String child(Class<?> main, Path state) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:stdout", "-Dgatewaywizard.home="
                + System.getProperty("gatewaywizard.home"), "-cp", System.getProperty("java.class.path"), main.getName(),
                state.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not end");
        assertEquals(0, p.exitValue(), () -> out.lines().filter(l -> !l.contains("[class,load]")).toList().toString());
        return out;
    }

    private static final GatewayRef REF = new GatewayRef(com.gatewaywizard.simulator.SeedWorld.PRODUCTION,
            com.gatewaywizard.simulator.SeedWorld.RESOURCE_GROUP, "gw-life");

    private static AzureServices session(ArmSimulator sim) {
        return Azure.connect(SignInRequest.simulator(sim.uri()), AzureTuning.fast(), sim.clientSslContext());
    }

    /** The first child: deploys the gateway into the state file. */
    public static final class Deploy {
        public static void main(String[] args) throws Exception {
            try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withStateFile(Path.of(args[0])))) {
                DeployResult r = session(sim).deployer().deploy(Sim.spec(REF.name()).build(), DeployListener.NONE);
                if (!r.allRunning()) {
                    throw new AssertionError("deploy failed: " + r);
                }
                System.out.println("DEPLOYED");
            }
            HttpThreads.releaseForExit();
            System.exit(0);
        }
    }

    /** The second child: a session on the simulator of that state file, and the gateway's life. */
    public static final class Life {
        public static void main(String[] args) throws Exception {
            try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withStateFile(Path.of(args[0])))) {
                AzureServices az = session(sim);
                GatewayRef ref = REF;
                az.control().status(ref);
                az.control().logs(ref, 10, false);
                az.control().restart(ref);
                az.control().stop(ref);
                az.control().start(ref);
                az.control().list(ref.subscriptionId(), ref.resourceGroup());
                az.control().delete(ref);
                System.out.println("LIFE DONE");
            }
            HttpThreads.releaseForExit();
            System.exit(0);
        }
    }
}
