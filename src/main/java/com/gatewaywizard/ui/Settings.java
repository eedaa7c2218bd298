package com.gatewaywizard.ui;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.state.JsonStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        return new JsonStore<>(file, Settings.class, FORMAT, "window settings file", null);
    }

    public static Path file() {
        return AppInfo.dataDir().resolve("settings.json");
    }

    /**
     * Reads the settings. Called before the first frame, so the usual file — this record as {@link JsonStore} writes
     * it — is read by {@link #quickRead} without building Jackson (about 600 classes, a few hundred milliseconds on a
     * cold JVM); anything else (missing, damaged, an older or newer format) goes through the store, which sets a bad
     * file aside and explains it.
     */
    public static Settings load() {
        Path file = file();
        try {
            com.gatewaywizard.state.AtomicFiles.removeStaleTemps(file, java.time.Duration.ofMinutes(10));
            if (Files.size(file) <= QUICK_MAX_BYTES) {
                Settings quick = quickRead(Files.readString(file, StandardCharsets.UTF_8));
                if (quick != null) {
                    return quick;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return defaults(); // the first run
        } catch (IOException | RuntimeException e) {
            // the store reports it
        }
        com.gatewaywizard.state.JsonStore.Loaded<Settings> loaded = store(file).load();
        loaded.notice().ifPresent(FileNotices::add); // the start page says so
        return loaded.orElse(defaults());
    }

    private static final long QUICK_MAX_BYTES = 4096;

    /**
     * The settings in {@code json} if it is exactly {@code {"version": FORMAT, "value": {...}}} with this record's
     * fields (numbers, booleans, null) in any order; null for anything else, which the full reader then handles.
     */
    static Settings quickRead(String json) {
        QuickJson p = new QuickJson(json);
        java.util.Map<String, Object> root = p.object(true);
        if (root == null || !p.atEnd() || !(root.get("version") instanceof Double v) || v != FORMAT
                || !(root.get("value") instanceof java.util.Map<?, ?> value) || root.size() != 2) {
            return null;
        }
        for (Object k : value.keySet()) {
            if (!java.util.Set.of("x", "y", "width", "height", "maximized", "zoom").contains(k)) {
                return null;
            }
        }
        Object x = value.get("x");
        Object y = value.get("y");
        if (!(x == null || x instanceof Double) || !(y == null || y instanceof Double)
                || !(value.get("width") instanceof Double w) || !(value.get("height") instanceof Double h)
                || !(value.get("maximized") instanceof Boolean max) || !(value.get("zoom") instanceof Double zoom)) {
            return null;
        }
        return new Settings((Double) x, (Double) y, w, h, max, zoom);
    }

    /** Just enough JSON for {@link #quickRead}: objects (one level nested), numbers, booleans, null. */
    private static final class QuickJson {
        private final String s;
        private int i;

        QuickJson(String s) {
            this.s = s;
        }

        java.util.Map<String, Object> object(boolean nested) {
            skip();
            if (!eat('{')) {
                return null;
            }
            java.util.Map<String, Object> m = new java.util.HashMap<>();
            skip();
            if (eat('}')) {
                return m;
            }
            do {
                skip();
                String key = name();
                skip();
                if (key == null || !eat(':') || m.containsKey(key)) {
                    return null;
                }
                skip();
                Object v;
                if (i < s.length() && s.charAt(i) == '{') {
                    if (!nested || (v = object(false)) == null) {
                        return null;
                    }
                } else if ((v = scalar()) == INVALID) {
                    return null;
                }
                m.put(key, v);
                skip();
            } while (eat(','));
            return eat('}') ? m : null;
        }

        private static final Object INVALID = new Object();

        private Object scalar() {
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-.0123456789eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            try {
                double d = Double.parseDouble(s.substring(start, i));
                return Double.isFinite(d) && start < i && "+.".indexOf(s.charAt(start)) < 0 ? d : INVALID;
            } catch (NumberFormatException e) {
                return INVALID;
            }
        }

        private String name() {
            if (!eat('"')) {
                return null;
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\' || s.charAt(i) < 0x20) {
                    return null; // no escapes in this record's names
                }
                i++;
            }
            String name = s.substring(start, i);
            return eat('"') ? name : null;
        }

        private boolean eat(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void skip() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        boolean atEnd() {
            skip();
            return i == s.length();
        }
    }

    public void save() throws IOException {
        store(file()).save(this);
    }
}
