package com.gatewaywizard.azure;

import java.util.List;
import java.util.Locale;

/** A subscription the account can see, in any of its tenants. {@code state} is ARM's text, e.g. {@code Enabled}. */
public record SubscriptionInfo(String id, String displayName, String tenantId, String state) {

    /**
     * The subscriptions of {@code subs} named {@code name} (spaces around either, and case, ignored): how the CLI's
     * {@code --subscription NAME} and the dashboard's {@code --dashboard --subscription NAME} find theirs. None or
     * several is the caller's to explain.
     */
    public static List<SubscriptionInfo> named(List<SubscriptionInfo> subs, String name) {
        String want = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return subs.stream().filter(s -> s.displayName() != null && s.displayName().strip().toLowerCase(Locale.ROOT).equals(want))
                .toList();
    }
}
