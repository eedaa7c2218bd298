package com.gatewaywizard.azure;

import java.util.List;

public record DeployResult(List<InstanceResult> instances) {
    public DeployResult {
        instances = List.copyOf(instances);
    }

    public boolean allRunning() {
        return !instances.isEmpty() && instances.stream().allMatch(InstanceResult::running);
    }
}
