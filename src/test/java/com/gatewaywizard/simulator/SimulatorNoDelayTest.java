package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulator's HTTP server sends with Nagle's algorithm off: the JDK server writes headers and body apart, and
 * with Nagle on the body waited for the client's delayed ACK, about 40 ms on every answer over a kept-alive
 * connection (a status took 48 ms in the app instead of a few). The JDK reads the setting once, when its first
 * server starts, so a child JVM without the test set-up's property checks what the server really uses.
 */
class SimulatorNoDelayTest {

    @Test
    void theSimulatorsServerSendsWithoutWaitingForDelayedAcks() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--add-opens", "jdk.httpserver/sun.net.httpserver=ALL-UNNAMED",
                "-Dgatewaywizard.home=" + System.getProperty("gatewaywizard.home"), "-cp", System.getProperty("java.class.path"),
                Child.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().anyMatch("NODELAY true"::equals), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("MAXREQTIME ") && Long.parseLong(l.substring(11)) > 0), out);
    }

    /** Starts a simulator as the app does (no property given), then asks the JDK server's configuration. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            if (System.getProperty(ArmSimulator.NO_DELAY_PROPERTY) != null || System.getProperty(ArmSimulator.MAX_REQUEST_TIME_PROPERTY) != null) {
                throw new AssertionError("the child must start without the property");
            }
            try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
                java.lang.reflect.Method m = Class.forName("sun.net.httpserver.ServerConfig").getDeclaredMethod("noDelay");
                m.setAccessible(true);
                System.out.println("NODELAY " + m.invoke(null));
                java.lang.reflect.Method t = Class.forName("sun.net.httpserver.ServerConfig").getDeclaredMethod("getMaxReqTime");
                t.setAccessible(true);
                System.out.println("MAXREQTIME " + t.invoke(null)); // a TLS hello sent to the http port is closed
            }
            System.exit(0);
        }
    }
}
