package com.gatewaywizard.azure;

import java.util.List;
import java.util.function.Consumer;

/**
 * Watching and operating gateways (container groups). Blocking network calls: call off the FX thread.
 */
public interface GatewayControl {
    /**
     * Our gateways (tagged {@code managed-by: gateway-wizard}) and any group running a {@code keeper/gateway} image,
     * in a subscription, or one resource group of it when {@code resourceGroup} is non-null; each with its instance
     * view, fetched in parallel (the list API has none). Sorted by pool, then instance.
     */
    List<GatewayStatus> list(String subscriptionId, String resourceGroup);

    /**
     * The container groups named {@code name} (any case) in the subscription (or the resource group) that are NOT
     * gateways by {@link #list}'s rule: neither tagged by Gateway Wizard nor running a Keeper Gateway image. Used to
     * say "it exists but is not ours" instead of "not found"; such groups are never operated on.
     */
    default List<GatewayRef> othersNamed(String subscriptionId, String resourceGroup, String name) {
        return List.of();
    }

    GatewayStatus status(GatewayRef ref);

    /**
     * The group {@code ref} names, in one GET: its status and whether it is a gateway by {@link #list}'s rule, or null
     * when Azure has no group of that name there (a 404; a missing resource group is thrown). For a command given the
     * exact group, this answers both
     * "is it ours to operate?" and "how is it?" without listing the resource group.
     */
    default Found find(GatewayRef ref) {
        return new Found(status(ref), true);
    }

    /** What {@link #find} found: the group's status, and whether it is a gateway (else it is never operated on). */
    record Found(GatewayStatus status, boolean gateway) {
    }

    /** The gateway container's log: the last {@code tail} lines (null = all), with ACI's timestamps if asked. */
    String logs(GatewayRef ref, Integer tail, boolean timestamps);

    /** A follower that returns only new lines on each poll and notices restarts. */
    LogFollower follow(GatewayRef ref, boolean timestamps);

    void start(GatewayRef ref);

    /** Stops (deallocates) the group; its IP may change on the next start. */
    void stop(GatewayRef ref);

    void restart(GatewayRef ref);

    void delete(GatewayRef ref);

    /**
     * Opens {@code command} (e.g. {@code /bin/bash}; exec takes one program and no arguments) in the gateway container.
     * Output is handed to {@code output} as it arrives; {@code onClosed} runs once when the session ends.
     */
    ConsoleSession console(GatewayRef ref, String command, int rows, int cols, Consumer<String> output, Runnable onClosed);
}
