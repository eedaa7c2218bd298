package com.gatewaywizard.ui.dashboard;

/**
 * One problem the diagnosis card shows: a stable {@code code}, a title, what happened, the next step, and an optional
 * detail block (a log line, an endpoint table) shown in monospace.
 */
public record Finding(String code, String title, String message, String nextStep, String detail) {
}
