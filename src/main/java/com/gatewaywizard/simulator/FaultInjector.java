package com.gatewaywizard.simulator;

import java.util.SplittableRandom;

/**
 * Decides, for the n-th ARM request, whether the scenario makes it fail. The pattern is fixed (a counter for
 * {@link Scenario#ARM_THROTTLE}, a seeded generator for {@link Scenario#FLAKY}) so a test sees the same failures on
 * every run; a flaky request never fails three times in a row, so the SDK's retries always get through.
 */
final class FaultInjector {
    enum Fault { NONE, THROTTLE, SERVER_ERROR, DROP }

    static final long FLAKY_SEED = 20_240_501L;
    private long count;
    private SplittableRandom random = new SplittableRandom(FLAKY_SEED);
    private int consecutive;
    private Scenario last;

    synchronized Fault next(Scenario scenario) {
        if (scenario != last) {
            // a fresh pattern for every switch, so a test that switches gets the documented sequence from its start
            last = scenario;
            count = 0;
            consecutive = 0;
            random = new SplittableRandom(FLAKY_SEED);
        }
        count++;
        switch (scenario) {
            case ARM_THROTTLE:
                return count % Scenario.THROTTLE_EVERY == 1 ? Fault.THROTTLE : Fault.NONE;
            case FLAKY:
                double r = random.nextDouble();
                Fault f = r < 0.15 ? Fault.SERVER_ERROR : r < 0.25 ? Fault.DROP : Fault.NONE;
                if (f != Fault.NONE && consecutive >= 2) {
                    f = Fault.NONE;
                }
                consecutive = f == Fault.NONE ? 0 : consecutive + 1;
                return f;
            default:
                return Fault.NONE;
        }
    }
}
