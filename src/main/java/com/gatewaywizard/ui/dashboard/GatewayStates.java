package com.gatewaywizard.ui.dashboard;

import java.util.Locale;

/** Which colour family an ARM state belongs to, and the text to show; no JavaFX, so view-models use it freely. */
final class GatewayStates {
    private GatewayStates() {
    }

    /** The text on the chip: the group's state, else its provisioning state, else "Unknown". */
    static String text(String state, String provisioningState) {
        if (state != null && !state.isBlank()) {
            return state;
        }
        if (provisioningState != null && !provisioningState.isBlank()) {
            return provisioningState;
        }
        return "Unknown";
    }

    static StateChip.Kind kind(String state, String provisioningState) {
        String s = state == null ? "" : state.toLowerCase(Locale.ROOT);
        String p = provisioningState == null ? "" : provisioningState.toLowerCase(Locale.ROOT);
        if (p.equals("repairing") || s.equals("repairing")) {
            return StateChip.Kind.REPAIRING;
        }
        if ((p.equals("failed") || p.equals("unhealthy")) && !s.equals("stopped")) {
            return StateChip.Kind.FAILED; // e.g. "Pending" while Azure has given up provisioning: shown red
        }
        switch (s) {
            case "running":
                return p.equals("failed") || p.equals("unhealthy") ? StateChip.Kind.FAILED : StateChip.Kind.RUNNING;
            case "pending": case "waiting": case "creating": case "starting":
                return StateChip.Kind.PENDING;
            case "stopped": case "succeeded": case "terminated":
                return StateChip.Kind.STOPPED;
            case "failed":
                return StateChip.Kind.FAILED;
            case "":
                break;
            default:
                return StateChip.Kind.UNKNOWN;
        }
        switch (p) {
            case "pending": case "creating": case "updating":
                return StateChip.Kind.PENDING;
            case "failed": case "unhealthy":
                return StateChip.Kind.FAILED;
            case "deleting":
                return StateChip.Kind.STOPPED;
            default:
                return StateChip.Kind.UNKNOWN;
        }
    }
}
