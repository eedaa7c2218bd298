package com.gatewaywizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.cli.Commands;
import com.gatewaywizard.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console c = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of());
        int code = Commands.run(List.of(args), c);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsOrAppFlagsOpenTheDesktopApp() {
        assertTrue(Launcher.opensApp(List.of()));
        assertTrue(Launcher.opensApp(List.of("--simulator")));
        assertTrue(Launcher.opensApp(List.of("--dashboard", "--subscription", "x")));
        assertFalse(Launcher.opensApp(List.of("--help")));
    }

    @Test
    void theDesktopAppsArgumentsAreCheckedBeforeTheWindowOpens() {
        assertEquals(null, Launcher.appArgumentProblem(List.of("--simulator", "--dashboard", "--subscription", "x",
                "--resource-group", "rg", "--scenario", "docker-rate-limit", "--dark", "--verbose")));
        assertEquals(null, Launcher.appArgumentProblem(List.of("--scenario=quota", "--resource-group=rg")));
        assertTrue(Launcher.appArgumentProblem(List.of("--simulator", "--scenario", "nope")).contains("unknown simulator scenario 'nope'"));
        assertTrue(Launcher.appArgumentProblem(List.of("--dashboard", "--subscription")).contains("--subscription needs a value"));
        assertTrue(Launcher.appArgumentProblem(List.of("--dashboard", "--resource-group", "--dark")).contains("--resource-group needs a value"));
        assertTrue(Launcher.appArgumentProblem(List.of("--simulator", "--bogus")).contains("unknown option '--bogus'"));
        assertEquals(null, Launcher.appArgumentProblem(List.of("--simulator=http://127.0.0.1:8443", "--dark")));
        assertEquals(null, Launcher.appArgumentProblem(List.of("--simulator", "https://127.0.0.1:8443")));
        assertTrue(Launcher.appArgumentProblem(List.of("--simulator=127.0.0.1:8443")).contains(
                "--simulator=URL needs the URL 'gateway-wizard simulator' printed"));
        assertTrue(Launcher.appArgumentProblem(List.of("--simulator", "localhost")).contains("--simulator=URL"));
        assertTrue(Launcher.opensApp(List.of("--simulator=http://127.0.0.1:8443")));
    }

    /** The installed launcher script picks the desktop app's AppCDS archive for exactly the app's flags. */
    @Test
    void theInstalledLauncherKnowsEveryDesktopAppFlag() throws Exception {
        String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("installer/linux/gateway-wizard-launch")).stream()
                .filter(l -> l.contains(") mode=app ;;")).findFirst().orElseThrow();
        for (String f : Launcher.APP_FLAGS) {
            assertTrue(line.contains(" " + f + " ") || line.contains(" " + f + "* ") || line.contains(" " + f + ")")
                    || line.contains(" " + f + "*)"), f + " in: " + line);
        }
    }

    /** Every flag the desktop app reads, as README and --help document it, opens the app when it comes first. */
    @Test
    void everyDocumentedDesktopAppFlagOpensTheApp() throws Exception {
        java.util.Set<String> flags = new java.util.TreeSet<>();
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("README.md")) + "\n" + Commands.help();
        java.util.regex.Pattern start = java.util.regex.Pattern.compile("gateway-wizard(?:\\.jar)? --");
        for (String line : text.split("\n")) {
            java.util.regex.Matcher at = start.matcher(line);
            if (at.find()) {
                String rest = line.substring(at.end() - 2).split("[`#]")[0];
                java.util.regex.Matcher f = java.util.regex.Pattern.compile("--[a-z][a-z-]*").matcher(rest);
                while (f.find()) {
                    flags.add(f.group());
                }
            }
        }
        flags.removeAll(List.of("--help", "--version"));
        assertTrue(flags.containsAll(List.of("--simulator", "--dark", "--light", "--dashboard")), flags.toString());
        for (String f : flags) {
            assertTrue(Launcher.opensApp(List.of(f)), f + " opens the desktop app");
        }
        assertFalse(Launcher.opensApp(List.of("render")));
    }

    @Test
    void helpListsEverySubcommandWithOneLine() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (var c : Commands.all()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + c.name() + " ") && l.contains(c.summary())),
                    "help lists " + c.name());
        }
        assertTrue(r.out().contains("--version"));
    }

    @Test
    void versionPrintsTheVersion() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Gateway Wizard "), r.out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown command 'frobnicate'"));
    }
}
