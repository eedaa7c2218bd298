package com.gatewaywizard.cli;

/**
 * A problem a command found and explains in plain words (exit code 1): a gateway that does not exist, a subscription
 * that cannot be chosen. Its message is shown as it is, so it never carries a secret.
 */
final class CliProblem extends Exception {
    private static final long serialVersionUID = 1L;

    CliProblem(String message) {
        super(message);
    }
}
