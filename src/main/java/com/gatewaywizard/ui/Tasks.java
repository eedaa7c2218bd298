package com.gatewaywizard.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All background work of the UI goes through here (DESIGN.md §6, rule 2: the FX thread never waits on the network or
 * disk). A fluent builder over {@link Task}: the work runs on a shared pool of daemon threads, the callbacks run on the
 * FX thread.
 *
 * <pre>{@code
 * Tasks.run(() -> catalog.subscriptions())
 *      .busy(model.loadingProperty())
 *      .onSuccess(list -> subscriptions.setAll(list))
 *      .onError(e -> status.set(Errors.explain(e)))
 *      .start();
 * }</pre>
 */
public final class Tasks {
    /** Built on the first failure: initialising logging (Logback reads its XML configuration) costs the FX thread
     * a few hundred milliseconds, which the first frames should not pay for a log line they may never write. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Tasks.class);
    }
    private static final ExecutorService POOL = Executors.newCachedThreadPool(new DaemonFactory());

    private Tasks() {
    }

    public static <T> Builder<T> run(Callable<T> work) {
        return new Builder<>(work);
    }

    /** The shared executor, for code that needs one (e.g. a {@code ScheduledService}). */
    public static ExecutorService executor() {
        return POOL;
    }

    /** Runs {@code r} on the FX thread: now if already there, else later. */
    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    public static final class Builder<T> {
        private final Callable<T> work;
        private Consumer<? super T> onSuccess = v -> { };
        private Consumer<Throwable> onError = e -> Log.LOG.warn("background task failed: {}", e.toString());
        private Runnable onCancel = () -> { };
        private Runnable andFinally = () -> { };
        private BooleanProperty busy;

        private Builder(Callable<T> work) {
            this.work = Objects.requireNonNull(work);
        }

        public Builder<T> onSuccess(Consumer<? super T> c) {
            onSuccess = c;
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> c) {
            onError = c;
            return this;
        }

        public Builder<T> onCancel(Runnable r) {
            onCancel = r;
            return this;
        }

        public Builder<T> andFinally(Runnable r) {
            andFinally = r;
            return this;
        }

        /** Set to true while the task runs (on the FX thread), e.g. to disable a button and show a spinner. */
        public Builder<T> busy(BooleanProperty p) {
            busy = p;
            return this;
        }

        /** Starts the work; call on the FX thread. The returned task can be cancelled. */
        public Task<T> start() {
            Task<T> task = new Task<>() {
                @Override
                protected T call() throws Exception {
                    return work.call();
                }
            };
            if (busy != null) {
                busy.set(true);
            }
            task.setOnSucceeded(e -> finish(() -> onSuccess.accept(task.getValue())));
            task.setOnFailed(e -> finish(() -> onError.accept(task.getException())));
            task.setOnCancelled(e -> finish(onCancel));
            POOL.execute(task);
            return task;
        }

        private void finish(Runnable r) {
            try {
                r.run();
            } finally {
                if (busy != null) {
                    busy.set(false);
                }
                andFinally.run();
            }
        }
    }

    private static final class DaemonFactory implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "gw-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
