package com.gatewaywizard.cli;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The process's streams and environment, injectable so tests can run commands in-process. */
public record Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {

    public static Console system() {
        return new Console(System.out, System.err, stdinClosedByCaller() ? InputStream.nullInputStream() : System.in,
                System.getenv());
    }

    /**
     * Whether the caller closed standard input ({@code <&-}): the JVM then reuses descriptor 0 for a file of its own
     * (the jar, a module image), and reading "standard input" would read that file. Linux only (/proc); elsewhere false.
     */
    static boolean stdinClosedByCaller() {
        try {
            Path fd0 = Path.of("/proc/self/fd/0");
            if (!Files.isSymbolicLink(fd0)) {
                return false;
            }
            return openedByJvm(Files.readSymbolicLink(fd0), System.getProperty("java.home", ""),
                    System.getProperty("java.class.path", ""));
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** Whether {@code target} is a file the JVM opens itself: under {@code javaHome} or on the class path. */
    static boolean openedByJvm(Path target, String javaHome, String classPath) {
        Path t = target.toAbsolutePath().normalize();
        if (!javaHome.isEmpty() && t.startsWith(Path.of(javaHome).toAbsolutePath().normalize())) {
            return true;
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && t.equals(Path.of(entry).toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }
}
