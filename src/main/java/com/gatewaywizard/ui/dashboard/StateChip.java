package com.gatewaywizard.ui.dashboard;

import java.util.Locale;
import javafx.scene.control.Label;

/**
 * The coloured state label of a gateway: Running (green), Pending (amber), Stopped (grey), Failed (red), Repairing
 * (amber), or the raw ARM text when it is none of those (Azure adds states; we show what it says).
 */
public final class StateChip extends Label {
    /** The colour family of a state. */
    public enum Kind { RUNNING, PENDING, STOPPED, FAILED, REPAIRING, UNKNOWN }

    public StateChip() {
        getStyleClass().add("state-chip");
        setMinWidth(USE_PREF_SIZE);
    }

    public void show(String state, String provisioningState) {
        Kind k = kind(state, provisioningState);
        setText(text(state, provisioningState));
        for (Kind each : Kind.values()) {
            getStyleClass().remove(styleOf(each));
        }
        getStyleClass().add(styleOf(k));
        setAccessibleText(getText());
    }

    public static String styleOf(Kind k) {
        return "state-" + k.name().toLowerCase(Locale.ROOT);
    }

    /** The text on the chip: the group's state, else its provisioning state, else "Unknown". */
    public static String text(String state, String provisioningState) {
        return GatewayStates.text(state, provisioningState);
    }

    public static Kind kind(String state, String provisioningState) {
        return GatewayStates.kind(state, provisioningState);
    }
}
