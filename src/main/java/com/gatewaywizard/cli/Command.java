package com.gatewaywizard.cli;

import java.util.List;

/** One CLI subcommand. Implementations never import JavaFX. */
public interface Command {
    /** Exit code: success. */
    int OK = 0;
    /** Exit code: a problem was found or the operation failed (explained on stderr). */
    int PROBLEM = 1;
    /** Exit code: usage error (unknown flag, missing value, unreadable input). */
    int USAGE = 2;

    /** The word typed after {@code gateway-wizard}. */
    String name();

    /** One line for {@code --help}. */
    String summary();

    /** Full usage text for {@code gateway-wizard NAME --help}. */
    String usage();

    /** Runs the command; returns the process exit code. */
    int run(List<String> args, Console console) throws Exception;
}
