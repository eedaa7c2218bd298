package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the first frame waits for, checked by class loading (a count, not a timing): the app is started in a fresh
 * JVM through {@link DesktopApp}'s real start path (the bench's FirstFrame probe, headless Monocle), with remembered
 * settings on disk, and the classes loaded before its first frame are read from {@code -Xlog:class+load}. Jackson,
 * Logback, Ikonli, ControlsFX, the Azure SDK and the wizard must not be among them: each of these costs the first
 * frame hundreds of milliseconds on a cold JVM. Nor a child process (the OS's theme is asked after the first frame)
 * or the AtlantaFX theme (first-paint.css stands in for it).
 */
class FirstFrameClassesTest {
    @TempDir
    Path home;

    @Test
    void theFirstFrameLoadsNoJsonLoggingIconAzureOrWizardClasses() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\n  \"version\" : 1,\n  \"value\" : {\n    \"x\" : 10.0,\n"
                + "    \"y\" : 20.0,\n    \"width\" : 1000.0,\n    \"height\" : 700.0,\n    \"maximized\" : false,\n"
                + "    \"zoom\" : 1.1\n  }\n}");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-Dgatewaywizard.home=" + home, "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dheadless.geometry=1280x800-32",
                "-cp", System.getProperty("java.class.path"), "com.gatewaywizard.bench.FirstFrame", "app", "--simulator"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> before = new ArrayList<>();
        boolean framed = false;
        boolean ready = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("FIRST_FRAME ")) {
                    framed = true;
                } else if (line.startsWith("WINDOW_READY ")) {
                    ready = true;
                } else if (!framed && line.contains("[class,load]")) {
                    before.add(line);
                }
            }
        } finally {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertTrue(framed && ready, "the probe drew its first frame and then the whole window");
        assertEquals(0, p.exitValue());
        List<String> unwanted = before.stream()
                .map(l -> l.replaceFirst("^.*\\[class,load\\]\\s+", "").replaceFirst(" source:.*$", ""))
                .filter(c -> c.startsWith("com.fasterxml.jackson.") || c.startsWith("ch.qos.logback.")
                        || c.startsWith("org.slf4j.") || c.startsWith("org.kordamp.ikonli.")
                        || c.startsWith("org.controlsfx.") || c.startsWith("com.azure.")
                        || c.startsWith("com.microsoft.") || c.startsWith("reactor.")
                        || c.startsWith("com.gatewaywizard.ui.wizard.") || c.startsWith("com.gatewaywizard.ui.dashboard.")
                        || c.equals("com.gatewaywizard.ui.MainWindow") || c.equals("com.gatewaywizard.ui.StartPage")
                        // no child process (the OS-theme tool) competing with the first frame for the CPU
                        || c.equals("java.lang.ProcessImpl") || c.startsWith("atlantafx."))
                .toList();
        assertTrue(before.size() > 1000, "the class-load log was read (" + before.size() + " lines)");
        assertTrue(unwanted.isEmpty(), unwanted.size() + " classes loaded before the first frame that should wait, e.g. "
                + unwanted.subList(0, Math.min(12, unwanted.size())));
    }
}
