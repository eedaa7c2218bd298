package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void theQuickReaderReadsEveryFileTheStoreWritesAsTheStoreDoes() throws Exception {
        Path file = dir.resolve("settings.json");
        for (Settings s : List.of(Settings.defaults(), new Settings(12.5, -300.0, 1440, 900, true, 1.3),
                new Settings(0.0, 0.0, 760, 580, false, 2.0), new Settings(null, 40.0, 1e4, 2000.25, false, 0.8))) {
            Settings.store(file).save(s);
            String json = Files.readString(file);
            assertEquals(Settings.store(file).load().value().orElseThrow(), Settings.quickRead(json), json);
            assertEquals(s, Settings.quickRead(json), json);
        }
    }

    @Test
    void anythingButTheExactShapeIsLeftToTheFullReader() {
        for (String json : List.of("", "{", "[]", "null", "{\"version\":1}",
                "{\"version\":2,\"value\":{\"x\":null,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0}}",
                "{\"version\":1,\"value\":{\"x\":null,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0}} trailing",
                "{\"version\":1,\"value\":{\"x\":null,\"y\":null,\"width\":\"1180\",\"height\":800.0,\"maximized\":false,\"zoom\":1.0}}",
                "{\"version\":1,\"value\":{\"x\":null,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false}}",
                "{\"version\":1,\"value\":{\"x\":null,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0,\"theme\":\"dark\"}}",
                "{\"version\":1,\"value\":{\"x\":null,\"x\":3.0,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0}}",
                "{\"version\":1,\"value\":{\"x\":NaN,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0}}",
                "{\"version\":1,\"value\":{\"x\":1e999,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0}}",
                "{\"version\":1,\"value\":{\"x\":{},\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0}}",
                "{\"version\":1,\"value\":{\"x\\u0041\":null,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0}}",
                "{\"version\":1,\"extra\":0,\"value\":{\"x\":null,\"y\":null,\"width\":1180.0,\"height\":800.0,\"maximized\":false,\"zoom\":1.0}}")) {
            assertNull(Settings.quickRead(json), json);
        }
    }

    @Test
    void aDamagedSettingsFileIsStillSetAsideWithTheDefaultsUsed() throws Exception {
        String before = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", dir.toString());
        try {
            Path file = Settings.file();
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"version\":1,\"value\":{\"width\":14");
            assertEquals(Settings.defaults(), Settings.load());
            try (var files = Files.list(file.getParent())) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("settings.json.corrupt-")));
            }
        } finally {
            if (before == null) {
                System.clearProperty("gatewaywizard.home");
            } else {
                System.setProperty("gatewaywizard.home", before);
            }
        }
    }
}
