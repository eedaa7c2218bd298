package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text key the UI code uses exists, and no key is defined in two areas. */
class TextsTest {
    /** Literal keys passed to the bundle: t.getString("x.y"), Texts.get("x.y", ...), text("x.y"). */
    private static final Pattern USE = Pattern.compile(
            "(?:getString|Texts\\.get|\\btext|\\btr|\\bt|Forms\\.(?:field|section|button))\\(\\s*\"([a-z][A-Za-z0-9_.-]+)\"\\s*[,)]");

    @Test
    void everyKeyUsedInTheUiIsDefined() throws IOException {
        var defined = Texts.bundle().keySet();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/gatewaywizard/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!defined.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void noKeyIsDefinedInTwoAreas() {
        Map<String, String> owner = new HashMap<>();
        var clashes = new TreeSet<String>();
        Texts.parts().forEach((part, texts) -> texts.keySet().forEach(k -> {
            String before = owner.putIfAbsent(k, part);
            if (before != null) {
                clashes.add(k + " in " + before + " and " + part);
            }
        }));
        assertTrue(clashes.isEmpty(), clashes.toString());
    }

    @Test
    void theStartPageTextsAreThere() {
        assertTrue(Texts.get("start.title").contains("Azure Container Instances"));
    }
}
