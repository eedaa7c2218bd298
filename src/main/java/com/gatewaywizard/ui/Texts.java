package com.gatewaywizard.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The UI's texts, from {@code i18n/messages.properties}. */
public final class Texts {
    public static final String BUNDLE = "com.gatewaywizard.ui.i18n.messages";

    private Texts() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    public static String get(String key, Object... args) {
        String pattern = bundle().getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}
