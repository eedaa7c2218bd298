package com.gatewaywizard;

import com.gatewaywizard.cli.Commands;
import com.gatewaywizard.cli.Console;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Entry point. A plain class (not a JavaFX {@code Application}) so the jar runs on the class path: CLI
 * subcommands run without touching JavaFX; with no subcommand, or only app flags, the desktop app opens.
 */
public final class Launcher {
    /** Flags that belong to the desktop app rather than a CLI command. */
    static final Set<String> APP_FLAGS = Set.of("--simulator", "--dashboard", "--subscription", "--resource-group",
            "--scenario", "--verbose", "--dark", "--light");

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (opensApp(list)) {
            Logging.setVerbose(list.contains("--verbose"));
            // Loaded by name so CLI runs never load JavaFX classes.
            try {
                Class.forName("com.gatewaywizard.ui.DesktopApp")
                        .getMethod("launchApp", String[].class)
                        .invoke(null, (Object) args);
            } catch (ReflectiveOperationException e) {
                System.err.println("error: the desktop app could not start: " + e);
                System.exit(1);
            }
            return;
        }
        int code = Commands.run(list, Console.system());
        System.exit(code);
    }

    /** True when the arguments ask for the desktop app: none, or only app flags (and their values). */
    static boolean opensApp(List<String> args) {
        if (args.isEmpty()) {
            return true;
        }
        String first = args.get(0);
        return APP_FLAGS.contains(first) || APP_FLAGS.stream().anyMatch(f -> first.startsWith(f + "="));
    }
}
