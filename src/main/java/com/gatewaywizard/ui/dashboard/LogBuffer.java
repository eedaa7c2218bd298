package com.gatewaywizard.ui.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A bounded ring buffer of log lines that is an {@code ObservableList}, so a {@code ListView} shows it virtualised.
 * Appending past the capacity drops the oldest lines in the same change (one remove at the front, one add at the end),
 * so memory stays bounded however long the log is followed. Modify on the FX thread only (it backs a control).
 */
public final class LogBuffer extends ObservableListBase<LogLine> {
    public static final int DEFAULT_CAPACITY = 50_000;

    private LogLine[] ring;
    private int head;
    private int size;
    private long dropped;

    public LogBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        ring = new LogLine[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    /** How many old lines were dropped to stay within the capacity since the buffer was made or cleared. */
    public long dropped() {
        return dropped;
    }

    @Override
    public LogLine get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ring[(head + index) % ring.length];
    }

    @Override
    public int size() {
        return size;
    }

    /** Appends lines at the end, dropping the oldest beyond the capacity; one change event. */
    public void append(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int cap = ring.length;
        List<LogLine> in = lines.size() > cap ? lines.subList(lines.size() - cap, lines.size()) : lines;
        int overflow = Math.max(0, size + in.size() - cap);
        beginChange();
        try {
            if (overflow > 0) {
                List<LogLine> removed = new ArrayList<>(overflow);
                for (int i = 0; i < overflow; i++) {
                    int at = (head + i) % cap;
                    removed.add(ring[at]);
                    ring[at] = null;
                }
                head = (head + overflow) % cap;
                size -= overflow;
                dropped += overflow + (lines.size() - in.size());
                nextRemove(0, removed);
            } else if (lines.size() > in.size()) {
                dropped += lines.size() - in.size();
            }
            int from = size;
            for (LogLine l : in) {
                ring[(head + size) % cap] = l;
                size++;
            }
            nextAdd(from, size);
        } finally {
            endChange();
        }
    }

    @Override
    public boolean add(LogLine line) {
        append(List.of(line));
        return true;
    }

    @Override
    public boolean addAll(Collection<? extends LogLine> c) {
        append(List.copyOf(c));
        return !c.isEmpty();
    }

    @Override
    public void clear() {
        if (size == 0) {
            return;
        }
        List<LogLine> removed = new ArrayList<>(this);
        ring = new LogLine[ring.length];
        head = 0;
        size = 0;
        dropped = 0;
        beginChange();
        nextRemove(0, removed);
        endChange();
    }

    /** Changes the capacity, keeping the newest lines that fit. */
    public void setCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        List<LogLine> keep = new ArrayList<>(this);
        clear();
        ring = new LogLine[capacity];
        append(keep);
    }
}
