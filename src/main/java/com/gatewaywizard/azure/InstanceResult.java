package com.gatewaywizard.azure;

/** How one instance's deployment ended: running, or a failure explained. {@code status} is the last state read (may be null). */
public record InstanceResult(String name, boolean running, GatewayStatus status, Explanation failure) {
}
