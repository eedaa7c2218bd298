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
        field = field == null ? "" : field;
        message = message == null ? "" : message;
        fix = fix == null ? "" : fix;
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
