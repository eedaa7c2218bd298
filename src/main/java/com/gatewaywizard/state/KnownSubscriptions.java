package com.gatewaywizard.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions an account was last seen to have, with their tenant and name, kept across runs in a
 * {@link JsonStore} file, so a command given a subscription id does not list every subscription of every tenant
 * first just to learn which tenant's token it needs. Keyed by where (the cloud, and a simulator's URL) and who (the
 * account). Holds no secret: ids and display names.
 *
 * <p>Blocking (disk): call off the FX thread. Thread-safe.
 */
public final class KnownSubscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(KnownSubscriptions.class);
    static final int FORMAT = 1;

    /** One subscription as listed. */
    public record Known(String tenantId, String displayName) {
    }

    /** The file's content: "where|who|subscription id" (lower case) to what was listed. */
    public record Data(Map<String, Known> subscriptions) {
        public Data {
            subscriptions = subscriptions == null ? new TreeMap<>() : new TreeMap<>(subscriptions);
        }
    }

    /** A subscription as the caller lists it. */
    public record Listed(String id, String tenantId, String displayName) {
    }

    private final JsonStore<Data> store;
    private Map<String, Known> entries;

    private KnownSubscriptions(Path file) {
        this.store = new JsonStore<>(file, Data.class, FORMAT, "known subscriptions", null);
    }

    /** Kept in {@code file}. */
    public static KnownSubscriptions at(Path file) {
        return new KnownSubscriptions(file);
    }

    /** What was listed for that subscription of that account, if it was. */
    public synchronized Optional<Known> lookup(String where, String who, String subscriptionId) {
        Known k = load().get(key(where, who, subscriptionId));
        return k == null || k.tenantId() == null || k.tenantId().isBlank() ? Optional.empty() : Optional.of(k);
    }

    /** Replaces what is known of the account's subscriptions by a fresh listing. Saves when it changed. */
    public synchronized void remember(String where, String who, List<Listed> listed) {
        Map<String, Known> all = load();
        Map<String, Known> before = new TreeMap<>(all);
        String prefix = key(where, who, "");
        all.keySet().removeIf(k -> k.startsWith(prefix));
        for (Listed s : listed) {
            if (s.id() != null && s.tenantId() != null && !s.tenantId().isBlank()) {
                all.put(key(where, who, s.id()), new Known(s.tenantId(), s.displayName()));
            }
        }
        if (!all.equals(before)) {
            save(all);
        }
    }

    /** Forgets one subscription (Azure refused a call on it: its tenant may have changed). Saves. */
    public synchronized void forget(String where, String who, String subscriptionId) {
        if (load().remove(key(where, who, subscriptionId)) != null) {
            save(entries);
        }
    }

    private static String key(String where, String who, String subscriptionId) {
        return (where + "|" + who + "|" + subscriptionId).toLowerCase(Locale.ROOT);
    }

    private Map<String, Known> load() {
        if (entries == null) {
            JsonStore.Loaded<Data> l = store.load();
            l.notice().ifPresent(n -> LOG.info("{}", n));
            entries = new TreeMap<>(l.value().map(Data::subscriptions).orElse(Map.of()));
        }
        return entries;
    }

    private void save(Map<String, Known> all) {
        try {
            store.save(new Data(all));
        } catch (IOException e) {
            // Only a cache: the next command lists the subscriptions again.
            LOG.info("could not save the known subscriptions to {}: {}", store.file(), e.getMessage());
        }
    }
}
