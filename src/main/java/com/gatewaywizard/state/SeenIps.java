package com.gatewaywizard.state;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last IP address seen per container group (by ARM resource id, case-insensitive), kept across app runs in a
 * {@link JsonStore} file, so the dashboard can flag a gateway whose IP changed since it was last looked at (a stop
 * deallocates; the next start may get another address) until the user acknowledges it. Holds no secret.
 *
 * <p>Blocking (disk): call from a background thread. Thread-safe. A store made with {@link #inMemory()} keeps the
 * addresses for this run only.
 */
public final class SeenIps {
    private static final Logger LOG = LoggerFactory.getLogger(SeenIps.class);
    static final int FORMAT = 1;

    /** One group: the address last seen, and the one before it while a change is not yet acknowledged (and when it changed, ISO-8601). */
    public record Entry(String ip, String previousIp, String changedAt) {
    }

    /** The file's content. */
    public record Data(Map<String, Entry> groups) {
        public Data {
            groups = groups == null ? new TreeMap<>() : new TreeMap<>(groups);
        }
    }

    private final JsonStore<Data> store;
    private final Map<String, Entry> groups = new HashMap<>();
    private boolean loaded;

    private SeenIps(Path file) {
        this.store = file == null ? null : new JsonStore<>(file, Data.class, FORMAT, "last-seen gateway addresses", null);
    }

    /** Kept in {@code file} across runs. */
    public static SeenIps at(Path file) {
        return new SeenIps(file);
    }

    /** Kept for this run only. */
    public static SeenIps inMemory() {
        return new SeenIps(null);
    }

    /**
     * Records the addresses now seen ({@code ip} null while a group has none, e.g. stopped: nothing is recorded) and
     * returns, for every group of {@code now} whose address changed since it was first seen and the change is not
     * acknowledged, the address before the change. Saves when anything changed.
     */
    public synchronized Map<String, String> observe(Map<String, String> now) {
        loadOnce();
        boolean dirty = false;
        Map<String, String> changed = new HashMap<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String id = key(e.getKey());
            String ip = e.getValue();
            Entry old = groups.get(id);
            if (ip != null && !ip.isBlank()) {
                if (old == null) {
                    groups.put(id, new Entry(ip, null, null));
                    dirty = true;
                } else if (!ip.equals(old.ip())) {
                    old = new Entry(ip, old.ip(), Instant.now().toString());
                    groups.put(id, old);
                    dirty = true;
                }
            }
            if (old != null && old.previousIp() != null) {
                changed.put(e.getKey(), old.previousIp());
            }
        }
        if (dirty) {
            save();
        }
        return changed;
    }

    /** The user saw the change of {@code id}: no flag until its address changes again. Saves. */
    public synchronized void acknowledge(String id) {
        loadOnce();
        Entry e = groups.get(key(id));
        if (e != null && e.previousIp() != null) {
            groups.put(key(id), new Entry(e.ip(), null, null));
            save();
        }
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private void loadOnce() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (store != null) {
            JsonStore.Loaded<Data> l = store.load();
            l.notice().ifPresent(n -> LOG.warn("{}", n));
            l.value().ifPresent(d -> d.groups().forEach((k, v) -> {
                if (v != null && v.ip() != null) {
                    groups.put(key(k), v);
                }
            }));
        }
    }

    private void save() {
        if (store == null) {
            return;
        }
        try {
            store.save(new Data(groups));
        } catch (IOException e) {
            // The flag still works for this run; the next run may miss a change.
            LOG.warn("could not save the last-seen gateway addresses to {}: {}", store.file(), e.getMessage());
        }
    }
}
