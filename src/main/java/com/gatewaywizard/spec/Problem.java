package com.gatewaywizard.spec;

import java.util.Collection;
import java.util.Objects;

/**
 * One thing wrong (or worth a warning) with the user's input or with the target environment.
 *
 * @param severity how bad it is
 * @param code     stable machine-readable code, e.g. {@code NAME_INVALID}; tests and docs rely on it
 * @param field    the input the problem is about (e.g. {@code name}, {@code subnetId}, or a manifest path)
 * @param message  what is wrong, in plain words; never contains a secret value
 * @param fix      what to do about it; may be empty
 */
public record Problem(Severity severity, String code, String field, String message, String fix) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        // User input quoted back (a name, a key, a path) must not reorder or hide text on the user's terminal.
        field = field == null ? "" : visible(field);
        message = message == null ? "" : visible(message);
        fix = fix == null ? "" : visible(fix);
    }

    /**
     * {@code s} with every character that would hide or reorder text on a screen written as a backslash, u and four hex digits: control
     * characters (including newline and tab), bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069,
     * U+200E/U+200F, U+061C), zero-width and other format characters (Unicode category Cf, e.g. U+200B, U+FEFF) and
     * line/paragraph separators. Every message that quotes user input back goes through this (a {@link Problem}
     * applies it to its own fields).
     */
    public static String visible(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            int type = Character.getType(cp);
            boolean hide = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
            if (hide) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                for (char c : Character.toChars(cp)) {
                    out.append(String.format("\\u%04X", (int) c));
                }
            } else if (out != null) {
                out.append(s, i, i + n);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /** {@code s} in single quotes, made {@link #visible}. */
    public static String quote(String s) {
        return "'" + visible(s) + "'";
    }

    public static Problem error(String code, String field, String message, String fix) {
        return new Problem(Severity.ERROR, code, field, message, fix);
    }

    public static Problem warning(String code, String field, String message, String fix) {
        return new Problem(Severity.WARNING, code, field, message, fix);
    }

    public static Problem info(String code, String field, String message, String fix) {
        return new Problem(Severity.INFO, code, field, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The CLI's one-line form: {@code error CODE field: message — fix}. */
    public String format() {
        StringBuilder sb = new StringBuilder(severity.word()).append(' ').append(code);
        if (!field.isEmpty()) {
            sb.append(' ').append(field);
        }
        sb.append(": ").append(message);
        if (!fix.isEmpty()) {
            sb.append(" \u2014 ").append(fix);
        }
        return sb.toString();
    }

    public static boolean anyError(Collection<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }
}
