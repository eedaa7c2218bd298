package com.gatewaywizard.cli;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.LoggerFactory;

/** {@code gateway-wizard simulator}: runs the built-in Azure simulator until Ctrl-C or SIGTERM. */
public final class SimulatorCommand implements Command {

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public String summary() {
        return "run the built-in Azure (ARM) simulator on 127.0.0.1";
    }

    @Override
    public String usage() {
        return """
                Usage: gateway-wizard simulator [--port N] [--scenario NAME] [--speed X] [--state FILE] [--tls]
                       [--token-lifetime SECONDS] [--verbose]

                Serves the Azure Resource Manager calls Gateway Wizard, the Azure SDK and the Azure CLI make, on 127.0.0.1,
                with a seeded world (tenant %s, subscriptions "%s" and "%s", resource group %s with VNet %s).
                Prints "ARM simulator listening on URL" and serves until Ctrl-C or SIGTERM.

                Options:
                  --port N         TCP port on 127.0.0.1 (default 0: any free port)
                  --scenario NAME  faults to inject: %s (default: default)
                  --speed X        time scale: 1 = demo pace (Running ~3 s after create), 0 or "instant" = no delays,
                                   0.1 = ten times slower (default 1)
                  --state FILE     load the world from FILE and save it there on every change (atomically), so a demo
                                   survives a restart; secrets are never written. Where the file's folder
                                   cannot be written in, the simulator says so and does not start
                  --tls            serve HTTPS with a generated certificate for 127.0.0.1/localhost and print the CA's PEM path
                  --token-lifetime SECONDS
                                   how long the access tokens of its token endpoint last (default 3600); a request
                                   with an expired one gets ARM's 401 ExpiredAuthenticationToken (try 10 with --tls
                                   and a service principal sign-in to watch the app renew its token)
                  --verbose        log every request (method, path, status) to standard error and the log file

                Admin endpoints (no auth): GET /_simulator/health, GET|POST /_simulator/scenario, GET|DELETE /_simulator/requests,
                GET /_simulator/last-put/{subscription}/{resourceGroup}/{name} (the body of the last PUT, each secret
                shown as sha256:<hex of its SHA-256>), POST /_simulator/reset.
                """.formatted(SeedWorld.TENANT, SeedWorld.PRODUCTION_NAME, SeedWorld.TRAINING_NAME, SeedWorld.RESOURCE_GROUP,
                SeedWorld.VNET, Scenario.names());
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        SimulatorOptions options = parse(args);
        Thread hook = new Thread(() -> {
            // Ctrl-C / SIGTERM: ask serve() to close the server, and wait until it has (the JVM halts after hooks)
            stop.complete(null);
            try {
                stopped.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // halting anyway
            }
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return serve(options, verbose(args), console, stop);
        } finally {
            stopped.complete(null);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: nothing to remove
            }
        }
    }

    /** Starts the simulator, prints where it listens, and serves until {@code stop} completes. */
    static int serve(SimulatorOptions options, boolean verbose, Console console, CompletableFuture<Void> stop)
            throws Exception {
        setLogLevel(verbose);
        if (options.stateFile() != null) {
            String refusal = unwritableState(options.stateFile());
            if (refusal != null) {
                console.err().println("error: " + refusal);
                return PROBLEM;
            }
        }
        ArmSimulator started;
        try {
            started = ArmSimulator.start(options);
        } catch (java.net.BindException e) {
            console.err().println("error: port " + options.port() + " is in use \u2014 choose another --port, or 0 for any"
                    + " free port");
            return PROBLEM;
        } catch (com.gatewaywizard.simulator.StateFileException e) {
            console.err().println("error: " + e.getMessage());
            return PROBLEM;
        }
        try (ArmSimulator sim = started) {
            console.out().println("ARM simulator listening on " + sim.baseUrl());
            if (sim.caCertificate() != null) {
                console.out().println("CA certificate: " + sim.caCertificate());
            }
            console.out().println("Scenario " + options.scenario().cliName() + ", speed " + speedText(options.speed())
                    + (options.stateFile() != null ? ", state " + options.stateFile().toAbsolutePath() : "") + ". Ctrl-C stops it.");
            console.out().flush();
            try {
                stop.get();
            } catch (ExecutionException e) {
                // stop completed exceptionally: stop anyway
            }
        }
        console.out().println("ARM simulator stopped");
        console.out().flush();
        return OK;
    }

