package com.gatewaywizard.azure;

import java.time.Instant;

/**
 * One progress report of a deployment, for instance {@code instance} (a container group name). For
 * {@link DeployStep#FAILED} {@code failure} explains it; otherwise it is null.
 */
public record DeployEvent(String instance, DeployStep step, String message, Instant at, Explanation failure) {
}
