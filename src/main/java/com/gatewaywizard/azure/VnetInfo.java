package com.gatewaywizard.azure;

import java.util.List;

public record VnetInfo(String id, String name, String resourceGroup, String location, List<String> addressPrefixes,
        List<SubnetInfo> subnets) {
    public VnetInfo {
        addressPrefixes = addressPrefixes == null ? List.of() : List.copyOf(addressPrefixes);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
    }
}
