package com.gatewaywizard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/** Name, version and the per-user folders of the app. No JavaFX. */
public final class AppInfo {
    public static final String NAME = "Gateway Wizard";
    /** Tag put on every container group we create, so the dashboard can tell ours from others. */
    public static final String TAG_MANAGED_BY = "managed-by";
    public static final String TAG_MANAGED_BY_VALUE = "gateway-wizard";

    private static volatile String version;

    private AppInfo() {
    }

    public static String version() {
        String v = version;
        if (v == null) {
            v = "dev";
            try (InputStream in = AppInfo.class.getResourceAsStream("/com/gatewaywizard/version.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    v = p.getProperty("version", "dev");
                }
            } catch (IOException ignored) {
                // keep "dev"
            }
            version = v;
        }
        return v;
    }

    /**
     * The per-user folder for settings, drafts and logs: {@code -Dgatewaywizard.home} if set (tests), else
     * {@code %APPDATA%\GatewayWizard} on Windows, {@code ~/Library/Application Support/GatewayWizard} on macOS,
     * {@code $XDG_CONFIG_HOME/gateway-wizard} (default {@code ~/.config/gateway-wizard}) elsewhere.
     */
    public static Path dataDir() {
        String override = System.getProperty("gatewaywizard.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "GatewayWizard");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "GatewayWizard");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".config").toString(), "gateway-wizard");
    }
}
