package com.gatewaywizard.azure;

import java.time.Instant;

/** A container's current or previous state: {@code Waiting}, {@code Running} or {@code Terminated} (raw ARM text). */
public record ContainerStateInfo(String state, Instant startTime, Instant finishTime, Integer exitCode, String detailStatus) {
}
