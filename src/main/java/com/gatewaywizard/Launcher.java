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
        // SLF4J's one binding named up front: else it opens every jar of the class path looking for one (ServiceLoader)
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "com.gatewaywizard.Logging$Provider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN"); // its INFO line says so on stderr
            }
        }
        List<String> list = Arrays.asList(args);
        if (opensApp(list)) {
            String problem = appArgumentProblem(list);
            if (problem != null) {
                System.err.println("error: " + problem);
                System.exit(2);
            }
            if (list.contains("--verbose")) {
                Logging.setVerbose(true); // INFO is the configured default: logging starts only when it is needed
            }
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
        System.out.flush();
        System.err.flush();
        com.gatewaywizard.azure.HttpThreads.releaseForExit(); // else the JVM's exit waits 0.3 s for them (see there)
        System.exit(code);
    }

    /** What is wrong with the desktop app's arguments (an unknown scenario, a flag without its value), or null. */
    static String appArgumentProblem(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            for (String f : List.of("--scenario", "--subscription", "--resource-group")) {
                if (a.equals(f) && (i + 1 >= args.size() || args.get(i + 1).startsWith("--"))) {
                    return f + " needs a value, e.g. " + f + (f.equals("--scenario") ? " docker-rate-limit" : f.equals(
                            "--subscription") ? " 11111111-1111-1111-1111-111111111111" : " rg-keeper");
                }
            }
            String scenario = a.startsWith("--scenario=") ? a.substring("--scenario=".length())
                    : a.equals("--scenario") && i + 1 < args.size() ? args.get(i + 1) : null;
            if (scenario != null && com.gatewaywizard.simulator.Scenario.parse(scenario).isEmpty()) {
                return "unknown simulator scenario '" + scenario + "'; use one of: "
                        + com.gatewaywizard.simulator.Scenario.names();
            }
            if (a.startsWith("--") && !a.contains("=") && !APP_FLAGS.contains(a)) {
                return "unknown option '" + a + "' for the desktop app; run 'gateway-wizard --help'";
            }
        }
        return null;
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
