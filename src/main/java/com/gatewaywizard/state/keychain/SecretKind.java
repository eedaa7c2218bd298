package com.gatewaywizard.state.keychain;

/** What a keychain entry holds. The Docker Hub user name is not a secret: it is kept with the app's settings. */
public enum SecretKind {
    DOCKERHUB_PAT("dockerhub-pat", "Docker Hub token"),
    GATEWAY_CONFIG("gateway-config", "gateway config");

    private final String id;
    private final String words;

    SecretKind(String id, String words) {
        this.id = id;
        this.words = words;
    }

    /** The stable id used in the entry's account name. */
    public String id() {
        return id;
    }

    /** How a message names it ("Docker Hub token"). */
    public String words() {
        return words;
    }
}
