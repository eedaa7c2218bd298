package com.gatewaywizard.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store with a codec (azure-json, no Jackson) keeps JsonStore's promises: the same envelope, every kind of damage
 * set aside with a notice rather than thrown, newer formats kept aside as "future", owner-only atomic saves, and it
 * reads the files the Jackson form wrote (and the other way round).
 */
class JsonStoreCodecTest {
    record Settings(String theme, int zoom, List<String> recent) {
    }

    /** Settings as plain JSON; a field of the wrong kind throws, as the codec contract asks. */
    static final JsonStore.Codec<Settings> CODEC = new JsonStore.Codec<>() {
        @Override
        @SuppressWarnings("unchecked")
        public Settings fromJson(Object json) {
            Map<String, Object> m = (Map<String, Object>) json;
            Object zoom = m.get("zoom");
            List<String> recent = null;
            if (m.get("recent") != null) {
                recent = new ArrayList<>();
                for (Object o : (List<Object>) m.get("recent")) {
                    recent.add((String) o);
                }
            }
            return new Settings((String) m.get("theme"), zoom == null ? 0 : ((Integer) zoom), recent);
        }

        @Override
        public Object toJson(Settings v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("theme", v.theme());
            m.put("zoom", v.zoom());
            m.put("recent", v.recent());
            return m;
        }
    };

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T21:30:05Z"), ZoneOffset.UTC);

    private JsonStore<Settings> store(Path f, int version) {
        return JsonStore.withCodec(f, version, "settings", CODEC, clock);
    }

    @Test
    void savedValuesLoadBackAndTheJacksonFormReadsThemToo() throws IOException {
        Path f = dir.resolve("settings.json");
        Settings v = new Settings("dark \"quoted\"", 125, List.of("rg-a", "rg-ü"));
        store(f, 1).save(v);
        assertEquals(v, store(f, 1).load().value().orElseThrow());
        assertEquals(v, new JsonStore<>(f, Settings.class, 1).load().value().orElseThrow());
        assertTrue(Files.readString(f).startsWith("{\"version\":1,\"value\":"), Files.readString(f));
    }

    @Test
    void aFileTheJacksonFormWroteLoads() throws IOException {
        Path f = dir.resolve("settings.json");
        Settings v = new Settings("light", 90, List.of("x"));
        new JsonStore<>(f, Settings.class, 1).save(v);
        assertEquals(v, store(f, 1).load().value().orElseThrow());
    }

    @Test
    void aMissingFileIsEmptyWithoutANotice() {
        JsonStore.Loaded<Settings> loaded = store(dir.resolve("none.json"), 1).load();
        assertTrue(loaded.value().isEmpty());
        assertTrue(loaded.notice().isEmpty());
    }

    @Test
    void aFileFromANewerVersionIsSetAsideAsFuture() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{\"version\": 3, \"value\": {\"theme\": \"dark\", \"zoom\": 100}}");
        JsonStore.Loaded<Settings> loaded = store(f, 2).load();
        assertTrue(loaded.value().isEmpty());
        assertTrue(loaded.notice().orElseThrow().contains("newer version"));
        assertTrue(Files.exists(dir.resolve("settings.json.future-20261203-213005")));
    }

    @Test
    void everyKindOfDamageIsSetAsideNotThrown() throws IOException {
        JsonStoreTest.assertEveryDamageIsSetAside(dir, f -> store(f, 1));
    }

    @Test
    void unknownFieldsAndAByteOrderMarkWithCrlfAreFine() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "\uFEFF{\r\n\"version\": 1,\r\n\"value\": {\"theme\": \"dark\", \"zoom\": 90, \"newThing\": true}\r\n}\r\n");
        assertEquals(new Settings("dark", 90, null), store(f, 1).load().value().orElseThrow());
    }

    @Test
    void savedFilesAreOwnerOnly() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path f = dir.resolve("settings.json");
        store(f, 1).save(new Settings("dark", 100, List.of()));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(f));
    }
}
