package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI does with odd files and ports: it refuses in plain words, never replaces, never runs out of memory. */
class CliFileSafetyTest {
    private static final String CFG = RenderCommandTest.CONFIG;

    private static List<String> full(Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(RenderCommandTest.base("--docker-pat-env", "PAT",
                "--gateway-config-env", "CFG", "--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    private static CliRun render(List<String> args) {
        return RenderCommandTest.run(Map.of("PAT", RenderCommandTest.PAT, "CFG", CFG), "", args);
    }

    private static void assertPlain(CliRun r) {
        assertFalse(r.all().matches("(?s).*(Exception|Error:|\\tat |StreamReadFeature|com\\.fasterxml).*"), r.all());
    }

    @Test
    void renderRefusesToReplaceAPipeOrASymbolicLink(@TempDir Path dir) throws Exception {
        // A fifo stands in for /dev/full: the same "not a regular file", without risking a real device as root.
        Path fifo = dir.resolve("fifo.yml");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException noMkfifo) {
            made = false;
        }
        if (made) {
            CliRun r = render(full(fifo, "--force"));
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains("not a regular file"), r.err());
            assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the pipe was replaced");
        }

        Path real = Files.writeString(dir.resolve("real.txt"), "keep me");
        Path link = dir.resolve("link.yml");
        Files.createSymbolicLink(link, real);
        CliRun l = render(full(link, "--force"));
        assertEquals(1, l.code(), l.all());
        assertTrue(l.err().contains("is a symbolic link"), l.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep me", Files.readString(real));
    }

    @Test
    void renderRefusesAnExistingFileUnlessForced(@TempDir Path dir) throws IOException {
        Path out = Files.writeString(dir.resolve("exist.yml"), "mine");
        CliRun r = render(full(out));
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("already exists") && r.err().contains("--force"), r.err());
        assertEquals("mine", Files.readString(out));

        CliRun forced = render(full(out, "--force"));
        assertEquals(0, forced.code(), forced.all());
        assertTrue(forced.out().contains("replaced " + out), forced.out());
        assertTrue(Files.readString(out).contains("keeper-gateway"));
        assertTrue(Commands.find("render").orElseThrow().usage().contains("--force"));
    }

    @Test
    void aReadOnlyFolderIsNamedWithTheFix(@TempDir Path dir) throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        assumeTrue(ro.toFile().setWritable(false, false) && !Files.isWritable(ro), "running as root");
        try {
            CliRun r = render(full(ro.resolve("x.yml")));
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains("no permission to write in folder " + ro.toAbsolutePath())
                    && r.err().contains("choose another --out"), r.err());
            assertFalse(r.err().contains(".tmp"), r.err());
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void endlessOrHugeSecretSourcesAreRefusedAfterTheLimit() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        for (String flag : List.of("--docker-pat-file", "--gateway-config-file")) {
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> RenderCommandTest.run(Map.of(), "", RenderCommandTest.base(flag, "/dev/zero")));
            assertEquals(2, r.code(), r.all());
            assertTrue(r.err().contains("is larger than " + SecretSources.MAX_BYTES + " bytes"), r.err());
            assertPlain(r);
        }
    }

    @Test
    void validateReadsAnEndlessFileOnlyUpToTheLimit() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run("validate", "/dev/zero"));
        assertEquals(2, r.code(), r.all());
        assertTrue(r.all().contains("FILE_TOO_LARGE") && r.all().contains("larger than"), r.all());
    }

    @Test
    void anEmptyStandardInputOrAFolderIsNamedForWhatItIs(@TempDir Path dir) {
        CliRun empty = RenderCommandTest.run(Map.of(), "", RenderCommandTest.base("--docker-pat-file", "-"));
        assertEquals(2, empty.code(), empty.all());
        assertTrue(empty.err().contains("standard input is closed or empty"), empty.err());
        assertFalse(empty.err().contains("more than"), empty.err());

        CliRun folder = RenderCommandTest.run(Map.of(), "", RenderCommandTest.base("--docker-pat-file", dir.toString()));
        assertEquals(2, folder.code(), folder.all());
        assertTrue(folder.err().contains("is a folder \u2014 give the token file"), folder.err());
        assertPlain(folder);
    }

    @Test
    void aSubnetIdWithSpacesOrACarriageReturnStillNamesItsSubscription() {
        for (String id : List.of(" " + RenderCommandTest.SUBNET + " ", RenderCommandTest.SUBNET + "\r")) {
            List<String> args = new java.util.ArrayList<>(RenderCommandTest.base());
            args.set(args.indexOf(RenderCommandTest.SUBNET), id);
            CliRun r = RenderCommandTest.run(Map.of(), "", args);
            assertFalse(r.all().contains("SUBSCRIPTION_ID_REQUIRED"), r.all());
        }
    }

    @Test
    void aBrokenStateFileOrABusyPortIsExplainedNotTraced(@TempDir Path dir) throws IOException {
        Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{ nope");
        CliRun c = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.run("simulator", "--speed", "instant", "--state", corrupt.toString()));
        assertEquals(1, c.code(), c.all());
        assertTrue(c.err().contains("is not a simulator state file (line 1, column") && c.err().contains("another --state"), c.err());
        assertPlain(c);

        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            CliRun p = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> CliRun.run("simulator", "--speed", "instant", "--port", String.valueOf(port)));
            assertEquals(1, p.code(), p.all());
            assertTrue(p.err().contains("port " + port + " is in use \u2014 choose another --port, or 0 for any free port"), p.err());
            assertPlain(p);
        }
    }

    @Test
    void anAbsurdSpeedIsAUsageError() throws Exception {
        for (String s : List.of("1e308", "1001", "-1", "NaN", "Infinity")) {
            assertThrows(Commands.UsageException.class, () -> SimulatorCommand.parse(List.of("--speed", s)), s);
        }
        assertEquals(1000, SimulatorCommand.parse(List.of("--speed", "1000")).speed());
    }

    @Test
    void theUnexpectedErrorSentenceNamesNoClassAndPointsAtTheLog() {
        String m = Commands.unexpectedError("status");
        assertFalse(m.contains("Exception"), m);
        assertTrue(m.contains(com.gatewaywizard.Logging.logFile().toString()), m);
    }

    @Test
    void aRepeatedOrReservedTagIsAWarningNotSilence() {
        CliRun r = RenderCommandTest.run(Map.of(), "", RenderCommandTest.base("--tag", "a=1", "--tag", "a=2",
                "--tag", "managed-by=evil"));
        assertEquals(0, r.code(), r.all());
        assertTrue(r.err().contains("warning TAG_REPEATED") && r.err().contains("warning TAG_RESERVED"), r.err());
    }

    @Test
    void aStandardInputTheJvmReusedForItsOwnFileCountsAsClosed() {
        assertTrue(Console.openedByJvm(Path.of("/opt/app/gateway-wizard.jar"), "/usr/lib/jvm/java-17", "/opt/app/gateway-wizard.jar"));
        assertTrue(Console.openedByJvm(Path.of("/usr/lib/jvm/java-17/lib/modules"), "/usr/lib/jvm/java-17", "x.jar"));
        assertFalse(Console.openedByJvm(Path.of("/home/me/pat.txt"), "/usr/lib/jvm/java-17", "/opt/app/gateway-wizard.jar"));
        assertFalse(Console.openedByJvm(Path.of("/dev/null"), "/usr/lib/jvm/java-17", "/opt/app/gateway-wizard.jar"));
    }
}
