package com.gatewaywizard.cli;

import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayControl;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.cli.Commands.UsageException;
import java.util.List;
import java.util.Objects;

/**
 * {@code gateway-wizard start|stop|restart NAME}: sends the action, then (unless {@code --no-wait}) follows the gateway
 * until it is Running (start, restart) or Stopped (stop). Exit 0 when it got there, 1 when it failed or timed out.
 * {@code gateway-wizard restart NAME} is the help-desk one-liner.
 */
public final class LifecycleCommand extends AzureCommand {
    /** The three actions. */
    enum Action {
        START("start", "start a stopped gateway and wait until it is Running", "started", "Running"),
        STOP("stop", "stop a gateway (deallocates it; billing stops) and wait until it is Stopped", "stopped", "Stopped"),
        RESTART("restart", "restart a gateway's container and wait until it is Running again", "restarted", "Running");

        final String word;
        final String summary;
        final String done;
        final String target;

        Action(String word, String summary, String done, String target) {
            this.word = word;
            this.summary = summary;
            this.done = done;
            this.target = target;
        }
    }

    /** Azure's code for a group that is still in its previous change. */
    static final String BUSY = "ContainerGroupTransitioning";

    private static final long RESTART_UNSEEN_NANOS = 20_000_000_000L;

    private final Action action;

    LifecycleCommand(Action action) {
        this.action = action;
    }

    static LifecycleCommand start() {
        return new LifecycleCommand(Action.START);
    }

    static LifecycleCommand stop() {
        return new LifecycleCommand(Action.STOP);
    }

    static LifecycleCommand restart() {
        return new LifecycleCommand(Action.RESTART);
    }

    @Override
    public String name() {
        return action.word;
    }

    @Override
    public String summary() {
        return action.summary;
    }

    @Override
    public String usage() {
        String extra = switch (action) {
            case STOP -> "Stopping deallocates the group: no charges while stopped; its private IP may change on the next start.\n";
            case RESTART -> "The help-desk one-liner: gateway-wizard restart NAME (a gateway that hangs, or after a config change"
                    + "\nin Keeper). The container restarts in place, with the same IP and the image pulled again.\n";
            case START -> "";
        };
        return usage("""
                Usage: gateway-wizard %s NAME [--no-wait] [--timeout SECONDS] [Azure options]

                %s%s
                  --no-wait          return once Azure accepted the action
                  --timeout SECONDS  how long to wait for %s (default 300)
                Example: gateway-wizard %s keeper-gateway --cloud simulator=http://127.0.0.1:8443
                """.formatted(action.word, Character.toUpperCase(action.summary.charAt(0)) + action.summary.substring(1) + ".\n",
                extra, action.target, action.word));
    }

    @Override
    Flags flags() {
        // --interval (seconds between status reads while waiting) is for tests
        return new Flags().positionals().value("--timeout", "--interval").bool("--no-wait");
    }

    @Override
    Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets) throws UsageException {
        String name = name(f);
        double timeout = f.number("--timeout", 300);
        double interval = f.number("--interval", 1);
        if (timeout <= 0 || interval <= 0) {
            throw new UsageException("--timeout needs a number of seconds above 0");
        }
        boolean wait = !f.flag("--no-wait");
        return Plan.run(session -> {
            // a restart is seen against the state before it; that GET also finds the gateway
            GatewayStatus before = action == Action.RESTART && wait ? session.gatewayStatus(name) : null;
            GatewayRef ref = before != null ? before.ref() : session.gateway(name);
            GatewayControl control = session.services().control();
            long sendDeadline = System.nanoTime() + (long) (timeout * 1e9);
            boolean told = false;
            while (true) {
                try {
                    switch (action) {
                        case START -> control.start(ref);
                        case STOP -> control.stop(ref);
                        case RESTART -> control.restart(ref);
                    }
                    break;
                } catch (RuntimeException e) {
                    // A group that just stopped or started is busy for a moment (Azure: ContainerGroupTransitioning);
                    // a command that waits anyway waits for that too, within --timeout.
                    if (!wait || !BUSY.equalsIgnoreCase(com.gatewaywizard.azure.AzureProblems.explain(e).code())
                            || System.nanoTime() > sendDeadline) {
                        throw e;
                    }
                    if (!told && !options.json()) {
                        console.err().println(ref.name() + " is still settling from its last change; trying to "
                                + action.word + " it again\u2026");
                        told = true;
                    }
                    Thread.sleep((long) (interval * 1000));
                }
            }
            if (!wait) {
                report(console, options.json(), ref, null, action.word + " accepted for " + ref.name(), null);
                return OK;
            }
            if (!options.json()) {
                console.err().println(action.word + " accepted for " + ref.name() + "; waiting until it is " + action.target + "\u2026");
            }
            long started = System.nanoTime();
            long deadline = started + (long) (timeout * 1e9);
            boolean sawTransition = false;
            GatewayStatus s;
            while (true) {
                s = control.status(ref);
                sawTransition |= !reached(s);
                // if Azure never shows the restart (no state change, same start time and count), accept after a while
                boolean settled = System.nanoTime() - started > RESTART_UNSEEN_NANOS;
                if (reached(s) && (before == null || sawTransition || restartedSince(before, s) || settled)) {
                    report(console, options.json(), ref, s, ref.name() + " " + action.done + ": " + Human.state(s)
                            + (s.ip() != null ? ", IP " + s.ip() : "") + ", restarts " + s.restartCount(), null);
                    return OK;
                }
                if ("Failed".equalsIgnoreCase(s.state()) || System.nanoTime() > deadline) {
                    List<Explanation> why = StatusCommand.problems(s);
                    Explanation x = why.isEmpty() ? null : why.get(0);
                    String msg = ref.name() + " is " + Human.state(s) + ", not " + action.target
                            + ("Failed".equalsIgnoreCase(s.state()) ? "" : " after " + Human.number(timeout) + " s");
                    report(console, options.json(), ref, s, null, msg + (x != null ? ": " + CliWords.of(x)
                            : " \u2014 see 'gateway-wizard status " + ref.name() + "' and 'gateway-wizard logs " + ref.name() + "'"));
                    return PROBLEM;
                }
                Thread.sleep((long) (interval * 1000));
            }
        });
    }

    private boolean reached(GatewayStatus s) {
        return action == Action.STOP ? s.stopped() : s.running() && !s.transitioning();
    }

    /** A restart can be too quick to see a non-running state: a new container start time or count shows it happened. */
    private static boolean restartedSince(GatewayStatus before, GatewayStatus now) {
        return now.restartCount() != before.restartCount()
                || (now.containerStarted() != null && !Objects.equals(now.containerStarted(), before.containerStarted()));
    }

    private void report(Console console, boolean json, GatewayRef ref, GatewayStatus s, String ok, String failure) {
        if (json) {
            var o = Json.object().put("name", ref.name()).put("resourceGroup", ref.resourceGroup())
                    .put("action", action.word).put("ok", failure == null);
            if (s != null) {
                o.put("state", s.state()).put("ip", s.ip()).put("restartCount", s.restartCount());
            }
            if (failure != null) {
                o.put("error", failure);
            }
            console.out().println(Json.text(o));
            if (failure != null) {
                console.err().println("error: " + failure);
            }
        } else if (failure == null) {
            console.out().println(ok);
        } else {
            console.err().println("error: " + failure);
        }
    }
}
