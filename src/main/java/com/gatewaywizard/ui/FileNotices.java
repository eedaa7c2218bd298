package com.gatewaywizard.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * What the app's own files had to say while they were read or written — a damaged or newer-format settings or
 * sign-in file that was set aside, a file that could not be saved — kept until the start page shows it (and the log
 * records it), so nothing is set aside or lost without a word. Thread-safe: files are read on background threads and
 * before the first frame.
 */
public final class FileNotices {
    private static final List<String> PENDING = new ArrayList<>();

    private FileNotices() {
    }

    /** Keeps a notice for the start page (blank ones are ignored; the same text is kept once). */
    public static synchronized void add(String notice) {
        if (notice != null && !notice.isBlank() && !PENDING.contains(notice)) {
            PENDING.add(notice);
        }
    }

    /** The notices not shown yet, oldest first; they are handed out once. */
    public static synchronized List<String> take() {
        List<String> out = List.copyOf(PENDING);
        PENDING.clear();
        return out;
    }
}
