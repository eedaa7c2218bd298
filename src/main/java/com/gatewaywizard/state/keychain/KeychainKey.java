package com.gatewaywizard.state.keychain;

import java.util.Locale;
import java.util.Objects;

/**
 * Which secret of which gateway pool: a pool is subscription + resource group + pool name (Azure compares those
 * case-insensitively, so the account name is lower case).
 */
public record KeychainKey(String subscriptionId, String resourceGroup, String pool, SecretKind kind) {
    public KeychainKey {
        subscriptionId = Objects.requireNonNullElse(subscriptionId, "").strip();
        resourceGroup = Objects.requireNonNullElse(resourceGroup, "").strip();
        pool = Objects.requireNonNullElse(pool, "").strip();
        Objects.requireNonNull(kind);
        if (subscriptionId.isEmpty() || resourceGroup.isEmpty() || pool.isEmpty()) {
            throw new IllegalArgumentException("a keychain entry needs the subscription, the resource group and the gateway name");
        }
    }

    /** The entry's account name: {@code <subscription>/<resource group>/<pool>/<kind>}, lower case. */
    public String account() {
        return (subscriptionId + "/" + resourceGroup + "/" + pool).toLowerCase(Locale.ROOT) + "/" + kind.id();
    }

    /** The label a keychain manager (Seahorse, Keychain Access) shows. */
    public String label() {
        return "Gateway Wizard: " + kind.words() + " of gateway " + pool + " (resource group " + resourceGroup + ")";
    }

    /** How messages name the entry: "the Docker Hub token of gateway gw-1". */
    String words() {
        return "the " + kind.words() + " of gateway " + pool;
    }
}
