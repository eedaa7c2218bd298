package com.gatewaywizard.cli;

/**
 * A problem a command found and explains in plain words (exit code 1): a gateway that does not exist, a subscription
 * that cannot be chosen. Its message is shown as it is, so it never carries a secret. With {@code --json} it is
 * printed as a problem with its {@link #code()} and {@link #field()} (the input it is about).
 */
final class CliProblem extends Exception {
    private static final long serialVersionUID = 1L;

    /** Codes of the problems a command finds itself (beside the spec's and Azure's). */
    static final String SUBSCRIPTION_NOT_FOUND = com.gatewaywizard.spec.ProblemCodes.SUBSCRIPTION_NOT_FOUND;
    static final String SUBSCRIPTION_AMBIGUOUS = "SUBSCRIPTION_AMBIGUOUS";
    static final String SUBSCRIPTION_REQUIRED = "SUBSCRIPTION_REQUIRED";
    static final String NO_SUBSCRIPTION = "NO_SUBSCRIPTION";
    static final String RESOURCE_GROUP_NOT_FOUND = "RESOURCE_GROUP_NOT_FOUND";
    static final String GATEWAY_NOT_FOUND = "GATEWAY_NOT_FOUND";
    static final String GATEWAY_AMBIGUOUS = "GATEWAY_AMBIGUOUS";
    static final String NOT_A_GATEWAY = "NOT_A_GATEWAY";
    static final String COMMAND_FAILED = "COMMAND_FAILED";

    private final String code;
    private final String field;

    CliProblem(String message) {
        this(COMMAND_FAILED, "", message);
    }

    CliProblem(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    String code() {
        return code;
    }

    /** The input the problem is about ({@code subscriptionId}, {@code resourceGroup}, {@code name}), or "". */
    String field() {
        return field;
    }
}
