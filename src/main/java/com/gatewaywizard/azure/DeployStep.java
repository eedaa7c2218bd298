package com.gatewaywizard.azure;

/** Steps of one instance's deployment as {@link Deployer} reports them, in order; the last is RUNNING or FAILED/CANCELLED. */
public enum DeployStep {
    /** Found an existing group of that name (an interrupted deploy being resumed, or an update in place). */
    EXISTS,
    /** PUT sent, Azure accepted it. */
    ACCEPTED,
    /** provisioningState changed (Pending, Creating, …): the message has it. */
    PROVISIONING,
    /** A container event arrived (Pulling, Pulled, Started, Failed, BackOff…): the message has it. */
    EVENT,
    RUNNING,
    FAILED,
    CANCELLED
}
