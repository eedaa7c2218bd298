package com.gatewaywizard.ui;

/**
 * What the dashboard shows: one subscription (null = every subscription the session can see) and optionally one
 * resource group of it; {@code focus} names a gateway (pool or group name) to select first, or null.
 */
public record DashboardScope(String subscriptionId, String resourceGroup, String focus) {
    public static DashboardScope all() {
        return new DashboardScope(null, null, null);
    }
}
