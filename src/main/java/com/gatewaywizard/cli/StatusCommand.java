package com.gatewaywizard.cli;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.cli.Commands.UsageException;
import java.util.ArrayList;
import java.util.List;

/** {@code gateway-wizard status NAME}: one gateway's state, containers, events, and what a failure means. */
public final class StatusCommand extends AzureCommand {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "show a gateway's state, container runs, events and what went wrong";
    }

    @Override
    public String usage() {
        return usage("""
                Usage: gateway-wizard status NAME [--subscription ID|NAME] [--resource-group RG] [--json] [Azure options]

                Shows the gateway's group state, provisioning state, IP, image, the current and previous container run
                (exit code, restart count) and the events, newest first. A warning event (a failed image pull, a crash
                loop) is explained in plain words with the next step. Without --resource-group the gateway is found by
                name among your gateways.
                Example: gateway-wizard status keeper-gateway --cloud simulator=http://127.0.0.1:8443
                """);
    }

    @Override
    Flags flags() {
        return new Flags().positionals();
    }

    @Override
    Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets) throws UsageException {
        String name = name(f);
        return Plan.run(session -> {
            GatewayStatus s = session.gatewayStatus(name);
            List<Explanation> problems = problems(s);
            if (options.json()) {
                var o = Json.status(s);
                var a = o.putArray("problems");
                problems.forEach(x -> a.add(Json.explanation(x)));
                console.out().println(Json.text(o));
            } else {
                Human.status(s, problems).forEach(console.out()::println);
            }
            return OK;
        });
    }

    /** When the gateway is not running well (or its last run crashed): the newest warning event, explained. */
    static List<Explanation> problems(GatewayStatus s) {
        List<Explanation> out = new ArrayList<>();
        // A crash loop is Running between two restarts: a previous run that failed counts as unhealthy too.
        boolean crashed = s.restartCount() > 0 && s.previous() != null && s.previous().exitCode() != null
                && s.previous().exitCode() != 0;
        boolean healthy = !crashed && s.running() && (s.current() == null || "Running".equalsIgnoreCase(s.current().state()));
        if (healthy || s.stopped()) {
            return out;
        }
        for (EventInfo e : s.events()) {
            if ("Warning".equalsIgnoreCase(e.type())) {
                out.add(AzureProblems.explainEvent(e));
                break;
            }
        }
        return out;
    }
}
