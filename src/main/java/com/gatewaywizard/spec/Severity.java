package com.gatewaywizard.spec;

/** How bad a {@link Problem} is. Errors block the next step; warnings ask for confirmation. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Lower-case word used in CLI output: {@code error}, {@code warning}, {@code info}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
