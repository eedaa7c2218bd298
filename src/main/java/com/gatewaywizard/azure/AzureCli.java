package com.gatewaywizard.azure;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the Azure CLI ({@code az}) the way the SDK's {@code AzureCliCredential} runs it: by name, through the shell,
 * so on the search path ({@code PATH}). Checked before an Azure CLI sign-in, so a computer without {@code az} gets
 * "not found, install it or choose another method" instead of the SDK's "AzureCliCredential authentication
 * unavailable…".
 */
public final class AzureCli {
    /** Overrides the search path (the {@code PATH} environment variable otherwise); {@link File#pathSeparator}-separated. */
    public static final String SEARCH_PATH_PROPERTY = "gatewaywizard.az.path";

    private AzureCli() {
    }

    /** Thrown by an Azure CLI sign-in when {@code az} is not on the search path. */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException() {
            super("The Azure CLI (az) was not found on the search path");
        }
    }

    /** The search path an Azure CLI sign-in uses now. */
    public static String searchPath() {
        String p = System.getProperty(SEARCH_PATH_PROPERTY);
        if (p != null) {
            return p;
        }
        String env = System.getenv("PATH");
        return env == null ? "" : env;
    }

    /** The {@code az} program in one of {@code searchPath}'s folders, first match, or empty. */
    public static Optional<Path> find(String searchPath, boolean windows) {
        if (searchPath == null) {
            return Optional.empty();
        }
        List<String> names = windows ? List.of("az.cmd", "az.exe", "az.bat") : List.of("az");
        for (String dir : searchPath.split(java.util.regex.Pattern.quote(windows ? ";" : File.pathSeparator))) {
            String d = dir.strip();
            if (windows && d.length() > 1 && d.startsWith("\"") && d.endsWith("\"")) {
                d = d.substring(1, d.length() - 1);
            }
            if (d.isEmpty()) {
                continue;
            }
            for (String n : names) {
                try {
                    Path p = Path.of(d, n);
                    if (Files.isRegularFile(p) && (windows || Files.isExecutable(p))) {
                        return Optional.of(p);
                    }
                } catch (InvalidPathException ignored) {
                    // a malformed entry of PATH: not where az is
                }
            }
        }
        return Optional.empty();
    }

    /** {@link #find(String, boolean)} on this computer's search path. */
    public static Optional<Path> find() {
        return find(searchPath(), System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }
}
