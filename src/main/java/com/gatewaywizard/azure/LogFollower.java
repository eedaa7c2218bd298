package com.gatewaywizard.azure;

/** Incremental log reader of one gateway: each {@link #poll()} makes the ARM calls needed and returns new lines only. */
public interface LogFollower {
    LogChunk poll();
}
