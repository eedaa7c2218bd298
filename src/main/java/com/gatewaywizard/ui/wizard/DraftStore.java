package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.ui.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wizard's draft on disk ({@code draft.json} under {@link AppInfo#dataDir()}), without secrets. Blocking file
 * work: call off the FX thread. A draft that cannot be read is set aside ({@code draft.json.corrupt-*}), never a crash.
 */
public final class DraftStore {
    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);

    /** A draft found on disk: its text and when it was saved. */
    public record Draft(String json, Instant savedAt) {
    }

    private final Path file;

    public DraftStore() {
        this(AppInfo.dataDir().resolve("draft.json"));
    }

    public DraftStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void save(String json) throws IOException {
        AtomicFiles.write(file, json);
    }

    /** Checks that a text is a draft without an FX model: parses its JSON shape. */
    static boolean looksLikeDraft(String text) {
        try {
            var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            return n != null && n.isObject() && n.path("version").asInt() == 1;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the draft without applying it (no FX): a corrupt draft is set aside. */
    public Optional<Draft> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file);
            if (!looksLikeDraft(text)) {
                throw new IOException("not a draft");
            }
            return Optional.of(new Draft(text, Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("draft {} could not be read ({}); set aside", file, e.getClass().getSimpleName());
            try {
                AtomicFiles.setAside(file);
            } catch (IOException ignored) {
                // nothing more to do
            }
            return Optional.empty();
        }
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
