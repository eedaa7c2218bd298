package com.gatewaywizard.azure;

/** Receives {@link DeployEvent}s as they happen, on the deploying thread(s): marshal to the FX thread yourself. */
@FunctionalInterface
public interface DeployListener {
    void onEvent(DeployEvent event);

    DeployListener NONE = e -> { };
}
