package com.gatewaywizard.cli;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLI's wording of fixes written for the wizard: the shared rules (spec, azure) say "on the Network step"; a
 * CLI user needs the flag. Every Problem and Explanation the CLI prints goes through {@link #of}.
 */
final class CliWords {
    private static final Map<String, String> GUI_TO_CLI = new LinkedHashMap<>();

    static {
        GUI_TO_CLI.put("Choose a subscription after signing in, or paste its ID", "Give --subscription ID (or a --subnet-id that names it)");
        GUI_TO_CLI.put("Pick the subnet in the Network step, or copy its Resource ID", "Give --subnet-id with the subnet's Resource ID");
        GUI_TO_CLI.put("Pick the subnet from the list on the Network step instead of typing its id.",
                "Copy the subnet's Resource ID for --subnet-id (az network vnet subnet show --query id -o tsv).");
        GUI_TO_CLI.put("Pick the subnet from the list on the Network step.",
                "Give --subnet-id with an existing subnet's Resource ID (az network vnet subnet list --query [].id -o tsv).");
        GUI_TO_CLI.put("Let Gateway Wizard add the delegation on the Network step", "Add --delegate-subnet to preflight");
        GUI_TO_CLI.put("Choose a subnet on the Network step and deploy again.", "Give another --subnet-id and deploy again.");
        GUI_TO_CLI.put("Enter your Docker Hub username and a personal access token on the Registry step and deploy again.",
                "Give --docker-user and --docker-pat-file (a Docker Hub personal access token) and deploy again.");
        GUI_TO_CLI.put("Use the sizes the Options step allows.", "Use a --cpu and --memory that the region allows.");
        GUI_TO_CLI.put("Choose one of the subscriptions the wizard lists, or sign in to the tenant that holds it.",
                "Give a --subscription that 'gateway-wizard list' can see (az account list -o table), or sign in to the"
                        + " tenant that holds it (--tenant).");
        GUI_TO_CLI.put("Create it on the first step, or pick an existing one.",
                "Give an existing --resource-group, or create it: az group create -n <resource-group> -l <region>.");
        GUI_TO_CLI.put("Pick an existing resource group or create it on the first step.",
                "Give an existing --resource-group, or create it: az group create -n <resource-group> -l <region>.");
        GUI_TO_CLI.put("Choose one of the regions the wizard lists for Container Instances.",
                "Give a --location where Container Instances is offered (az provider show -n Microsoft.ContainerInstance"
                        + " --query \"resourceTypes[?resourceType=='containerGroups'].locations\").");
        GUI_TO_CLI.put("Choose one of the regions the wizard lists.",
                "Give a --location the subscription offers (az account list-locations -o table).");
        GUI_TO_CLI.put("Register it (Gateway Wizard offers to; needs Contributor on the subscription), wait a minute, then deploy again.",
                "Register it (az provider register -n Microsoft.ContainerInstance; needs Contributor on the subscription),"
                        + " wait a minute, then try again.");
        GUI_TO_CLI.put("Refresh the list.", "Run 'gateway-wizard list' to see what is there.");
        GUI_TO_CLI.put("Pick a subnet delegated to Container Instances, or an empty one the wizard can delegate.",
                "Give a --subnet-id delegated to Container Instances, or an empty one (preflight --delegate-subnet delegates it).");
        GUI_TO_CLI.put("Use the name the wizard suggests.", "Use the name the message suggests (lowercase letters, digits and single hyphens).");
        GUI_TO_CLI.put("(the wizard's Review step shows the manifest)", "(gateway-wizard render shows the manifest)");
    }

    /**
     * For an input that is missing, the CLI's fix is the flag to add (the shared rules say what to enter in the
     * wizard): one message per missing input, naming its flag.
     */
    private static final Map<String, String> MISSING_INPUT_FIX = Map.of(
            ProblemCodes.NAME_REQUIRED, "Add --name NAME, e.g. --name " + com.gatewaywizard.spec.Names.FALLBACK
                    + " (lowercase letters, digits and single hyphens).",
            ProblemCodes.REGION_REQUIRED, "Add --location REGION: the Azure region of your virtual network, e.g. --location westeurope.",
            ProblemCodes.RESOURCE_GROUP_REQUIRED, "Add --resource-group RG: the resource group the container group goes in,"
                    + " e.g. --resource-group rg-keeper.",
            ProblemCodes.SUBSCRIPTION_ID_REQUIRED, "Add --subscription ID (or give a --subnet-id, which names it;"
                    + " az account show --query id -o tsv prints yours).",
            ProblemCodes.SUBNET_ID_REQUIRED, "Add --subnet-id ID with the subnet's Resource ID (az network vnet subnet show"
                    + " -g <resource-group> --vnet-name <vnet> -n <subnet> --query id -o tsv).",
            ProblemCodes.DOCKER_USER_REQUIRED, "Add --docker-user USER (your Docker Hub username): without an account, Azure's"
                    + " anonymous pulls hit Docker Hub's rate limit (429 Too Many Requests).",
            ProblemCodes.DOCKER_PAT_REQUIRED, "Add --docker-pat-file FILE (or - for standard input) or --docker-pat-env VAR"
                    + " with a Read-only personal access token (hub.docker.com: Account settings \u2192 Personal access tokens).",
            ProblemCodes.GATEWAY_CONFIG_REQUIRED, "Add --gateway-config-file FILE (or - for standard input) or"
                    + " --gateway-config-env VAR with the base64 config of `pam gateway new -n \"<Gateway Name>\""
                    + " -a <Application Name or UID> -c b64`.");

    private CliWords() {
    }

    /** The flag-naming fix of a missing input's problem code, or null. */
    static String missingInputFix(String code) {
        return MISSING_INPUT_FIX.get(code);
    }

    /** GUI wording replaced by the CLI's (the flag to give). */
    static String cli(String text) {
        String t = text;
        for (Map.Entry<String, String> e : GUI_TO_CLI.entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        return t;
    }

    static String of(Problem p) {
        String fix = MISSING_INPUT_FIX.get(p.code());
        if (fix != null) {
            return new Problem(p.severity(), p.code(), p.field(), p.message(), fix).format();
        }
        return cli(p.format());
    }

    static String of(Explanation x) {
        return cli(x.oneLine());
    }

    /**
     * The plain-words meaning of a warning event's text (a 429 pull, a crash loop) for a line of its own, or null
     * when the event needs none. {@code text} is "Name: message" as the deployer reports it.
     */
    static String meaning(String type, String name, String message, int count) {
        Explanation x = AzureProblems.explainEvent(new EventInfo("", type, name, message, count, null, null));
        String code = x.code();
        boolean known = AzureProblems.DOCKER_RATE_LIMITED.equals(code) || AzureProblems.IMAGE_PULL_FAILED.equals(code)
                || AzureProblems.CRASH_LOOP.equals(code);
        return known ? of(x) : null;
    }
}
