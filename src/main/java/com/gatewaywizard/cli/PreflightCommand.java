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

    /** The --subscription line of preflight and deploy: the subscription the gateway goes to. */
    static final String TARGET_SUBSCRIPTION_USAGE = """
              --subscription ID|NAME     the subscription to deploy to: its id, or its name as 'az account list' shows
                                         it, looked up after signing in (default: the one in --subnet-id)
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

                """ + optionsAndExample(name()), TARGET_SUBSCRIPTION_USAGE);
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

    /** A failure before any check (a --subscription no one has, Azure not signed in to): nothing was checked or added. */
    @Override
    com.fasterxml.jackson.databind.node.ObjectNode failureJson() {
        var o = Json.object().put("ok", false).put("azureChecked", false);
        new Checked(List.of(), false).putDelegation(o);
        return o;
    }

    /** Render's flags and --delegate-subnet: what preflight and deploy accept. */
    static Flags specAndDelegateFlags() {
        return RenderCommand.specFlags(new Flags()).bool("--delegate-subnet");
    }

    @Override
    Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets) throws UsageException {
        RenderCommand.Input input = input(f, secrets);
        List<Problem> local = localProblems(f, input, options);
        if (Problem.anyError(local)) {
            print(console, options.json(), local, false);
            return Plan.exit(PROBLEM);
        }
        boolean delegate = f.flag("--delegate-subnet");
        return Plan.run(session -> {
            RenderCommand.Input target = resolved(session, f, input);
            List<Problem> given = target == input ? local : localProblems(f, target, options, false);
            if (Problem.anyError(given)) {
                print(console, options.json(), new Checked(given, false), false, "Azure's checks were not run");
                return PROBLEM;
            }
            Checked checked = check(session, target.spec(), given, delegate, console);
            print(console, options.json(), checked, true);
            console.out().flush();
            delegationHint(checked.problems(), console);
            return Problem.anyError(checked.problems()) ? PROBLEM : OK;
        });
    }

    /**
     * An id, or one mistyped: hex digits and dashes (in braces or spaces) nearly as long as an id. Anything else is a
     * display name, even one of hex letters only ("Cafe").
     */
    private static final java.util.regex.Pattern ID_LIKE = java.util.regex.Pattern.compile("[{\\s]*[0-9A-Fa-f-]{30,}[}\\s]*");

    /** A --subscription given as a display name rather than an id (looked up after sign-in), or null. */
    static String subscriptionName(Flags.Parsed f) {
        String v = f.value("--subscription", "").strip();
        return v.isEmpty() || ID_LIKE.matcher(v).matches() ? null : v;
    }

    /**
     * The input as preflight and deploy read it. A --subscription name stands for the subscription of --subnet-id
     * until {@link #resolved} looks it up, so the checks before sign-in do not take the name for a malformed id.
     */
    static RenderCommand.Input input(Flags.Parsed f, SecretSources secrets) throws UsageException {
        return RenderCommand.input(f, secrets, subscriptionName(f) == null);
    }

    /** Signed in: the input in the subscription a --subscription name means, else the input as it is. */
    static RenderCommand.Input resolved(AzureSession session, Flags.Parsed f, RenderCommand.Input input) throws CliProblem {
        String name = subscriptionName(f);
        return name == null ? input : input.inSubscription(session.subscription(name).id());
    }

    /** The input's own problems, as preflight and deploy print them before sign-in. */
    static List<Problem> localProblems(Flags.Parsed f, RenderCommand.Input input, AzureOptions options) {
        return localProblems(f, input, options, subscriptionName(f) != null);
    }

    /**
     * The input's own problems; with {@code subscriptionPending} (a --subscription name not looked up yet) without
     * the subscription's, which are checked once {@link #resolved} has the id.
     */
    static List<Problem> localProblems(Flags.Parsed f, RenderCommand.Input input, AzureOptions options,
            boolean subscriptionPending) {
        boolean simulator = options.cloud() == com.gatewaywizard.azure.CloudKind.SIMULATOR;
        List<Problem> out = TrainingConfigCommand.trainingToken(RenderCommand.problems(f, input, true, true), input.spec(),
                simulator ? TrainingConfigCommand.Target.SIMULATOR : TrainingConfigCommand.Target.AZURE);
        return subscriptionPending ? out.stream().filter(p -> !p.field().equals("subscriptionId")).toList() : out;
    }

    /** What preflight found, and whether it added the subnet's delegation on the way (--delegate-subnet). */
    record Checked(List<Problem> problems, boolean delegated) {
        /** How much was changed, for a summary line: "nothing was changed" or what was. */
        String changed() {
            return delegated ? "only the subnet's delegation to Microsoft.ContainerInstance/containerGroups was added"
                    : "nothing was changed";
        }

        /**
         * The --json fields about the delegation: {@code delegationAdded}, true only when this run added it
         * (--delegate-subnet); false says nothing about the subnet, whose state is in the problems
         * (SUBNET_NOT_DELEGATED). {@code subnetDelegated} is the same value under its first name, kept for scripts
         * that read it.
         */
        void putDelegation(com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.put("delegationAdded", delegated).put("subnetDelegated", delegated);
        }
    }

    /**
     * Azure's preflight merged with the local problems. With {@code delegate}, a subnet that lacks the ACI delegation
     * gets it (a PUT of that subnet only) and the checks run again; without, a hint says how.
     */
    static Checked check(AzureSession session, GatewaySpec spec, List<Problem> local, boolean delegate, Console console) {
        TrainingConfigCommand.Target target = session.options().cloud() == com.gatewaywizard.azure.CloudKind.SIMULATOR
                ? TrainingConfigCommand.Target.SIMULATOR : TrainingConfigCommand.Target.AZURE;
        List<Problem> all = merge(local, TrainingConfigCommand.trainingToken(session.services().preflight().run(spec), spec, target));
        boolean undelegated = all.stream().anyMatch(p -> p.code().equals(SUBNET_NOT_DELEGATED));
        if (undelegated && delegate) {
            console.err().println("adding the delegation to Microsoft.ContainerInstance/containerGroups to subnet "
                    + spec.subnetId() + " (only this subnet changes)\u2026");
            session.services().catalog().delegateSubnet(spec.subnetId());
            console.err().println("the subnet is delegated; checking again");
            return new Checked(merge(local, TrainingConfigCommand.trainingToken(session.services().preflight().run(spec), spec,
                    target)), true);
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
        print(console, json, checked, azureChecked, "Azure was not asked");
    }

    /** {@code unchecked}: why Azure's checks are missing when {@code azureChecked} is false. */
    private static void print(Console console, boolean json, Checked checked, boolean azureChecked, String unchecked) {
        PrintStream out = console.out();
        List<Problem> problems = checked.problems();
        boolean errors = Problem.anyError(problems);
        boolean unreachable = azureChecked
                && problems.stream().anyMatch(p -> p.code().equals(com.gatewaywizard.spec.ProblemCodes.AZURE_UNREACHABLE));
        if (unreachable) {
            azureChecked = false; // Azure's first call found no way to reach it: none of its checks ran
        }
        if (json) {
            var o = Json.object().put("ok", !errors).put("azureChecked", azureChecked);
            checked.putDelegation(o);
            o.set("problems", Json.problems(problems));
            out.println(Json.text(o));
            return;
        }
        problems.forEach(p -> out.println(CliWords.of(p)));
        String counts = counts(problems);
        if (errors) {
            out.println("preflight: " + counts + (unreachable ? " (Azure could not be reached, so its checks were not run)"
                    : azureChecked ? "" : " in the input (" + unchecked + ")")
                    + "; " + checked.changed());
        } else {
            out.println("preflight passed" + (counts.isEmpty() ? "" : " with " + counts) + ": ready to deploy"
                    + (checked.delegated() ? " (" + checked.changed() + ")" : ""));
        }
    }
}
