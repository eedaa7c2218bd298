package com.gatewaywizard.azure;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of a {@link LogFollower} found: only the lines not returned before. When {@code restarted} is true
 * the container restarted since the last poll (restart count grew, or the log got shorter) and {@code lines} are
 * the new run's lines from its start; {@code restartDetectedAt} says when that was noticed.
 */
public record LogChunk(List<String> lines, boolean restarted, Instant restartDetectedAt, int restartCount) {
    public LogChunk {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
