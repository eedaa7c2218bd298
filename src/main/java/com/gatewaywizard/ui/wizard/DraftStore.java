package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.state.JsonStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The wizard's draft on disk ({@code draft.json} under {@link AppInfo#dataDir()}), without secrets, kept with the
 * shared {@link JsonStore} (atomic, owner-only; a corrupt file is set aside, never a crash). Blocking: call off the
 * FX thread.
 */
public final class DraftStore {
    /** A draft found on disk and when it was saved; or only a notice when a bad file was set aside. */
    public record Found(Optional<WizardDraft> draft, Instant savedAt, Optional<String> notice) {
    }

    private final Path file;
    /** Made on first use, off the FX thread: building it initialises Jackson (hundreds of classes). */
    private volatile JsonStore<WizardDraft> store;

    public DraftStore() {
        this(AppInfo.dataDir().resolve("draft.json"));
    }

    public DraftStore(Path file) {
        this.file = file;
    }

    private JsonStore<WizardDraft> store() {
        JsonStore<WizardDraft> s = store;
        if (s == null) {
            synchronized (this) {
                s = store;
                if (s == null) {
                    s = new JsonStore<>(file, WizardDraft.class, 1, "wizard draft", null);
                    store = s;
                }
            }
        }
        return s;
    }

    public Path file() {
        return file;
    }

    public void save(WizardDraft draft) throws IOException {
        store().save(draft);
    }

    public Found load() {
        JsonStore.Loaded<WizardDraft> l = store().load();
        Instant at = null;
        try {
            if (l.value().isPresent()) {
                at = Files.getLastModifiedTime(file).toInstant();
            }
        } catch (IOException e) {
            at = Instant.now();
        }
        return new Found(l.value(), at, l.notice());
    }

    public void delete() throws IOException {
        store().delete();
    }
}
