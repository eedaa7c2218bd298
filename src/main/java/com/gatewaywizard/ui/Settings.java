package com.gatewaywizard.ui;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.state.JsonStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The window's remembered settings ({@code settings.json} under {@link AppInfo#dataDir()}): size, position (null
 * until the window was placed), maximised, zoom. Never holds a secret. Stored with the shared {@link JsonStore}
 * (atomic, owner-only; a bad file is set aside). Load and save off the FX thread.
 */
public record Settings(Double x, Double y, double width, double height, boolean maximized, double zoom) {
    public static final double MIN_ZOOM = 0.8;
    public static final double MAX_ZOOM = 2.0;
    static final int FORMAT = 1;
    /** The smallest window the wizard lays out well in. */
    public static final double MIN_WIDTH = 760;
    public static final double MIN_HEIGHT = 580;

    public static Settings defaults() {
        return new Settings(null, null, 1180, 800, false, 1.0);
    }

    public Settings {
        zoom = Double.isNaN(zoom) || zoom <= 0 ? 1.0 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        width = width >= MIN_WIDTH ? width : 1180;
        height = height >= MIN_HEIGHT ? height : 800;
    }

    public Settings withBounds(Double nx, Double ny, double w, double h, boolean max) {
        return new Settings(nx, ny, w, h, max, zoom);
    }

    public Settings withZoom(double z) {
        return new Settings(x, y, width, height, maximized, z);
    }

    static JsonStore<Settings> store(Path file) {
        return new JsonStore<>(file, Settings.class, FORMAT, "window settings", null);
    }

    public static Path file() {
        return AppInfo.dataDir().resolve("settings.json");
    }

    public static Settings load() {
        return store(file()).load().orElse(defaults());
    }

    public void save() throws IOException {
        store(file()).save(this);
    }
}
