package com.gatewaywizard.simulator;

/**
 * Decides whether a deployed {@code GATEWAY_CONFIG} is well-formed, as the gateway would when it starts. The
 * simulator calls it once per container at PUT time; a malformed config makes the container exit with code 1 and
 * ACI restart it in a loop. The rules themselves belong to {@code com.gatewaywizard.keeper.GatewayConfig}; this
 * interface only keeps the simulator's use of them to one call.
 */
@FunctionalInterface
public interface GatewayConfigCheck {

    /**
     * @param wellFormed true if the gateway could load the config
     * @param hostname   the Keeper host in the config ({@code keepersecurity.eu}), or null when unknown
     * @param problem    the first problem in plain words when malformed; never contains the config's value
     */
    record Verdict(boolean wellFormed, String hostname, String problem) {
        public static Verdict ok(String hostname) {
            return new Verdict(true, hostname, "");
        }

        public static Verdict malformed(String problem) {
            return new Verdict(false, null, problem);
        }
    }

    /** Checks the clear value of {@code GATEWAY_CONFIG}. Must not log or keep the value. */
    Verdict check(String gatewayConfig);
}
