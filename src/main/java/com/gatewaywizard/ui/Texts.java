package com.gatewaywizard.ui;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's texts. Each area keeps its own properties file under {@code ui/i18n/} ({@code messages} for the shell and
 * start page, {@code wizard}, {@code dashboard}); this joins them into one bundle. A key defined twice is an error
 * (a test checks it), so areas never shadow each other.
 */
public final class Texts {
    public static final List<String> PARTS = List.of(
            "com.gatewaywizard.ui.i18n.messages",
            "com.gatewaywizard.ui.i18n.wizard",
            "com.gatewaywizard.ui.i18n.dashboard");

    private static volatile ResourceBundle bundle;

    private Texts() {
    }

    public static ResourceBundle bundle() {
        ResourceBundle b = bundle;
        if (b == null) {
            b = new Joined(load());
            bundle = b;
        }
        return b;
    }

    /** Every part's keys and texts, in order; parts that do not exist yet are skipped. */
    static Map<String, Map<String, String>> parts() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String name : PARTS) {
            try {
                ResourceBundle rb = ResourceBundle.getBundle(name);
                Map<String, String> m = new LinkedHashMap<>();
                for (String k : Collections.list(rb.getKeys())) {
                    m.put(k, rb.getString(k));
                }
                out.put(name, m);
            } catch (MissingResourceException absent) {
                // this area has no texts yet
            }
        }
        return out;
    }

    private static Map<String, String> load() {
        Map<String, String> all = new LinkedHashMap<>();
        parts().values().forEach(all::putAll);
        return all;
    }

    public static String get(String key, Object... args) {
        String pattern = bundle().getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }

    private static final class Joined extends ResourceBundle {
        private final Map<String, String> texts;

        Joined(Map<String, String> texts) {
            this.texts = texts;
        }

        @Override
        protected Object handleGetObject(String key) {
            return texts.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(texts.keySet());
        }
    }
}
