package com.gatewaywizard.cli;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.spec.Problem;
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
    }

    private CliWords() {
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
