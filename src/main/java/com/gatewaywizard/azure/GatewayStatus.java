package com.gatewaywizard.azure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard shows of one container group, from one GET with its instance view.
 *
 * @param pool           the pool's base name (tag {@code gateway-wizard-pool}, else the group name)
 * @param instance       1-based instance number in the pool (tag), 1 when unknown
 * @param managedByUs    tagged {@code managed-by: gateway-wizard}
 * @param state          the group's {@code instanceView.state} (Running, Pending, Stopped, Failed, …) or null
 * @param ip             private (or public) IP, or null
 * @param restartCount   the gateway container's restart count
 * @param events         group and container events, newest first
 * @param containerStarted when the current container run started, or null
 * @param registryUser   the Docker Hub user of the group's {@code imageRegistryCredentials} (Azure returns the
 *                       username, never the password), or null when it pulls anonymously
 */
public record GatewayStatus(GatewayRef ref, String pool, int instance, boolean managedByUs, String region,
        String subnetId, String image, double cpu, double memoryGb, String provisioningState, String state, String ip,
        int restartCount, ContainerStateInfo current, ContainerStateInfo previous, List<EventInfo> events,
        Map<String, String> tags, Instant createdAt, Instant containerStarted, Instant fetchedAt, String registryUser) {

    public GatewayStatus {
        events = events == null ? List.of() : List.copyOf(events);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A status with no registry user known. */
    public GatewayStatus(GatewayRef ref, String pool, int instance, boolean managedByUs, String region,
            String subnetId, String image, double cpu, double memoryGb, String provisioningState, String state, String ip,
            int restartCount, ContainerStateInfo current, ContainerStateInfo previous, List<EventInfo> events,
            Map<String, String> tags, Instant createdAt, Instant containerStarted, Instant fetchedAt) {
        this(ref, pool, instance, managedByUs, region, subnetId, image, cpu, memoryGb, provisioningState, state, ip,
                restartCount, current, previous, events, tags, createdAt, containerStarted, fetchedAt, null);
    }

    /** True while Azure is still moving the group (provisioning, pending, starting): poll fast. */
    public boolean transitioning() {
        String p = provisioningState == null ? "" : provisioningState;
        String s = state == null ? "" : state;
        return p.equalsIgnoreCase("Pending") || p.equalsIgnoreCase("Creating") || p.equalsIgnoreCase("Updating")
                || p.equalsIgnoreCase("Repairing") || p.equalsIgnoreCase("Deleting")
                || s.equalsIgnoreCase("Pending") || s.equalsIgnoreCase("Repairing") || s.isEmpty();
    }

    public boolean running() {
        return "Running".equalsIgnoreCase(state);
    }

    public boolean stopped() {
        return "Stopped".equalsIgnoreCase(state);
    }
}
