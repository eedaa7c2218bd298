package com.gatewaywizard.azure;

/** The clouds Gateway Wizard can sign in to. {@link #SIMULATOR} is the built-in ARM simulator (no credential). */
public enum CloudKind {
    AZURE("Azure"),
    US_GOVERNMENT("Azure US Government"),
    CHINA("Azure China"),
    SIMULATOR("Training simulator");

    private final String displayName;

    CloudKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
