package com.gatewaywizard.azure;

import java.util.List;

/**
 * A signed-in session: who, which cloud, and the services on it. Built by {@code Azure.connect(SignInRequest)}.
 * The SDK managers behind it are built once, lazily, off the caller's thread.
 */
public interface AzureServices extends AutoCloseable {
    CloudKind cloud();

    /** Who is signed in, for display: a user name, a service principal's client id, or "simulator". */
    String account();

    List<TenantInfo> tenants();

    /** Every subscription the account can see, across its tenants. */
    List<SubscriptionInfo> subscriptions();

    /**
     * Takes a subscription's tenant as known (from an earlier {@link #subscriptions} listing, kept by the caller), so
     * calls on it need no listing first. A wrong tenant makes Azure refuse the calls, as for any subscription.
     */
    default void knowSubscription(SubscriptionInfo subscription) {
    }

    Catalog catalog();

    Preflight preflight();

    Deployer deployer();

    GatewayControl control();

    /**
     * Builds the SDK clients ahead of their first use, in the background, without any HTTP call: for a long-lived
     * session (the desktop app after sign-in). One-shot commands skip it. Never blocks.
     */
    default void prepare() {
    }

    /** Forgets the saved sign-in (token cache and authentication record) and closes the session. */
    void signOut();

    @Override
    void close();
}
