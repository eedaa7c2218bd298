package com.gatewaywizard.manifest;

import com.gatewaywizard.spec.Secret;

/**
 * How the two secrets of a gateway (the Docker Hub PAT and the gateway config) appear in an {@link ArmBody}.
 * The structure of the body never depends on the mode: only the two secret strings change, so a preview in
 * {@link #MASKED} mode shows exactly the body that {@link #FULL} mode deploys.
 */
public enum SecretMode {
    /** The real values: for the ARM request and for an owner-only "full" export file. */
    FULL,
    /** A fixed mask ({@link Secret#masked()}) for on-screen previews; an empty secret stays empty so a missing one shows. */
    MASKED,
    /** The seed's placeholders, so the file can be shared and filled in by someone else. */
    SHAREABLE;

    /** The seed's placeholder for the Docker Hub personal access token. */
    public static final String PAT_PLACEHOLDER = "<DOCKER_HUB_PAT_TOKEN>";
    /** The seed's placeholder for the base64 gateway configuration. */
    public static final String CONFIG_PLACEHOLDER = "<YOUR_BASE64_CONFIG_STRING>";

    String render(Secret secret, String placeholder) {
        return switch (this) {
            case FULL -> secret.reveal();
            case MASKED -> secret.masked();
            case SHAREABLE -> placeholder;
        };
    }

    /**
     * True when {@code value} stands in for a secret rather than being one: a template placeholder such as the
     * seed's {@code <DOCKER_HUB_PAT_TOKEN>}, or the {@link #MASKED} preview's mask.
     */
    public static boolean isStandIn(String value) {
        return value != null && (Placeholders.isWhole(value) || value.equals(Secret.of("x").masked()));
    }
}
