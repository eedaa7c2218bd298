package com.gatewaywizard.azure;

/** Incremental log reader of one gateway: each {@link #poll()} makes the ARM calls needed and returns new lines only. */
public interface LogFollower {
    LogChunk poll();

    /**
     * The same follow, continued through another session's control (the user signed in again): the next poll
     * returns only what this follower has not returned yet. The default starts over (the whole log again).
     */
    default LogFollower continueOn(GatewayControl control, GatewayRef ref, boolean timestamps) {
        return control.follow(ref, timestamps);
    }
}
