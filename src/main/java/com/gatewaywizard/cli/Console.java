package com.gatewaywizard.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The process's streams and environment, injectable so tests can run commands in-process. */
public record Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {

    public static Console system() {
        return new Console(System.out, System.err, System.in, System.getenv());
    }
}
