package com.gatewaywizard.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lets the process end at once after its last HTTP call.
 *
 * <p>The JDK's HTTP client (under azure-core's JdkHttpClient) keeps a selector thread per client, parked in native
 * code (epoll) for as long as the client lives, and JDK 17 has no way to close a client. At exit the JVM waits for
 * threads in native code to settle, up to 300 ms, so every CLI command that called Azure ended about 0.3 s after its
 * work was done. The selector thread ends its loop when interrupted, which is what {@link #releaseForExit} does just
 * before {@code System.exit}, when no request can be in flight.
 */
public final class HttpThreads {
    /** The JDK's name for a client's selector thread: {@code HttpClient-<n>-SelectorManager}. */
    static final Pattern SELECTOR = Pattern.compile("HttpClient-\\d+-SelectorManager");

    private HttpThreads() {
    }

    /** Ends the JDK HTTP clients' selector threads and waits (up to about 200 ms in all) until they are gone. */
    public static void releaseForExit() {
        List<Thread> selectors = selectors();
        for (Thread t : selectors) {
            t.interrupt();
        }
        long deadline = System.nanoTime() + 200_000_000L;
        for (Thread t : selectors) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The selector threads still running. */
    static List<Thread> selectors() {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && t.isAlive() && SELECTOR.matcher(t.getName()).matches()) {
                found.add(t);
            }
        }
        return found;
    }
}
