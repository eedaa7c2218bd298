package com.gatewaywizard.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (Docker Hub PAT, gateway config, client secret). Its {@link #toString()} never shows the
 * value, so a secret that ends up in a log line, an exception message or a record's toString stays masked.
 * The value is read only through {@link #reveal()}, which makes every use of the clear text searchable.
 */
public final class Secret {
    public static final Secret EMPTY = new Secret("");
    private static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    /** The clear value. Call only where the value must go: the ARM request body, an owner-only file. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public int length() {
        return value.length();
    }

    /** A fixed mask for display; reveals neither the value nor its length. */
    public String masked() {
        return isEmpty() ? "" : MASK;
    }

    @Override
    public String toString() {
        return isEmpty() ? "Secret[empty]" : "Secret[hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
