package com.gatewaywizard.azure;

/** A subscription the account can see, in any of its tenants. {@code state} is ARM's text, e.g. {@code Enabled}. */
public record SubscriptionInfo(String id, String displayName, String tenantId, String state) {
}
