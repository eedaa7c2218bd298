package com.gatewaywizard.simulator;

import java.util.List;

/** What a container's main process does once started: the lines it prints and when (if ever) it exits. */
interface ContainerProgram {

    /** One line of output, {@code at} epoch ms. */
    record LogLine(long at, String text) {
    }

    /** The outcome of one run up to a horizon: its lines and, if it exited by then, when and with which code. */
    record Run(List<LogLine> lines, long exitAt, int exitCode) {
        boolean exited() {
            return exitAt >= 0;
        }
    }

    /**
     * Runs the process from {@code start} until {@code until} (epoch ms), at the given pace.
     * {@code exitAt} is -1 when the process is still running at {@code until}.
     */
    Run run(long start, long until, Timing timing);

    /** A process that runs silently until stopped (an image whose behaviour we do not model). */
    ContainerProgram IDLE = (start, until, timing) -> new Run(List.of(), -1, 0);
}
