package com.gatewaywizard.cli;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.Logging;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The registry of CLI subcommands and the top-level {@code --help}/{@code --version} handling. */
public final class Commands {
    private Commands() {
    }

    /** Every subcommand, in the order {@code --help} lists them. */
    public static List<Command> all() {
        List<Command> list = new ArrayList<>();
        // Each command registers itself here.
        list.add(new RenderCommand());
        list.add(new ValidateCommand());
        list.add(new SimulatorCommand());
        list.add(new TrainingConfigCommand());
        list.add(new PreflightCommand());
        list.add(new DeployCommand());
        list.add(new ListCommand());
        list.add(new StatusCommand());
        list.add(new LogsCommand());
        list.add(LifecycleCommand.start());
        list.add(LifecycleCommand.stop());
        list.add(LifecycleCommand.restart());
        list.add(new DeleteCommand());
        return List.copyOf(list);
    }

    public static Optional<Command> find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append(AppInfo.NAME).append(' ').append(AppInfo.version())
                .append(" \u2014 deploy and manage Keeper Gateways on Azure Container Instances\n\n")
                .append("Usage:\n");
        sb.append(columns(List.of(
                new String[] {"gateway-wizard", "open the desktop app"},
                new String[] {"gateway-wizard --simulator", "open the desktop app on the built-in Azure simulator"},
                new String[] {"gateway-wizard --simulator=URL",
                        "open the desktop app on a running 'gateway-wizard simulator' (the URL it printed)"},
                new String[] {"gateway-wizard --dashboard [--subscription S] [--resource-group RG]",
                        "open the desktop app on its gateway dashboard"},
                new String[] {"gateway-wizard --dark | --light",
                        "open the desktop app in a dark or light theme (default: the OS's)"},
                new String[] {"gateway-wizard COMMAND [options]", "run a command (COMMAND --help for its options)"})));
        sb.append("\nCommands:\n");
        List<String[]> commands = new ArrayList<>();
        for (Command c : all()) {
            commands.add(new String[] {c.name(), c.summary()});
        }
        sb.append(columns(commands));
        sb.append("\nOptions:\n")
                .append(columns(List.of(new String[] {"--help", "show this help"}, new String[] {"--version", "print the version"})))
                .append("\nExit codes: 0 ok, 1 problem found or operation failed, 2 usage error.\n")
                .append("Settings: ").append(AppInfo.dataDir()).append('\n')
                .append("Log file: ").append(Logging.logFile()).append(" (--verbose adds debug lines; secrets are never logged)\n");
        return sb.toString();
    }

    /** Widest left column before its text moves to a line of its own (the description then starts below it). */
    static final int MAX_LEFT = 36;

    /**
     * Two columns, indented by two spaces: each description starts at the same column, two spaces after the widest
     * left part that fits in {@link #MAX_LEFT}; a longer left part has its description on the next line, at that column.
     */
    static String columns(List<String[]> rows) {
        int width = 0;
        for (String[] r : rows) {
            if (r[0].length() <= MAX_LEFT) {
                width = Math.max(width, r[0].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append("  ").append(r[0]);
            if (r[0].length() > width) {
                sb.append('\n').append(" ".repeat(2 + width + 2));
            } else {
                sb.append(" ".repeat(width - r[0].length() + 2));
            }
            sb.append(r[1]).append('\n');
        }
        return sb.toString();
    }

    /**
     * Runs a CLI invocation whose first argument is a command name, {@code --help} or {@code --version}.
     *
     * @return the exit code
     */
    public static int run(List<String> args, Console console) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            console.out().print(help());
            return Command.OK;
        }
        if (args.get(0).equals("--version") || args.get(0).equals("-V")) {
            console.out().println(AppInfo.NAME + " " + AppInfo.version());
            return Command.OK;
        }
        Optional<Command> cmd = find(args.get(0));
        if (cmd.isEmpty()) {
            console.err().println("error: unknown command '" + args.get(0) + "'. Run 'gateway-wizard --help' for the list.");
            return Command.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            console.out().print(cmd.get().usage());
            return Command.OK;
        }
        try {
            return cmd.get().run(rest, console);
        } catch (UsageException e) {
            console.err().println("error: " + e.getMessage());
            console.err().println("Run 'gateway-wizard " + cmd.get().name() + " --help' for usage.");
            return Command.USAGE;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Never a stack trace, a class name or a library's internals for the user: a plain sentence and where
            // the details are. Messages of our exceptions never carry secrets, so the log may keep them.
            org.slf4j.LoggerFactory.getLogger(Commands.class).debug("unexpected error in '{}'", cmd.get().name(), e);
            console.err().println(unexpectedError(cmd.get().name()));
            return Command.PROBLEM;
        }
    }

    /** What the user sees for a fault no command anticipated: no class name, no internals; the log file's place. */
    static String unexpectedError(String command) {
        return "error: 'gateway-wizard " + command + "' stopped on an unexpected error; nothing more can be said here."
                + " The details are in the log file " + com.gatewaywizard.Logging.logFile()
                + " \u2014 try again, and report it with that file if it happens again";
    }

    /** Thrown by commands for a usage error; its message is shown to the user, then exit code 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
