package com.gatewaywizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSavedDraftComesBackWithoutSecrets() throws Exception {
        DraftStore store = new DraftStore(dir.resolve("draft.json"));
        WizardDraft d = new WizardDraft("sub", "rg", "westeurope", "", "user", "gw", "keeper/gateway:latest", "2", "8",
                true, "exec", 3, true);
        store.save(d);
        DraftStore.Found f = store.load();
        assertEquals(d, f.draft().orElseThrow());
        assertTrue(f.savedAt() != null);
        String text = Files.readString(store.file());
        assertFalse(text.contains("dockerPat") || text.contains("gatewayConfig"), text);
    }

    @Test
    void aCorruptDraftIsSetAsideNotACrash() throws Exception {
        Path file = dir.resolve("draft.json");
        Files.writeString(file, "{\"version\": 1, \"value\": {\"name\": ");
        DraftStore.Found f = new DraftStore(file).load();
        assertTrue(f.draft().isEmpty());
        assertTrue(f.notice().isPresent());
        assertFalse(Files.exists(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("draft.json.corrupt")));
        }
    }
}
