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

/**
 * Before a CLI command's {@code System.exit}, the JDK HTTP clients' selector threads are ended, so JDK 17's exit does
 * not wait 0.3 s for them. Checked in a child JVM (ending them here would break the other tests' sessions): a real
 * session on the simulator makes calls, then {@link HttpThreads#releaseForExit} must leave no selector thread alive.
 */
class HttpThreadsTest {

    @Test
    void afterReleaseForExitNoHttpSelectorThreadIsLeftToDelayTheExit() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Child.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("SELECTORS ")).toList();
        assertEquals(2, lines.size(), out);
        assertTrue(Integer.parseInt(lines.get(0).split(" ")[2]) >= 1, "the calls left no selector thread to end: " + out);
        assertEquals("SELECTORS after 0", lines.get(1), out);
    }

    /** The child: a session on a simulator, two calls, then the release. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
                AzureServices az = Azure.connect(SignInRequest.simulator(sim.uri()), AzureTuning.fast(), sim.clientSslContext());
                String sub = az.subscriptions().get(0).id();
                az.catalog().resourceGroups(sub);
                System.out.println("SELECTORS before " + HttpThreads.selectors().size());
                HttpThreads.releaseForExit();
                System.out.println("SELECTORS after " + HttpThreads.selectors().size());
            }
            System.exit(0);
        }
    }
}
