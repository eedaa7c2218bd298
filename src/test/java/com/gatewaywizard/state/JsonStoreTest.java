package com.gatewaywizard.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonStoreTest {
    record Settings(String theme, int zoom, List<String> recent) {
    }

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T21:30:05Z"), ZoneOffset.UTC);

    private JsonStore<Settings> store(Path f, int version) {
        return new JsonStore<>(f, Settings.class, version, "settings", null, clock);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savedValuesLoadBack() throws IOException {
        Path f = dir.resolve("settings.json");
        JsonStore<Settings> s = new JsonStore<>(f, Settings.class, 1);
        Settings v = new Settings("dark", 125, List.of("rg-a", "rg-ü"));
        s.save(v);
        JsonStore.Loaded<Settings> loaded = new JsonStore<>(f, Settings.class, 1).load();
        assertEquals(v, loaded.value().orElseThrow());
        assertTrue(loaded.notice().isEmpty());
        assertTrue(Files.readString(f).contains("\"version\" : 1"));
    }

    @Test
    void aMissingFileIsEmptyWithoutANotice() {
        JsonStore.Loaded<Settings> loaded = store(dir.resolve("none.json"), 1).load();
        assertTrue(loaded.value().isEmpty());
        assertTrue(loaded.notice().isEmpty());
    }

    @Test
    void aCorruptFileIsSetAsideWithAPlainNoticeAndTheNextSaveWorks() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{\"version\": 1, \"value\": {\"theme\": \"da");
        JsonStore<Settings> s = store(f, 1);
        JsonStore.Loaded<Settings> loaded = s.load();
        assertTrue(loaded.value().isEmpty());
        String notice = loaded.notice().orElseThrow();
        assertTrue(notice.contains("settings.json.corrupt-20261203-213005"), notice);
        assertTrue(notice.contains("starts without it"), notice);
        assertFalse(notice.contains("Exception"), notice);
        assertEquals(List.of("settings.json.corrupt-20261203-213005"), names());
        assertEquals("{\"version\": 1, \"value\": {\"theme\": \"da",
                Files.readString(loaded.setAside().orElseThrow()), "the bad file is kept byte for byte");

        s.save(new Settings("light", 100, List.of()));
        assertEquals("light", s.load().value().orElseThrow().theme());
    }

    @Test
    void aFileFromANewerVersionIsSetAsideAsFuture() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{\"version\": 3, \"value\": {\"theme\": \"dark\", \"zoom\": 100}}");
        JsonStore.Loaded<Settings> loaded = store(f, 2).load();
        assertTrue(loaded.value().isEmpty());
        String notice = loaded.notice().orElseThrow();
        assertTrue(notice.contains("newer version"), notice);
        assertTrue(notice.contains("settings.json.future-20261203-213005"), notice);
        assertEquals(List.of("settings.json.future-20261203-213005"), names());
    }

    @Test
    void aSecondBadFileInTheSameSecondDoesNotOverwriteTheFirstSetAside() throws IOException {
        Path f = dir.resolve("settings.json");
        JsonStore<Settings> s = store(f, 1);
        Files.writeString(f, "not json 1");
        s.load();
        Files.writeString(f, "not json 2");
        s.load();
        assertEquals(List.of("settings.json.corrupt-20261203-213005", "settings.json.corrupt-20261203-213005-2"), names());
    }

    /**
     * Files no store may accept, whichever way it reads JSON: not JSON, cut short, no envelope, versions that are not
     * versions, values that do not fit, data after the value, and nesting deeper than a parser's stack.
     */
    static final List<String> DAMAGED = List.of(
            "",
            "null",
            "[]",
            "\"text\"",
            "{}",
            "{\"version\": 1, \"value\": {\"theme\": \"da",
            "{\"version\": \"1\", \"value\": {}}",
            "{\"version\": 1.5, \"value\": {}}",
            "{\"version\": 0, \"value\": {}}",
            "{\"version\": -4, \"value\": {}}",
            "{\"version\": 1}",
            "{\"version\": 1, \"value\": null}",
            "{\"version\": 1, \"value\": {\"zoom\": \"big\"}}",
            "{\"version\": 1, \"value\": {\"recent\": {\"a\": 1}}}",
            "{\"version\": 99999999999999999999, \"value\": {}}",
            "{\"version\": 4294967297, \"value\": {}}",
            "\uFEFF{\"version\": 1, \"value\": {}}garbage",
            "{\"version\": 1, \"value\": {}} {\"version\": 1, \"value\": {}}",
            "[".repeat(100_000),
            "{\"version\": 1, \"value\": " + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001));

    /** Each of {@link #DAMAGED}, loaded by the store {@code open} gives for its file: refused with a notice, set aside. */
    static void assertEveryDamageIsSetAside(Path dir, java.util.function.Function<Path, JsonStore<?>> open) throws IOException {
        int i = 0;
        for (String content : DAMAGED) {
            Path f = dir.resolve("s" + (i++) + ".json");
            Files.writeString(f, content);
            JsonStore.Loaded<?> loaded = open.apply(f).load();
            String shown = content.substring(0, Math.min(60, content.length()));
            assertTrue(loaded.value().isEmpty(), "accepted: " + shown);
            assertTrue(loaded.notice().isPresent(), "no notice: " + shown);
            assertFalse(Files.exists(f), "not set aside: " + shown);
        }
    }

    @Test
    void everyKindOfDamageIsSetAsideNotThrown() throws IOException {
        assertEveryDamageIsSetAside(dir, f -> store(f, 1));
    }

    @Test
    void unknownFieldsFromALaterMinorChangeAreIgnored() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{\"version\": 1, \"value\": {\"theme\": \"dark\", \"zoom\": 110, \"newThing\": true}}");
        assertEquals(new Settings("dark", 110, null), store(f, 1).load().value().orElseThrow());
    }

    @Test
    void aFileHandEditedWithABomAndCrlfStillLoads() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "\uFEFF{\r\n\"version\": 1,\r\n\"value\": {\"theme\": \"dark\", \"zoom\": 90}\r\n}\r\n");
        assertEquals(new Settings("dark", 90, null), store(f, 1).load().value().orElseThrow());
    }

    @Test
    void anOlderVersionIsMigrated() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{\"version\": 1, \"value\": {\"darkMode\": true, \"zoom\": 120}}");
        JsonStore<Settings> s = new JsonStore<>(f, Settings.class, 2, "settings", (from, value) -> {
            assertEquals(1, from);
            ObjectNode o = (ObjectNode) value;
            o.put("theme", o.remove("darkMode").asBoolean() ? "dark" : "light");
            return o;
        });
        assertEquals(new Settings("dark", 120, null), s.load().value().orElseThrow());
    }

    @Test
    void aHugeFileIsSetAsideWithoutBeingReadIntoMemory() throws IOException {
        Path f = dir.resolve("settings.json");
        try (OutputStream out = Files.newOutputStream(f)) {
            byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n <= JsonStore.MAX_BYTES / chunk.length; n++) {
                out.write(chunk);
            }
        }
        JsonStore.Loaded<Settings> loaded = store(f, 1).load();
        assertTrue(loaded.notice().orElseThrow().contains("too large"));
        assertFalse(Files.exists(f));
    }

    @Test
    void savedFilesAreOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path f = dir.resolve("draft.json");
        store(f, 1).save(new Settings("dark", 100, List.of()));
        assertTrue(AtomicFiles.isOwnerOnly(f));
    }

    @Test
    void aSaveInterruptedBeforeTheMoveLoadsThePreviousValue() throws IOException {
        Path f = dir.resolve("draft.json");
        JsonStore<Settings> s = store(f, 1);
        s.save(new Settings("dark", 100, List.of("first")));
        Path temp = AtomicFiles.writeTemp(f, "{\"version\": 1, \"value\": {\"theme\"".getBytes(StandardCharsets.UTF_8), true);
        Files.setLastModifiedTime(temp, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        JsonStore.Loaded<Settings> loaded = store(f, 1).load();
        assertEquals(List.of("first"), loaded.value().orElseThrow().recent());
        assertTrue(loaded.notice().isEmpty());
        assertEquals(List.of("draft.json"), names(), "the stale temp was removed on load");
    }
}
