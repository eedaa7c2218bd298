package com.gatewaywizard.cli;

import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.cli.Commands.UsageException;
import java.util.List;

/** {@code gateway-wizard list}: the gateways in a subscription (or all you see), or in one resource group. */
public final class ListCommand extends AzureCommand {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list the gateways (container groups) with state, IP and restarts";
    }

    @Override
    public String usage() {
        return usage("""
                Usage: gateway-wizard list [--subscription ID|NAME] [--resource-group RG] [--json] [Azure options]

                Lists the gateways: container groups Gateway Wizard created (tagged managed-by: gateway-wizard) and any
                group running a keeper/gateway image, with state, IP, restart count and region. Without --subscription it
                looks in every subscription the account sees.
                Example: gateway-wizard list --cloud simulator=http://127.0.0.1:8443 --resource-group rg-keeper
                """);
    }

    @Override
    Flags flags() {
        return new Flags();
    }

    @Override
    Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets) throws UsageException {
        return Plan.run(session -> {
            List<GatewayStatus> gateways = session.listGateways();
            if (options.json()) {
                var a = Json.array();
                gateways.forEach(g -> a.add(Json.status(g)));
                console.out().println(Json.text(a));
                return OK;
            }
            if (gateways.isEmpty()) {
                console.out().println("No gateways found"
                        + (options.resourceGroup() != null ? " in resource group " + options.resourceGroup() : "") + ".");
                return OK;
            }
            boolean several = gateways.stream().map(g -> g.ref().subscriptionId()).distinct().count() > 1;
            Human.table(gateways, several).forEach(console.out()::println);
            return OK;
        });
    }
}
