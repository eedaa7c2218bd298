package com.gatewaywizard.azure;

/** The simulator's tenant (its seeded world, README "Simulator"); kept here so the azure layer needs no simulator classes. */
final class SimulatorIds {
    static final String TENANT = "99999999-9999-9999-9999-999999999999";

    private SimulatorIds() {
    }
}