    /**
     * Why the simulator could not save its world in {@code stateFile} (its folder cannot be made or written in, as the
     * save needs: a temporary file beside it, then a rename), or null when it can. A world it cannot save would be
     * lost on a restart, which is what --state is for, so the simulator does not start.
     */
    static String unwritableState(Path stateFile) {
        Path file = stateFile.toAbsolutePath();
        Path dir = file.getParent();
        try {
            if (dir != null) {
                java.nio.file.Files.createDirectories(dir);
            }
            Path probe = java.nio.file.Files.createTempFile(dir, ".gateway-wizard-probe", ".tmp");
            java.nio.file.Files.delete(probe);
            if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isWritable(file)) {
                throw new java.io.IOException("the file is read-only");
            }
            return null;
        } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
            return "--state " + file + ": the simulator cannot save its world there (the folder " + dir
                    + " cannot be written in), so every change would be lost when it stops — give a --state file in"
                    + " a folder you can write, e.g. --state ~/gateway-wizard-world.json, or leave --state away to keep"
                    + " the world in memory only; the simulator was not started";
        }
    }

    private static String speedText(double speed) {
        return speed == 0 ? "instant" : speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
    }

    private static boolean verbose(List<String> args) {
        return args.contains("--verbose");
    }

    private static void setLogLevel(boolean verbose) {
        if (LoggerFactory.getLogger("com.gatewaywizard.simulator") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(verbose ? ch.qos.logback.classic.Level.DEBUG : ch.qos.logback.classic.Level.INFO);
        }
        if (verbose) {
            // the log file gets them anyway; --verbose is asked to show them, on stderr so stdout stays the URL lines
            com.gatewaywizard.Logging.alsoToStderr("com.gatewaywizard.simulator");
        }
    }

    /** A thousand times the demo pace is already instant to the eye; more only overflows the clock. */
    static final double MAX_SPEED = 1000;

    static SimulatorOptions parse(List<String> args) throws Commands.UsageException {
        Flags.Parsed f = new Flags().value("--port", "--scenario", "--speed", "--state", "--token-lifetime").bool("--tls", "--verbose").parse(args);
        SimulatorOptions o = SimulatorOptions.defaults();
        if (f.flag("--tls")) {
            o = o.withTls(true);
        }
        for (String option : List.of("--port", "--scenario", "--speed", "--state", "--token-lifetime")) {
            if (f.has(option)) {
                o = apply(o, option, f.value(option).orElseThrow());
            }
        }
        return o;
    }

    private static SimulatorOptions apply(SimulatorOptions o, String option, String value) throws Commands.UsageException {
        switch (option) {
            case "--port" -> {
                try {
                    int p = Integer.parseInt(value);
                    if (p < 0 || p > 65535) {
                        throw new NumberFormatException();
                    }
                    return o.withPort(p);
                } catch (NumberFormatException e) {
                    throw new Commands.UsageException("--port must be a number from 0 to 65535, not " + Flags.quoted(value));
                }
            }
            case "--scenario" -> {
                Scenario s = Scenario.parse(value).orElseThrow(() -> new Commands.UsageException(
                        "unknown scenario " + Flags.quoted(value) + "; known: " + Scenario.names()));
                return o.withScenario(s);
            }
            case "--speed" -> {
                if (value.toLowerCase(Locale.ROOT).equals("instant")) {
                    return o.withSpeed(0);
                }
                try {
                    double s = Double.parseDouble(value);
                    if (!(s >= 0 && s <= MAX_SPEED)) {
                        throw new NumberFormatException();
                    }
                    return o.withSpeed(s);
                } catch (NumberFormatException e) {
                    throw new Commands.UsageException("--speed must be a number from 0 to " + (int) MAX_SPEED + " or 'instant', not "
                            + Flags.quoted(value));
                }
            }
            case "--token-lifetime" -> {
                try {
                    long sec = Long.parseLong(value);
                    if (sec < 1 || sec > 86_400) {
                        throw new NumberFormatException();
                    }
                    return o.withTokenLifetime(java.time.Duration.ofSeconds(sec));
                } catch (NumberFormatException e) {
                    throw new Commands.UsageException("--token-lifetime must be a number of seconds from 1 to 86400, not "
                            + Flags.quoted(value));
                }
            }
            default -> {
                return o.withStateFile(Path.of(value));
            }
        }
    }
}
