package com.gatewaywizard.ui.wizard;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/** Starts the JavaFX toolkit (no stage) and runs code on its thread, for view-model tests (and the dashboard's probes). */
public final class FxThread {
    private static volatile boolean started;

    private FxThread() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        try {
            // the toolkit as TestFX starts it, so robot test classes that run later in this JVM find the same set-up
            org.testfx.api.FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
        started = true;
    }

    public static <T> T call(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(20, TimeUnit.SECONDS);
    }

    static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Waits (off the FX thread) until {@code condition}, checked on the FX thread, holds. */
    public static void waitFor(String what, long timeoutMs, BooleanSupplier condition) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
