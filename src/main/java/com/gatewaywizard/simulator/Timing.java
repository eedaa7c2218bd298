package com.gatewaywizard.simulator;

/**
 * How long things take. Durations are given at speed 1 (a demo-friendly pace: a group reaches Running about 3 s after
 * its PUT) and divided by the speed. Speed 0 means instant: provisioning steps take no time at all, while recurring
 * processes (heartbeats, crash-loop back-off, retried pulls, a script's {@code sleep}) run 100 times faster than at
 * speed 1, so they still have an order in time and cannot spin.
 */
final class Timing {
    /** Speed used for recurring processes when speed is 0 (instant). */
    static final double INSTANT_LOOP_SPEED = 100;

    // Base durations in milliseconds at speed 1.
    static final long ALLOCATE_PUBLIC = 1000;
    static final long ALLOCATE_VNET = 1500;
    static final long PULL = 1000;
    static final long START = 500;
    static final long RESTART = 500;
    static final long DELETE_VNET = 1000;
    static final long SUBNET_UPDATE = 1000;
    static final long PROVIDER_REGISTRATION = 2000;
    /** ACI's provisioningTimeoutInSeconds is 1800; at our pace the give-up comes after 30 s. */
    static final long PROVISIONING_TIMEOUT = 30_000;

    static final long PULL_FAIL = 800;
    static final long PULL_BACKOFF_FIRST = 1000;
    static final long PULL_BACKOFF_MAX = 10_000;
    /** A container with a bad configuration runs this long before it exits with code 1. */
    static final long CRASH_RUN = 1500;
    /** Kubernetes' crash-loop back-off (10 s doubling to 300 s), at our pace. */
    static final long CRASH_BACKOFF_FIRST = 1000;
    static final long CRASH_BACKOFF_MAX = 30_000;
    static final long HEARTBEAT = 10_000;
    /** Gap between the gateway's start-up lines. */
    static final long LOG_STEP = 150;

    private final double speed;
    private final int stepFactor;

    Timing(double speed, int stepFactor) {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0: " + speed);
        }
        this.speed = speed;
        this.stepFactor = stepFactor;
    }

    double speed() {
        return speed;
    }

    boolean instant() {
        return speed == 0;
    }

    /** A one-shot provisioning step: zero when instant; multiplied by the scenario's slow-down factor. */
    long step(long baseMillis) {
        return speed == 0 ? 0 : Math.round(baseMillis * stepFactor / speed);
    }

    /** A step of a recurring process: never zero, so loops progress in time. At least 1 ms. */
    long loop(long baseMillis) {
        double s = speed == 0 ? INSTANT_LOOP_SPEED : speed;
        return Math.max(1, Math.round(baseMillis / s));
    }

    /** Exponential back-off step n (0-based): first * 2^n, capped. */
    long backoff(long first, long max, int n) {
        long base = first << Math.min(n, 20);
        return loop(Math.min(base, max));
    }
}
