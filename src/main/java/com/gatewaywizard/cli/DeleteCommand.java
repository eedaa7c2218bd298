package com.gatewaywizard.cli;

import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.cli.Commands.UsageException;

/** {@code gateway-wizard delete NAME --yes}: deletes one container group; refuses without {@code --yes}. */
public final class DeleteCommand extends AzureCommand {

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public String summary() {
        return "delete a gateway's container group (needs --yes)";
    }

    @Override
    public String usage() {
        return usage("""
                Usage: gateway-wizard delete NAME --yes [Azure options]

                Deletes the container group NAME. The gateway goes offline in Keeper until it is deployed again; the
                gateway config in Keeper, the VNet and the subnet are not touched. Nothing is deleted without --yes.
                For a pool, delete each instance (NAME, NAME-2, ...).
                Example: gateway-wizard delete keeper-gateway --yes --cloud simulator=http://127.0.0.1:8443
                """);
    }

    @Override
    Flags flags() {
        return new Flags().positionals().bool("--yes");
    }

    @Override
    Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets) throws UsageException {
        String name = name(f);
        if (!f.flag("--yes")) {
            throw new UsageException("delete removes the container group " + name + " and takes the gateway offline;"
                    + " add --yes to confirm: gateway-wizard delete " + name + " --yes");
        }
        return Plan.run(session -> {
            GatewayRef ref = session.gateway(name);
            session.services().control().delete(ref);
            if (options.json()) {
                console.out().println(Json.text(Json.object().put("name", ref.name()).put("resourceGroup", ref.resourceGroup())
                        .put("subscriptionId", ref.subscriptionId()).put("deleted", true)));
            } else {
                console.out().println("deleted " + ref.name() + " (resource group " + ref.resourceGroup() + ")");
            }
            return OK;
        });
    }
}
