package com.gatewaywizard.azure;

import java.util.List;

/**
 * A subnet as the Network step and preflight see it.
 *
 * @param delegations service names the subnet is delegated to, e.g. {@code Microsoft.ContainerInstance/containerGroups}
 * @param usedBy      ids of resources other than container groups that use the subnet (NIC IP configurations,
 *                    other services' association links); a non-empty list means ACI cannot use it
 * @param nsgId       id of the network security group on the subnet, or null
 */
public record SubnetInfo(String id, String name, String vnetName, String resourceGroup, String location,
        String addressPrefix, List<String> delegations, List<String> usedBy, String nsgId) {

    public static final String ACI_DELEGATION = "Microsoft.ContainerInstance/containerGroups";

    public SubnetInfo {
        delegations = delegations == null ? List.of() : List.copyOf(delegations);
        usedBy = usedBy == null ? List.of() : List.copyOf(usedBy);
    }

    public boolean delegatedToAci() {
        return delegations.stream().anyMatch(ACI_DELEGATION::equalsIgnoreCase);
    }

    public boolean usedByOthers() {
        return !usedBy.isEmpty();
    }
}
