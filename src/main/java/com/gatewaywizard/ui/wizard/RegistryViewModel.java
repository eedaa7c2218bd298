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

    /** The Docker Hub user {@link #useTrainingValues()} fills in. */
    public static final String TRAINING_USER = "trainee";
    private static final String TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    /**
     * Simulator only: a made-up Docker Hub user and a fresh random token in the dckr_pat_ shape, so the training run
     * needs no real account. Real Docker Hub refuses both; the button offering this shows only on the simulator.
     */
    public void useTrainingValues() {
        if (!model.context().simulatorProperty().get()) {
            return;
        }
        java.security.SecureRandom r = new java.security.SecureRandom();
        StringBuilder token = new StringBuilder("dckr_pat_");
        for (int i = 0; i < 27; i++) {
            token.append(TOKEN_CHARS.charAt(r.nextInt(TOKEN_CHARS.length())));
        }
        model.dockerUser.set(TRAINING_USER);
        model.dockerPat.set(token.toString());
    }

    /** What a paste into the token field becomes: spaces, newlines and quotes copied around a token removed. */
    public static String cleanPaste(String pasted) {
        return SecretInput.clean(pasted);
    }
}
