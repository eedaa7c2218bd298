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

    /**
     * The file's content: "where|who|subscription id" (lower case) to what was listed, and "where|who" to when it was
     * last listed (epoch milliseconds; absent in files written before the cap, which count as oldest).
     */
    public record Data(Map<String, Known> subscriptions, Map<String, Long> listedAt) {
        public Data {
            subscriptions = subscriptions == null ? new TreeMap<>() : new TreeMap<>(subscriptions);
            listedAt = listedAt == null ? new TreeMap<>() : new TreeMap<>(listedAt);
        }
    }

    /**
     * At most this many listings (one per cloud and account) are kept; remembering one more drops the least recently
     * listed. Besides, a listing of a where with a URL ({@code "SIMULATOR http://127.0.0.1:PORT"}: a simulator, whose
     * port and world change each run) replaces those of the same cloud at other URLs, so the file does not grow by
     * one listing per simulator run.
     */
    public static final int MAX_LISTINGS = 20;
    /** How stale a listing's saved time may get before the same listing again writes the file. */
    private static final long RECENCY_GRAIN_MS = 3_600_000L;

    /**
     * The file's JSON without Jackson: every command given a subscription id reads this file first, before anything
     * else would need Jackson's object mapper (about 40 ms of a CLI command to build and to read a record through).
     * Unknown members are ignored; a member of the wrong kind makes the file damaged (set aside, listed again).
     */
    static final JsonStore.Codec<Data> CODEC = new JsonStore.Codec<>() {
        @Override
        public Data fromJson(Object json) {
            Map<?, ?> m = (Map<?, ?>) json;
            Map<String, Known> subscriptions = new TreeMap<>();
            if (m.get("subscriptions") instanceof Map<?, ?> subs) {
                for (Map.Entry<?, ?> e : subs.entrySet()) {
                    Map<?, ?> k = (Map<?, ?>) e.getValue();
                    subscriptions.put((String) e.getKey(), new Known((String) k.get("tenantId"), (String) k.get("displayName")));
                }
            } else if (m.get("subscriptions") != null) {
                throw new IllegalArgumentException("subscriptions is not an object");
            }
            Map<String, Long> listed = new TreeMap<>();
            if (m.get("listedAt") instanceof Map<?, ?> at) {
                for (Map.Entry<?, ?> e : at.entrySet()) {
                    listed.put((String) e.getKey(), ((Number) e.getValue()).longValue());
                }
            } else if (m.get("listedAt") != null) {
                throw new IllegalArgumentException("listedAt is not an object");
            }
            return new Data(subscriptions, listed);
        }

        @Override
        public Object toJson(Data d) {
            Map<String, Object> subscriptions = new java.util.LinkedHashMap<>();
            d.subscriptions().forEach((k, v) -> {
                Map<String, Object> known = new java.util.LinkedHashMap<>();
                known.put("tenantId", v.tenantId());
                known.put("displayName", v.displayName());
                subscriptions.put(k, known);
            });
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("subscriptions", subscriptions);
            out.put("listedAt", new java.util.LinkedHashMap<>(d.listedAt()));
            return out;
        }
    };

    /** A subscription as the caller lists it. */
    public record Listed(String id, String tenantId, String displayName) {
    }

    private final JsonStore<Data> store;
    private Map<String, Known> entries;
    private Map<String, Long> listedAt;
    private final java.util.function.LongSupplier clock;

    private KnownSubscriptions(Path file, java.util.function.LongSupplier clock) {
        this.store = JsonStore.withCodec(file, FORMAT, "known subscriptions file", CODEC);
        this.clock = clock;
    }

    /** Kept in {@code file}. */
    public static KnownSubscriptions at(Path file) {
        return new KnownSubscriptions(file, System::currentTimeMillis);
    }

    /** Kept in {@code file}, with this clock (epoch milliseconds) for which listing is the most recent. */
    static KnownSubscriptions at(Path file, java.util.function.LongSupplier clock) {
        return new KnownSubscriptions(file, clock);
    }

    /** What was listed for that subscription of that account, if it was. */
    public synchronized Optional<Known> lookup(String where, String who, String subscriptionId) {
        Known k = load().get(key(where, who, subscriptionId));
        return k == null || k.tenantId() == null || k.tenantId().isBlank() ? Optional.empty() : Optional.of(k);
    }

    /**
     * Replaces what is known of the account's subscriptions by a fresh listing, and drops listings beyond the cap
     * ({@link #MAX_LISTINGS}). Saves when it changed.
     */
    public synchronized void remember(String where, String who, List<Listed> listed) {
        Map<String, Known> all = load();
        Map<String, Known> before = new TreeMap<>(all);
        Map<String, Long> timesBefore = new TreeMap<>(listedAt);
        String listing = listing(where, who);
        String prefix = listing + "|";
        all.keySet().removeIf(k -> k.startsWith(prefix));
        for (Listed s : listed) {
            if (s.id() != null && s.tenantId() != null && !s.tenantId().isBlank()) {
                all.put(key(where, who, s.id()), new Known(s.tenantId(), s.displayName()));
            }
        }
        listedAt.put(listing, clock.getAsLong());
        // the same cloud at another URL: an earlier simulator run
        String w = where.toLowerCase(Locale.ROOT);
        int space = w.indexOf(' ');
        if (space > 0) {
            String cloud = w.substring(0, space + 1);
            String whereKey = w + "|";
            dropListings(k -> k.startsWith(cloud) && !k.startsWith(whereKey));
        }
        // the cap: the least recently listed go first (those of older files, with no time, before any)
        java.util.Set<String> listings = new java.util.TreeSet<>(listedAt.keySet());
        all.keySet().forEach(k -> listings.add(k.substring(0, k.lastIndexOf('|'))));
        if (listings.size() > MAX_LISTINGS) {
            List<String> oldestFirst = listings.stream()
                    .sorted(java.util.Comparator.comparingLong((String k) -> listedAt.getOrDefault(k, 0L)))
                    .toList();
            java.util.Set<String> drop = new java.util.HashSet<>(oldestFirst.subList(0, listings.size() - MAX_LISTINGS));
            drop.remove(listing);
            dropListings(drop::contains);
        }
        // the same listing again changes only its time: written when what is known changed, or the time is an hour old
        Long previously = timesBefore.get(listing);
        boolean timeStale = previously == null || listedAt.get(listing) - previously > RECENCY_GRAIN_MS;
        if (!all.equals(before) || !listedAt.keySet().equals(timesBefore.keySet()) || timeStale) {
            save(all);
        }
    }

    /** Removes the listings (keys "where|who") that {@code which} accepts, with their subscriptions. */
    private void dropListings(java.util.function.Predicate<String> which) {
        entries.keySet().removeIf(k -> which.test(k.substring(0, k.lastIndexOf('|'))));
        listedAt.keySet().removeIf(which);
    }

    private static String listing(String where, String who) {
        return (where + "|" + who).toLowerCase(Locale.ROOT);
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
            listedAt = new TreeMap<>(l.value().map(Data::listedAt).orElse(Map.of()));
        }
        return entries;
    }

    private void save(Map<String, Known> all) {
        try {
            store.save(new Data(all, listedAt));
        } catch (IOException e) {
            // Only a cache: the next command lists the subscriptions again.
            LOG.info("could not save the known subscriptions to {}: {}", store.file(), e.getMessage());
        }
    }
}
