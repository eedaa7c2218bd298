package com.gatewaywizard.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.AppInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's remembered settings ({@code settings.json} under {@link AppInfo#dataDir()}): size, position, maximised,
 * zoom. Never holds a secret. Read once at start, written off the FX thread, atomically. A file that cannot be read
 * is set aside and the defaults are used.
 */
public record Settings(double x, double y, double width, double height, boolean maximized, double zoom) {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final double MIN_ZOOM = 0.8;
    public static final double MAX_ZOOM = 2.0;

    public static Settings defaults() {
        return new Settings(Double.NaN, Double.NaN, 1180, 780, false, 1.0);
    }

    public Settings {
        zoom = Double.isNaN(zoom) ? 1.0 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        width = width >= 600 ? width : 1180;
        height = height >= 400 ? height : 780;
    }

    public Settings withBounds(double nx, double ny, double w, double h, boolean max) {
        return new Settings(nx, ny, w, h, max, zoom);
    }

    public Settings withZoom(double z) {
        return new Settings(x, y, width, height, maximized, z);
    }

    public static Path file() {
        return AppInfo.dataDir().resolve("settings.json");
    }

    public static Settings load() {
        return load(file());
    }

    static Settings load(Path file) {
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            Settings d = defaults();
            return new Settings(n.path("x").asDouble(d.x), n.path("y").asDouble(d.y), n.path("width").asDouble(d.width),
                    n.path("height").asDouble(d.height), n.path("maximized").asBoolean(false), n.path("zoom").asDouble(1.0));
        } catch (IOException | RuntimeException e) {
            LOG.warn("settings file {} could not be read ({}); using defaults", file, e.getClass().getSimpleName());
            try {
                AtomicFiles.setAside(file);
            } catch (IOException ignored) {
                // leave it
            }
            return defaults();
        }
    }

    public void save() throws IOException {
        save(file());
    }

    void save(Path file) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        if (!Double.isNaN(x)) {
            n.put("x", x);
            n.put("y", y);
        }
        n.put("width", width);
        n.put("height", height);
        n.put("maximized", maximized);
        n.put("zoom", zoom);
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    }
}
