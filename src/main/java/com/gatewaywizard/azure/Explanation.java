package com.gatewaywizard.azure;

/**
 * An Azure failure in plain words: {@code code} is ARM's (or ours), {@code title} a few words, {@code message} what
 * happened, {@code nextStep} what the user should do. Never carries a stack trace or a secret.
 */
public record Explanation(String code, String title, String message, String nextStep) {
    /** One line for the CLI: {@code title: message — next step}. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder(title);
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(message);
        }
        if (nextStep != null && !nextStep.isBlank()) {
            sb.append(" \u2014 ").append(nextStep);
        }
        return sb.toString();
    }
}
