package com.gatewaywizard.azure;

import java.util.Objects;

/** One container group: subscription, resource group, name. */
public record GatewayRef(String subscriptionId, String resourceGroup, String name) {
    public GatewayRef {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(name, "name");
    }

    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.ContainerInstance/containerGroups/" + name;
    }
}
