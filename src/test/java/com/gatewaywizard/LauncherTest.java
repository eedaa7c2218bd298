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
