package com.gatewaywizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md §2: the core packages never import JavaFX; the UI depends on them, never the other way round. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/com/gatewaywizard");
    private static final List<String> CORE = List.of("spec", "keeper", "manifest", "azure", "simulator", "cli", "state");
    private static final Pattern JAVAFX = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.", Pattern.MULTILINE);
    private static final Pattern FQ_JAVAFX = Pattern.compile("\\bjavafx\\.[a-z]+\\.[A-Za-z]");
    private static final Pattern UI = Pattern.compile("^\\s*import\\s+(static\\s+)?com\\.gatewaywizard\\.ui\\b", Pattern.MULTILINE);

    @Test
    void corePackagesNeverImportJavafx() throws IOException {
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (String pkg : CORE) {
            Path dir = MAIN.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scanned++;
                    String src = Files.readString(f);
                    if (JAVAFX.matcher(src).find() || FQ_JAVAFX.matcher(src).find()) {
                        offenders.add(f + " uses javafx");
                    }
                    if (UI.matcher(src).find()) {
                        offenders.add(f + " imports the ui package");
                    }
                }
            }
        }
        assertTrue(scanned > 0, "no core sources found under " + MAIN.toAbsolutePath());
        assertEquals(List.of(), offenders);
    }

    @Test
    void launcherAndAppInfoStayFreeOfJavafxSoTheCliNeverLoadsIt() throws IOException {
        for (String f : List.of("Launcher.java", "AppInfo.java")) {
            String src = Files.readString(MAIN.resolve(f));
            assertTrue(!JAVAFX.matcher(src).find(), f + " imports javafx");
        }
    }

    @Test
    void theRuleCatchesAnImport() {
        assertTrue(JAVAFX.matcher("package x;\nimport javafx.scene.Node;\n").find());
        assertTrue(JAVAFX.matcher("import static javafx.application.Platform.runLater;").find());
        assertTrue(FQ_JAVAFX.matcher("javafx.application.Platform.runLater(r);").find());
    }
}
