package com.gatewaywizard.azure;

import java.time.Instant;

/**
 * An event of a container group or its container, as ARM reports it.
 *
 * @param source {@code group} or the container's name
 * @param type   {@code Normal} or {@code Warning}
 * @param name   e.g. {@code Pulling}, {@code Pulled}, {@code Started}, {@code Failed}, {@code BackOff}
 */
public record EventInfo(String source, String type, String name, String message, int count, Instant firstTimestamp,
        Instant lastTimestamp) {
}
