package com.gatewaywizard.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The requests the simulator answered (method, path, api-version, status), newest last, so tests can count the
 * requests an operation costs. Bodies and headers are never recorded. Keeps the last {@value #CAPACITY}.
 */
public final class RequestLog {
    static final int CAPACITY = 10_000;

    /** One answered request. {@code path} is as received (slashes folded), without the query. */
    public record Entry(long at, String method, String path, String apiVersion, int status) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    /** Counts a request as it arrives (an entry is added only once it is answered, which may be much later). */
    void received() {
        received.incrementAndGet();
    }

    /**
     * How many ARM and login requests have arrived so far, answered or not. "Nothing more is sent after X" is this
     * count standing still: the entries still grow while requests sent before X are being answered.
     */
    public long receivedCount() {
        return received.get();
    }

    synchronized void add(Entry e) {
        entries.addLast(e);
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
