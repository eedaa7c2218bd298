package com.gatewaywizard.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the operating system is set to a dark appearance (JavaFX 21 has no API for it). Asks the OS's own tool with
 * a short timeout; any doubt means light. Blocking: call off the FX thread.
 */
final class OsTheme {
    /** The last answer, in the data folder: the first frame uses it instead of asking the OS (a process) first. */
    static final String REMEMBERED_FILE = "os-theme.txt";

    private OsTheme() {
    }

    /**
     * What the OS said last time ({@link #remember}), or null when it was never asked here. Read while the window
     * starts, in place of the OS's tool: spawning it costs the first frame tens of milliseconds of a busy CPU, and the
     * window asks again once it is up ({@code DesktopApp}, {@code MainWindow}). Blocking (a small file).
     */
    static Boolean remembered() {
        try {
            String t = java.nio.file.Files.readString(file(), StandardCharsets.UTF_8).strip();
            return t.equals("dark") ? Boolean.TRUE : t.equals("light") ? Boolean.FALSE : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Asks the OS ({@link #prefersDark}) and keeps the answer for the next start's first frame. Blocking. */
    static boolean askAndRemember() {
        boolean dark = prefersDark();
        remember(dark);
        return dark;
    }

    /** Keeps the OS's answer for the next start (when it changed). Blocking: call off the FX thread. */
    static void remember(boolean dark) {
        if (Boolean.valueOf(dark).equals(remembered())) {
            return;
        }
        try {
            com.gatewaywizard.state.AtomicFiles.write(file(), (dark ? "dark" : "light").getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException | RuntimeException e) {
            // only a hint for the first frame: the next start asks the OS again
        }
    }

    private static java.nio.file.Path file() {
        return com.gatewaywizard.AppInfo.dataDir().resolve(REMEMBERED_FILE);
    }

    static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("win")) {
                String out = run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme"));
                return out.contains("0x0");
            }
            if (os.contains("mac")) {
                return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT).contains("dark");
            }
            String gtk = System.getenv("GTK_THEME");
            if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) {
                return true;
            }
            return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                    .toLowerCase(Locale.ROOT).contains("dark");
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            if (!p.waitFor(1500, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
