package com.gatewaywizard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the results table into README.md between {@code <!-- bench:begin -->} and {@code <!-- bench:end -->}. */
final class Readme {
    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private Readme() {
    }

    static void replaceBetweenMarkers(Path readme, String table) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        String updated;
        if (b >= 0 && e > b) {
            updated = text.substring(0, b + BEGIN.length()) + "\n" + table + text.substring(e);
        } else {
            updated = text.stripTrailing() + "\n\n## Benchmarks\n\n" + BEGIN + "\n" + table + END + "\n";
        }
        Path tmp = readme.resolveSibling(readme.getFileName() + ".tmp");
        Files.writeString(tmp, updated, StandardCharsets.UTF_8);
        Files.move(tmp, readme, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
