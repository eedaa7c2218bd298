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
     * {@code $XDG_CONFIG_HOME/gateway-wizard} (default {@code ~/.config/gateway-wizard}) elsewhere. {@code ~} is
     * {@code $HOME} when set, as for every other program of the desktop (the JVM's {@code user.home} comes from the
     * password file and ignores it), else {@code user.home}.
     */
    public static Path dataDir() {
        return dataDir(System.getenv(), System.getProperties());
    }

    static Path dataDir(java.util.Map<String, String> env, java.util.Properties props) {
        String override = props.getProperty("gatewaywizard.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = props.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = props.getProperty("user.home");
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : home, "GatewayWizard");
        }
        String envHome = env.get("HOME");
        if (envHome != null && !envHome.isBlank()) {
            home = envHome;
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "GatewayWizard");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".config").toString(), "gateway-wizard");
    }
}
