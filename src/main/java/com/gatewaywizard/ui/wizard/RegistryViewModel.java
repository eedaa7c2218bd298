package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.spec.SecretInput;

/**
 * Step 4: Docker Hub username and read-only access token. Azure pulls keeper/gateway anonymously otherwise, and
 * anonymous pulls from Azure's shared addresses hit Docker Hub's rate limit (429, often shown as "Manifest unknown").
 */
public final class RegistryViewModel extends StepViewModel {
    public static final String TOKENS_URL = "https://app.docker.com/settings/personal-access-tokens";

    public RegistryViewModel(WizardModel model) {
        super(model, "dockerUser", "dockerPat");
    }

    @Override
    public String id() {
        return "registry";
    }

    /** What a paste into the token field becomes: spaces, newlines and quotes copied around a token removed. */
    public static String cleanPaste(String pasted) {
        return SecretInput.clean(pasted);
    }
}
