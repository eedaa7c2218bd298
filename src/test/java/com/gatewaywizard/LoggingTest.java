package com.gatewaywizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import com.gatewaywizard.keeper.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LoggingTest {
    static final String PAT = TestConfigs.fakePat("Logging");

    @Test
    void redactionMasksBearerTokensPatsSecretJsonMembersAndConfigs() {
        String config = TestConfigs.valid();
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0LW9ubHkifQ.c2lnbmF0dXJlLXRlc3Qtb25seQ";
        String[] secrets = {PAT, config, jwt, "s3cr3t-Value_42", "hunter2-password"};
        String text = "Authorization: Bearer " + jwt + "; pat " + PAT
                + "; body {\"password\": \"hunter2-password\", \"secureValue\":\"" + config + "\"}"
                + "; form client_secret=s3cr3t-Value_42&grant_type=client_credentials; env GATEWAY_CONFIG=" + config;
        String red = Logging.redact(text);
        for (String s : secrets) {
            assertFalse(red.contains(s), "masked: " + s + " in " + red);
        }
        assertTrue(red.contains("Bearer ***"), red);
        assertTrue(red.contains("dckr_pat_***"), red);
        assertTrue(red.contains("\"password\": \"***\""), red);
        assertTrue(red.contains("\"secureValue\":\"***\""), red);
        assertTrue(red.contains("client_secret=***&grant_type=client_credentials"), red);
    }

    @Test
    void redactionLeavesOrdinaryLinesAlone() {
        String line = "PUT /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keeper/providers/"
                + "Microsoft.ContainerInstance/containerGroups/keeper-gateway -> 201 (state Running, 10.10.1.4)";
        assertEquals(line, Logging.redact(line));
        assertEquals("", Logging.redact(""));
    }

    @Test
    void anUnwritableLogFolderIsReportedOnceOnStderrAndStdoutStaysClean(@TempDir Path tmp) throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("a-file"), "x");
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        var capturedOut = new java.io.ByteArrayOutputStream();
        var capturedErr = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(capturedOut, true, java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(capturedErr, true, java.nio.charset.StandardCharsets.UTF_8));
        try (MainLogging m = MainLogging.use(notAFolder)) {
            LoggerFactory.getLogger("com.gatewaywizard.cli.Test").info("a line with nowhere to go");
            LoggerFactory.getLogger("com.gatewaywizard.cli.Test").info("and another");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", capturedOut.toString(java.nio.charset.StandardCharsets.UTF_8));
        String e = capturedErr.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, e.lines().filter(l -> l.contains("cannot be written; continuing without it")).count(), e);
    }

    @Test
    void theLogFileIsUnderTheDataFolder() {
        assertEquals(AppInfo.dataDir().resolve("logs").resolve("gateway-wizard.log"), Logging.logFile());
    }

    @Test
    void theMainConfigurationWritesARedactedRollingFileAndNothingToStdout(@TempDir Path home) throws Exception {
        try (MainLogging m = MainLogging.use(home)) {
            Logger root = MainLogging.context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            List<Appender<?>> appenders = new ArrayList<>();
            for (Iterator<? extends Appender<?>> it = root.iteratorForAppenders(); it.hasNext();) {
                appenders.add(it.next());
            }
            assertEquals(1, appenders.size(), "one appender: the file");
            RollingFileAppender<?> file = (RollingFileAppender<?>) appenders.get(0);
            assertEquals(home.resolve("logs").resolve("gateway-wizard.log").toString(), file.getFile());
            FixedWindowRollingPolicy policy = (FixedWindowRollingPolicy) file.getRollingPolicy();
            assertEquals(3, policy.getMaxIndex(), "a few old files are kept");
            assertFalse(appenders.stream().anyMatch(a -> a instanceof ConsoleAppender), "no console appender");

            org.slf4j.Logger ours = LoggerFactory.getLogger("com.gatewaywizard.cli.Test");
            ours.info("signed in with header Bearer abcdefghijklmnop0123 and token {}", PAT);
            ours.debug("a debug line that INFO does not write");
            LoggerFactory.getLogger("com.azure.core.http.policy.HttpLoggingPolicy").error("{\"password\":\"x\"} body line");
            LoggerFactory.getLogger("com.azure.resourcemanager.Foo").info("an SDK info line");
            Logging.setVerbose(true);
            ours.debug("a debug line that --verbose writes");
            Logging.setVerbose(false);
            ours.warn("failed", new IllegalStateException("server said Bearer zyxwvutsrqponmlk9876"));

            String log = Files.readString(Logging.logFile());
            assertTrue(log.contains("signed in with header Bearer *** and token dckr_pat_***"), log);
            assertFalse(log.contains(PAT) || log.contains("abcdefghijklmnop0123") || log.contains("zyxwvutsrqponmlk9876"), log);
            assertTrue(log.contains("IllegalStateException"), "stack traces go to the file: " + log);
            assertFalse(log.contains("that INFO does not write"), log);
            assertTrue(log.contains("a debug line that --verbose writes"), log);
            assertFalse(log.contains("body line"), "azure-core's HTTP logger is off: " + log);
            assertFalse(log.contains("an SDK info line"), "the SDK logs warnings only: " + log);
        }
        assertEquals(Level.INFO, ((Logger) LoggerFactory.getLogger("com.gatewaywizard")).getLevel(), "test config back");
    }

    /**
     * Without the tests' logback-test.xml (the app's own class path), logback takes its configuration from
     * {@link Logging.Configure} through META-INF/services: a redacted line lands in the data folder's file, nothing on
     * stdout, and logback's XML configurator is never loaded.
     */
    @Test
    void theAppsOwnClassPathIsConfiguredInCodeWithoutLogbacksXmlParser(@TempDir Path tmp) throws Exception {
        String classes = probe(tmp);
        assertTrue(classes.contains("com.gatewaywizard.Logging$Configure"), "our configurator ran");
        assertFalse(classes.contains("ch.qos.logback.classic.joran.JoranConfigurator"), "no XML configuration");
    }

    /**
     * The launcher's binding ({@link Logging.Provider}) gives the same file, levels and redaction without logback's
     * start-up search: its context initializer (service loader, resource probes, version checks) never runs.
     */
    @Test
    void theLaunchersBindingConfiguresTheSameWithoutLogbacksSearch(@TempDir Path tmp) throws Exception {
        String classes = probe(tmp, "-Dslf4j.provider=com.gatewaywizard.Logging$Provider", "-Dslf4j.internal.verbosity=WARN");
        assertTrue(classes.contains("com.gatewaywizard.Logging$Provider "), "our binding ran");
        assertFalse(classes.contains("ch.qos.logback.classic.util.ContextInitializer "), "logback's search ran");
        assertFalse(classes.contains("ch.qos.logback.classic.spi.LogbackServiceProvider "), "logback's binding ran");
    }

    /** Runs a probe on the app's own class path (with {@code jvmArgs}); checks its log; gives the classes it loaded. */
    private static String probe(Path tmp, String... jvmArgs) throws Exception {
        String cp = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Path probe = Files.writeString(tmp.resolve("Probe.java"), """
                public class Probe {
                    public static void main(String[] a) {
                        org.slf4j.LoggerFactory.getLogger("com.gatewaywizard.cli.Probe").info("probe line with token " + a[0]);
                        org.slf4j.LoggerFactory.getLogger("com.azure.Foo").info("an SDK info line");
                        org.slf4j.LoggerFactory.getLogger("com.gatewaywizard.cli.Probe").warn("failed", new IllegalStateException("boom"));
                    }
                }
                """);
        Path home = tmp.resolve("home");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-Xlog:class+load=info:file=" + tmp.resolve("classes.txt"),
                "-Dgatewaywizard.home=" + home));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", cp, probe.toString(), PAT));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertEquals("", out, "nothing on stdout");
        assertFalse(err.contains("SLF4J"), "SLF4J had something to say: " + err);
        String log = Files.readString(home.resolve("logs").resolve(Logging.LOG_FILE_NAME));
        assertTrue(log.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main\\] "
                + "com\\.gatewaywizard\\.cli\\.Probe - probe line with token dckr_pat_\\*\\*\\*\\R.*"), log);
        assertTrue(log.contains("WARN  [main] com.gatewaywizard.cli.Probe - failed") && log.contains("java.lang.IllegalStateException: boom")
                && log.contains("\tat Probe.main"), log);
        assertFalse(log.contains(PAT) || log.contains("an SDK info line"), log);
        if (Files.getFileStore(home).supportsFileAttributeView("posix")) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(home.resolve("logs"))), "the log folder is owner-only");
        }
        return Files.readString(tmp.resolve("classes.txt"));
    }
}
