package com.gatewaywizard.manifest;

import java.util.regex.Pattern;

/** Template placeholders such as the seed's {@code <DOCKER_HUB_USERNAME>} or the cases' {@code <subscription-id>}. */
final class Placeholders {
    private static final Pattern ANY = Pattern.compile("<[A-Za-z][A-Za-z0-9_ -]*>");
    private static final Pattern WHOLE = Pattern.compile("^<[A-Za-z][A-Za-z0-9_ -]*>$");

    private Placeholders() {
    }

    /** True when the text holds a placeholder anywhere. */
    static boolean contains(String s) {
        return s != null && ANY.matcher(s).find();
    }

    /** True when the whole text is one placeholder (a secret left for someone else to fill in). */
    static boolean isWhole(String s) {
        return s != null && WHOLE.matcher(s).matches();
    }

    /** Placeholders replaced by {@code replacement}. */
    static String replace(String s, String replacement) {
        return ANY.matcher(s).replaceAll(replacement);
    }
}
