package com.gatewaywizard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the start-up probes draw: the session's display, else a private Xvfb server (a real X window, as users get),
 * else JavaFX's headless Monocle platform from the test class path. The same for our app and the baseline.
 */
final class Display implements AutoCloseable {
    final String description;
    final String x11;
    final List<String> jvmFlags;
    private final Process xvfb;

    private Display(String description, String x11, List<String> jvmFlags, Process xvfb) {
        this.description = description;
        this.x11 = x11;
        this.jvmFlags = jvmFlags;
        this.xvfb = xvfb;
    }

    static Display open(Path work) throws IOException {
        String env = System.getenv("DISPLAY");
        if (env != null && !env.isBlank()) {
            return new Display("X display " + env, env, List.of(), null);
        }
        if (onPath("Xvfb")) {
            Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(work.resolve("xvfb.log").toFile()).start();
            String n = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (n != null && n.strip().matches("[0-9]+")) {
                return new Display("Xvfb (software rendering)", ":" + n.strip(), List.of("-Dprism.order=sw"), p);
            }
            p.destroy();
        }
        List<String> flags = new ArrayList<>(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k"));
        return new Display("headless Monocle", null, flags, null);
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Environment pairs for a child process. */
    String[] env() {
        return x11 == null ? new String[0] : new String[] {"DISPLAY", x11};
    }

    @Override
    public void close() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }
}
