package com.gatewaywizard.simulator;

/** The simulator's {@code --state} file cannot be used; the message says why in plain words and what to do. */
public final class StateFileException extends RuntimeException {
    public StateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
