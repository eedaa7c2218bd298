package com.gatewaywizard.spec;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Container group names as Azure Container Instances accepts them: 1–{@value #MAX_LENGTH} characters, lowercase
 * letters, digits and single hyphens, not starting or ending with a hyphen.
 */
public final class Names {
    /** Longest container group name ACI accepts. */
    public static final int MAX_LENGTH = 63;
    /** What {@link #suggest(String)} falls back to when nothing usable is left. */
    public static final String FALLBACK = "keeper-gateway";

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_.]+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9-]");
    private static final Pattern HYPHENS = Pattern.compile("-{2,}");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    private Names() {
    }

    /** Whether {@code name} is a valid container group name (including the length limit). */
    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
    }

    /** Whether the characters are valid, ignoring the length limit. */
    static boolean hasValidCharacters(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * A valid name close to what the user typed: lowercase, accents dropped, {@code _}, spaces and dots become
     * {@code -}, other characters dropped, runs of hyphens collapsed, hyphens trimmed from both ends, cut to
     * {@value #MAX_LENGTH} characters; {@value #FALLBACK} if nothing is left. Example: {@code "My_Gateway.Prod"}
     * → {@code "my-gateway-prod"}.
     */
    public static String suggest(String typed) {
        return suggest(typed, MAX_LENGTH);
    }

    /** As {@link #suggest(String)}, cut to {@code maxLength} (used to leave room for an instance suffix). */
    public static String suggest(String typed, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1");
        }
        String s = typed == null ? "" : typed.strip();
        s = ACCENTS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = SEPARATORS.matcher(s).replaceAll("-");
        s = OTHER.matcher(s).replaceAll("");
        s = HYPHENS.matcher(s).replaceAll("-");
        s = trimHyphens(s);
        if (s.length() > maxLength) {
            s = trimHyphens(s.substring(0, maxLength));
        }
        if (s.isEmpty()) {
            s = FALLBACK.length() <= maxLength ? FALLBACK : trimHyphens(FALLBACK.substring(0, maxLength));
        }
        return s;
    }

    private static String trimHyphens(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }
}
