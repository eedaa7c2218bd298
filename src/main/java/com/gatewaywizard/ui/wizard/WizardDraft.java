package com.gatewaywizard.ui.wizard;

/**
 * What the draft file keeps of the wizard: every input except the two secrets, and whether the user opted in to keep
 * those in the OS keychain (the choice, never the secrets).
 */
public record WizardDraft(String subscriptionId, String resourceGroup, String region, String subnetId, String dockerUser,
        String name, String image, String cpu, String memoryGb, boolean debugLogging, String liveness, int instances,
        boolean rememberSecrets) {
}
