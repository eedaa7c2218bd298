package com.gatewaywizard.cli;

import com.gatewaywizard.azure.DeployEvent;
import com.gatewaywizard.azure.DeployListener;
import com.gatewaywizard.azure.DeployResult;
import com.gatewaywizard.azure.InstanceResult;
import com.gatewaywizard.cli.Commands.UsageException;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * {@code gateway-wizard deploy}: render's flags, preflight first (an error stops it before anything is sent), then
 * every instance deployed with a progress line per step; exit 0 only when every instance is Running.
 */
public final class DeployCommand extends AzureCommand {

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    public String summary() {
        return "deploy a gateway (or a pool) to Azure Container Instances and wait until it is Running";
    }

    @Override
    public String usage() {
        return usage("""
                Usage: gateway-wizard deploy [render's options] [Azure options]

                Checks everything 'preflight' checks (an error stops the deploy before anything is sent), then creates
                the container group(s) with the body 'render --format json' prints, and prints a line per step and per
                container event (Accepted, Pulling, Pulled, Started, Running) for each instance. Running the same command
                again resumes or updates in place; it never creates duplicates. Ctrl-C stops sending.
                Exit code 0 only when every instance is Running; 1 when something failed (explained on stderr).
                With --json the progress lines go to stderr and the result to stdout.

                """ + PreflightCommand.optionsAndExample(name()), PreflightCommand.TARGET_SUBSCRIPTION_USAGE);
    }

    @Override
    Flags flags() {
        return PreflightCommand.specAndDelegateFlags();
    }

    @Override
    Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets) throws UsageException {
        RenderCommand.Input input = PreflightCommand.input(f, secrets);
        List<Problem> local = PreflightCommand.localProblems(f, input, options);
        local.forEach(p -> console.err().println(CliWords.of(p)));
        if (Problem.anyError(local)) {
            console.err().println("deploy stopped: the input has errors; nothing was sent to Azure");
            printStopped(console, options.json(), local, false);
            return Plan.exit(PROBLEM);
        }
        boolean delegate = f.flag("--delegate-subnet");
        return Plan.run(session -> {
            Set<String> printed = new HashSet<>();
            local.forEach(p -> printed.add(CliWords.of(p)));
            RenderCommand.Input target = PreflightCommand.resolved(session, f, input);
            List<Problem> given = local;
            if (target != input) {
                given = PreflightCommand.localProblems(f, target, options, false);
                given.stream().filter(p -> printed.add(CliWords.of(p))).forEach(p -> console.err().println(CliWords.of(p)));
                if (Problem.anyError(given)) {
                    console.err().println("deploy stopped: the input has errors; nothing was sent to Azure");
                    printStopped(console, options.json(), given, false);
                    return PROBLEM;
                }
            }
            GatewaySpec spec = target.spec();
            PreflightCommand.Checked checked = PreflightCommand.check(session, spec, given, delegate, console);
            List<Problem> remote = checked.problems();
            remote.stream().filter(p -> printed.add(CliWords.of(p))).forEach(p -> console.err().println(CliWords.of(p)));
            PreflightCommand.delegationHint(remote, console);
            if (Problem.anyError(remote)) {
                console.err().println("deploy stopped: preflight found " + PreflightCommand.counts(remote) + "; "
                        + (checked.delegated() ? checked.changed() + ", no container group was sent" : "nothing was sent to Azure"));
                printStopped(console, options.json(), remote, checked.delegated());
                return PROBLEM;
            }
            PrintStream progress = options.json() ? console.err() : console.out();
            DeployResult result = session.services().deployer().deploy(spec, progressPrinter(progress));
            return report(result, options.json(), console);
        });
    }

    /** One line per event: {@code HH:mm:ss NAME: step message}; parallel instances print whole lines. */
    static DeployListener progressPrinter(PrintStream out) {
        return e -> {
            String line = line(e);
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
    }

    static String line(DeployEvent e) {
        StringBuilder sb = new StringBuilder(Human.clock(e.at())).append("  ").append(e.instance()).append(": ");
        String msg = e.message() == null ? "" : e.message().strip();
        switch (e.step()) {
            case FAILED -> sb.append("FAILED: ").append(e.failure() != null ? CliWords.of(e.failure()) : msg);
            case CANCELLED -> sb.append("cancelled");
            case PROVISIONING -> sb.append("provisioning ").append(msg);
            case RUNNING -> sb.append(msg.toLowerCase(Locale.ROOT).startsWith("running") ? msg : "Running");
            case EXISTS -> sb.append(msg.isEmpty() ? "found an existing group of that name" : msg);
            case ACCEPTED -> sb.append(msg.isEmpty() ? "accepted by Azure" : msg);
            case EVENT -> {
                sb.append(msg);
                int colon = msg.indexOf(':');
                String meaning = colon > 0 ? CliWords.meaning("Warning", msg.substring(0, colon).strip(),
                        msg.substring(colon + 1).strip(), 1) : null;
                if (meaning != null) {
                    sb.append("\n          ").append(e.instance()).append(": means: ").append(meaning);
                }
            }
        }
        return sb.toString().stripTrailing();
    }

    /** With --json: deploy stopped by preflight (the input's or Azure's errors) before anything was created. */
    private static void printStopped(Console console, boolean json, List<Problem> problems, boolean delegated) {
        if (json) {
            var o = Json.object().put("allRunning", false).put("stoppedByPreflight", true);
            new PreflightCommand.Checked(problems, delegated).putDelegation(o);
            o.set("problems", Json.problems(problems));
            console.out().println(Json.text(o));
        }
    }

    /** A failure before preflight ran (a --subscription no one has, Azure not reached): nothing was sent. */
    @Override
    com.fasterxml.jackson.databind.node.ObjectNode failureJson() {
        var o = Json.object().put("ok", false).put("allRunning", false).put("stoppedByPreflight", false);
        new PreflightCommand.Checked(List.of(), false).putDelegation(o);
        return o;
    }

    private static int report(DeployResult result, boolean json, Console console) {
        if (json) {
            var o = Json.object().put("allRunning", result.allRunning());
            var a = o.putArray("instances");
            result.instances().forEach(r -> a.add(Json.instance(r)));
            console.out().println(Json.text(o));
        }
        for (InstanceResult r : result.instances()) {
            if (r.running()) {
                if (!json) {
                    console.out().println(r.name() + " is Running"
                            + (r.status() != null && r.status().ip() != null ? " at " + r.status().ip() : ""));
                }
            } else {
                String why = r.failure() != null ? CliWords.of(r.failure())
                        : "ended " + (r.status() != null && r.status().state() != null
                                ? r.status().state().toLowerCase(Locale.ROOT) : "without reaching Running");
                console.err().println("error: " + r.name() + ": " + why);
            }
        }
        if (!result.allRunning()) {
            console.err().println("Not every instance is Running. Fix the cause, then run the same deploy again: it resumes"
                    + " and never duplicates. 'gateway-wizard status NAME' shows the events.");
            return PROBLEM;
        }
        return OK;
    }
}
