package com.gatewaywizard.azure;

import java.util.List;

/**
 * What exists in Azure that the wizard lets the user choose from. Every method makes blocking network calls: call it
 * off the FX thread. Failures are thrown as the SDK's exceptions; {@link AzureProblems#explain(Throwable)} turns them
 * into plain words. Methods that wait (delegation, registration) stop with {@link InterruptedException} semantics
 * when their thread is interrupted (a cancelled JavaFX task interrupts it).
 */
public interface Catalog {
    List<ResourceGroupInfo> resourceGroups(String subscriptionId);

    ResourceGroupInfo createResourceGroup(String subscriptionId, String name, String region);

    /** Regions where Microsoft.ContainerInstance/containerGroups is offered, sorted by display name. */
    List<RegionInfo> aciRegions(String subscriptionId);

    /** Every VNet of the subscription with its subnets (prefix, delegation, users, NSG). */
    List<VnetInfo> networks(String subscriptionId);

    /** One subnet by its full ARM id. */
    SubnetInfo subnet(String subnetId);

    /**
     * Adds the delegation to {@code Microsoft.ContainerInstance/containerGroups} with a PUT of that subnet only
     * (never the whole VNet), waits until it has succeeded and returns the subnet as it now is.
     */
    SubnetInfo delegateSubnet(String subnetId);

    /** Largest standard Linux CPU / memory for one container group in the region. */
    RegionLimits limits(String subscriptionId, String region);

    /** ACI StandardCores quota in the region. */
    CoreUsage cores(String subscriptionId, String region);

    ProviderState providerState(String subscriptionId);

    /** Registers Microsoft.ContainerInstance and waits until it is Registered (or the thread is interrupted). */
    ProviderState registerProvider(String subscriptionId);
}
