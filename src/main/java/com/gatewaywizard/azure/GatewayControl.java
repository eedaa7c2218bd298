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

    GatewayStatus status(GatewayRef ref);

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
