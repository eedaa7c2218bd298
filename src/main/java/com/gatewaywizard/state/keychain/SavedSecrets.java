package com.gatewaywizard.state.keychain;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.state.JsonStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The secrets a user chose to keep (opt-in), one entry per gateway pool: the Docker Hub token and the gateway config
 * in the OS {@link Keychain}, and beside them, in {@code keychain.json} under the app folder (no secret), which pools
 * have saved secrets, when they were saved, and the non-secret choices a redeploy needs that Azure does not report
 * (Docker Hub user, debug logging, liveness probe).
 *
 * <p>Blocking (child processes, disk): call off the FX thread. Thread-safe.
 */
public final class SavedSecrets {
    /** What the index keeps of one pool. Never a secret. */
    public record Entry(String subscriptionId, String resourceGroup, String pool, String dockerUser, boolean debugLogging,
            String liveness, long savedAtMillis) {
        public Instant savedAt() {
            return Instant.ofEpochMilli(savedAtMillis);
        }

        boolean is(String sub, String rg, String name) {
            return same(subscriptionId, sub) && same(resourceGroup, rg) && same(pool, name);
        }

        public LivenessProbe livenessProbe() {
            return LivenessProbe.fromCliName(liveness).orElse(LivenessProbe.NONE);
        }
    }

    /** The index file's content. */
    public record Index(List<Entry> entries) {
        public Index {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** A pool's saved secrets, read back from the keychain. */
    public record Saved(Entry entry, Secret dockerPat, Secret gatewayConfig) {
    }

    private final Keychain keychain;
    private final Path indexFile;
    /** Made on first use, off the FX thread: building it initialises Jackson. */
    private JsonStore<Index> store;
    private Keychain.Availability availability;
    private List<Entry> entries;

    public SavedSecrets(Keychain keychain, Path indexFile) {
        this.keychain = Objects.requireNonNull(keychain);
        this.indexFile = indexFile.toAbsolutePath();
    }

    /** The OS keychain of this machine, with the index in the app folder. Cheap: nothing is run or read yet. */
    public static SavedSecrets forThisOs() {
        Path dir = AppInfo.dataDir();
        return new SavedSecrets(Keychain.forThisOs(dir), dir.resolve("keychain.json"));
    }

    public Keychain keychain() {
        return keychain;
    }

    public Path indexFile() {
        return indexFile;
    }

    /** Whether the keychain can be used (checked once, then remembered). */
    public synchronized Keychain.Availability availability() {
        if (availability == null) {
            availability = keychain.availability();
        }
        return availability;
    }

    /** The index entry of that pool, if its secrets were saved. Reads only the index, never the keychain. */
    public synchronized Optional<Entry> entry(String sub, String rg, String pool) {
        return entries().stream().filter(e -> e.is(sub, rg, pool)).findFirst();
    }

    /** Every pool with saved secrets. */
    public synchronized List<Entry> all() {
        return List.copyOf(entries());
    }

    /**
     * Saves the spec's Docker Hub token and gateway config in the keychain under its pool, and the pool's entry in
     * the index. A spec without a token removes an older saved token.
     */
    public synchronized Entry save(GatewaySpec spec) throws IOException {
        requireAvailable();
        if (spec.gatewayConfig().isEmpty()) {
            throw new KeychainException("There is no gateway config to save for gateway " + spec.name() + ".");
        }
        KeychainKey pat = key(spec.subscriptionId(), spec.resourceGroup(), spec.name(), SecretKind.DOCKERHUB_PAT);
        KeychainKey config = key(spec.subscriptionId(), spec.resourceGroup(), spec.name(), SecretKind.GATEWAY_CONFIG);
        keychain.store(config, spec.gatewayConfig());
        if (spec.dockerPat().isEmpty()) {
            keychain.delete(pat);
        } else {
            keychain.store(pat, spec.dockerPat());
        }
        Entry e = new Entry(spec.subscriptionId(), spec.resourceGroup(), spec.name(), spec.dockerUser(), spec.debugLogging(),
                spec.liveness().cliName(), Instant.now().toEpochMilli());
        List<Entry> next = new ArrayList<>(entries());
        next.removeIf(x -> x.is(e.subscriptionId(), e.resourceGroup(), e.pool()));
        next.add(e);
        store().save(new Index(next));
        entries = next;
        return e;
    }

    /** The pool's saved secrets, read from the keychain; empty when none were saved (or the keychain lost them). */
    public synchronized Optional<Saved> load(String sub, String rg, String pool) throws IOException {
        Optional<Entry> e = entry(sub, rg, pool);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        requireAvailable();
        Optional<Secret> config = keychain.lookup(key(sub, rg, pool, SecretKind.GATEWAY_CONFIG));
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Secret pat = keychain.lookup(key(sub, rg, pool, SecretKind.DOCKERHUB_PAT)).orElse(Secret.EMPTY);
        return Optional.of(new Saved(e.get(), pat, config.get()));
    }

    /** Removes the pool's secrets from the keychain and its entry from the index; false when nothing was saved. */
    public synchronized boolean forget(String sub, String rg, String pool) throws IOException {
        boolean listed = entry(sub, rg, pool).isPresent();
        boolean removed = false;
        if (availability().available()) {
            removed |= keychain.delete(key(sub, rg, pool, SecretKind.GATEWAY_CONFIG));
            removed |= keychain.delete(key(sub, rg, pool, SecretKind.DOCKERHUB_PAT));
        } else if (listed) {
            throw new KeychainException("The saved secrets of gateway " + pool + " cannot be removed: the OS keychain is not"
                    + " available (" + availability().reason() + ").");
        }
        if (listed) {
            List<Entry> next = new ArrayList<>(entries());
            next.removeIf(x -> x.is(sub, rg, pool));
            store().save(new Index(next));
            entries = next;
        }
        return listed || removed;
    }

    private void requireAvailable() throws KeychainException {
        Keychain.Availability a = availability();
        if (!a.available()) {
            throw new KeychainException("The OS keychain is not available: " + a.reason() + ".");
        }
    }

    private List<Entry> entries() {
        if (entries == null) {
            entries = new ArrayList<>(store().load().orElse(new Index(List.of())).entries());
        }
        return entries;
    }

    private JsonStore<Index> store() {
        if (store == null) {
            store = new JsonStore<>(indexFile, Index.class, 1, "list of gateways with saved secrets", null);
        }
        return store;
    }

    private static KeychainKey key(String sub, String rg, String pool, SecretKind kind) {
        return new KeychainKey(sub, rg, pool, kind);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
