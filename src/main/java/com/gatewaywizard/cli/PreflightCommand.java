package com.gatewaywizard.cli;

import com.gatewaywizard.cli.Commands.UsageException;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Severity;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code gateway-wizard preflight}: every check before a deploy (render's flags), read-only. The input's own rules run
 * first, with no Azure call; then Azure's side: provider, subnet and its delegation, name, region limits, quota, NSG.
 */
public final class PreflightCommand extends AzureCommand {

    /** Preflight's code for a subnet without the ACI delegation. */
    static final String SUBNET_NOT_DELEGATED = com.gatewaywizard.spec.ProblemCodes.SUBNET_NOT_DELEGATED;
    static final String DELEGATE_USAGE = """
              --delegate-subnet          if the subnet lacks the delegation to Microsoft.ContainerInstance/containerGroups,
                                         add it (a PUT of that subnet only, never the whole VNet; needs Network
                                         Contributor on the subnet), then check again
            """;

    @Override
    public String name() {
        return "preflight";
    }

    @Override
    public String summary() {
        return "check a gateway's settings and the Azure side before deploying (changes nothing, except the subnet with"
                + " --delegate-subnet)";
    }

    @Override
    public String usage() {
        return usage("""
                Usage: gateway-wizard preflight [render's options] [Azure options]

                Runs every check 'deploy' runs before it sends anything: the input (names, subnet id, CPU/memory, the
                gateway config, the Docker Hub credentials), then in Azure: the Microsoft.ContainerInstance provider, the
                subnet (exists, same subscription and region, delegated to Microsoft.ContainerInstance/containerGroups,
                not used by other resources), the name, the region's CPU/memory limits and core quota, and NSG rules
                that would block the Keeper region's endpoints. Read-only: nothing is changed (unless --delegate-subnet).
                Prints one line per problem: 'error CODE field: message \u2014 fix' (also warning, info).
                Exit code 1 when there is an error.

                """ + optionsAndExample(name()));
    }

    /** The options and the example of preflight and deploy, which take the same ones. */
    static String optionsAndExample(String command) {
        return RenderCommand.SPEC_USAGE.formatted("") + DELEGATE_USAGE + """

                Example:
                  gateway-wizard %s --cloud simulator=http://127.0.0.1:8443 --name keeper-gateway \\
                    --location westeurope --resource-group rg-keeper \\
                    --subnet-id /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keeper/providers/Microsoft.Network/virtualNetworks/vnet-keeper/subnets/aci-gateways \\
                    --docker-user mydockeruser --docker-pat-env DOCKER_PAT --gateway-config-file gateway-config.b64
                """.formatted(command);
    }

    @Override
    Flags flags() {
        return specAndDelegateFlags();
    }

    /** Render's flags and --delegate-subnet: what preflight and deploy accept. */
    static Flags specAndDelegateFlags() {
        return RenderCommand.specFlags(new Flags()).bool("--delegate-subnet");
    }

    @Override
    Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets) throws UsageException {
        GatewaySpec spec = RenderCommand.spec(f, secrets);
        List<Problem> local = localProblems(f, spec, options);
        if (Problem.anyError(local)) {
            print(console, options.json(), local, false);
            return Plan.exit(PROBLEM);
        }
        boolean delegate = f.flag("--delegate-subnet");
        return Plan.run(session -> {
            Checked checked = check(session, spec, local, delegate, console);
            print(console, options.json(), checked, true);
            console.out().flush();
            delegationHint(checked.problems(), console);
            return Problem.anyError(checked.problems()) ? PROBLEM : OK;
        });
    }

    /** The input's own problems, as preflight and deploy print them. */
    static List<Problem> localProblems(Flags.Parsed f, GatewaySpec spec, AzureOptions options) {
        return TrainingConfigCommand.trainingToken(RenderCommand.problems(f, spec, true, true), spec,
                options.cloud() == com.gatewaywizard.azure.CloudKind.SIMULATOR);
    }

    /** What preflight found, and whether it added the subnet's delegation on the way (--delegate-subnet). */
    record Checked(List<Problem> problems, boolean delegated) {
        /** How much was changed, for a summary line: "nothing was changed" or what was. */
        String changed() {
            return delegated ? "only the subnet's delegation to Microsoft.ContainerInstance/containerGroups was added"
                    : "nothing was changed";
        }
    }

    /**
     * Azure's preflight merged with the local problems. With {@code delegate}, a subnet that lacks the ACI delegation
     * gets it (a PUT of that subnet only) and the checks run again; without, a hint says how.
     */
    static Checked check(AzureSession session, GatewaySpec spec, List<Problem> local, boolean delegate, Console console) {
        boolean simulator = session.options().cloud() == com.gatewaywizard.azure.CloudKind.SIMULATOR;
        List<Problem> all = merge(local, TrainingConfigCommand.trainingToken(session.services().preflight().run(spec), spec, simulator));
        boolean undelegated = all.stream().anyMatch(p -> p.code().equals(SUBNET_NOT_DELEGATED));
        if (undelegated && delegate) {
            console.err().println("adding the delegation to Microsoft.ContainerInstance/containerGroups to subnet "
                    + spec.subnetId() + " (only this subnet changes)\u2026");
            session.services().catalog().delegateSubnet(spec.subnetId());
            console.err().println("the subnet is delegated; checking again");
            return new Checked(merge(local, TrainingConfigCommand.trainingToken(session.services().preflight().run(spec), spec,
                    simulator)), true);
        }
        return new Checked(all, false);
    }

    /** Printed after the problems it refers to, when the subnet still lacks the delegation. */
    static void delegationHint(List<Problem> all, Console console) {
        if (all.stream().anyMatch(p -> p.code().equals(SUBNET_NOT_DELEGATED))) {
            console.err().println("hint: add --delegate-subnet to let Gateway Wizard add the delegation (it changes only"
                    + " that subnet; needs Network Contributor on it)");
        }
    }

    /** "1 error, 2 warnings, 1 note": each severity counted under its own name; empty when there are none. */
    static String counts(List<Problem> problems) {
        List<String> parts = new ArrayList<>();
        for (Severity sev : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            long n = problems.stream().filter(p -> p.severity() == sev).count();
            String word = sev == Severity.ERROR ? "error" : sev == Severity.WARNING ? "warning" : "note";
            if (n > 0) {
                parts.add(n + " " + word + (n == 1 ? "" : "s"));
            }
        }
        return String.join(", ", parts);
    }

    /** The local problems, then Azure's that are not the same (the remote preflight re-runs the spec's rules). */
    static List<Problem> merge(List<Problem> local, List<Problem> remote) {
        Set<String> seen = new LinkedHashSet<>();
        List<Problem> out = new ArrayList<>();
        for (Problem p : local) {
            if (seen.add(CliWords.of(p))) {
                out.add(p);
            }
        }
        for (Problem p : remote) {
            if (seen.add(CliWords.of(p))) {
                out.add(p);
            }
        }
        return out;
    }

    private static void print(Console console, boolean json, List<Problem> problems, boolean azureChecked) {
        print(console, json, new Checked(problems, false), azureChecked);
    }

    private static void print(Console console, boolean json, Checked checked, boolean azureChecked) {
        PrintStream out = console.out();
        List<Problem> problems = checked.problems();
        boolean errors = Problem.anyError(problems);
        if (json) {
            var o = Json.object().put("ok", !errors).put("azureChecked", azureChecked).put("subnetDelegated", checked.delegated());
            o.set("problems", Json.problems(problems));
            out.println(Json.text(o));
            return;
        }
        problems.forEach(p -> out.println(CliWords.of(p)));
        String counts = counts(problems);
        if (errors) {
            out.println("preflight: " + counts + (azureChecked ? "" : " in the input (Azure was not asked)")
                    + "; " + checked.changed());
        } else {
            out.println("preflight passed" + (counts.isEmpty() ? "" : " with " + counts) + ": ready to deploy"
                    + (checked.delegated() ? " (" + checked.changed() + ")" : ""));
        }
    }
}
