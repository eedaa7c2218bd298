package com.gatewaywizard.ui.wizard;

/** The wizard's access to {@link com.gatewaywizard.keeper.TrainingConfig} (the generator lives outside the UI). */
final class TrainingConfig {
    private TrainingConfig() {
    }

    static String generate() {
        return com.gatewaywizard.keeper.TrainingConfig.generate();
    }
}
