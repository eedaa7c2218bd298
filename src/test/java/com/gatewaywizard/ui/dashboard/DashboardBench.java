package com.gatewaywizard.ui.dashboard;

import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The dashboard's FX-thread benchmark (issue 6): 50 gateways on the in-process simulator (5 pools of 10), the whole
 * list refreshed every 150-600 ms while the selected gateway's log view takes 1,000 lines/s (50 lines every 50 ms),
 * in the app's window size with the app's style sheets. A pulse listener (an {@link AnimationTimer}, which asks for
 * a pulse on every frame, so any gap longer than a frame is time the FX thread was busy) records the longest gap
 * between pulses; the scene's pre/post-layout pulse listeners time CSS + layout of each pulse. Runs {@code RUNS}
 * measurements of {@code SECONDS} after a warm-up and prints one {@code DASHBENCH} line per run, which
 * {@code bench.DashboardSection} reads (median of the runs in the README table). Not a test: surefire never runs it.
 *
 * <p>Usage: {@code DashboardBench [RUNS] [SECONDS]}; {@code -Dbench.trace=true} prints where the first JavaFX control
 * notices (e.g. "index exceeds maxCellCount") come from.
 */
public final class DashboardBench {
    static final String MARK = "DASHBENCH ";
    private static final java.util.logging.Logger TRACE_LOGGER = java.util.logging.Logger.getLogger("javafx.scene.control");

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        if (Boolean.getBoolean("bench.trace")) {
            TRACE_LOGGER.addHandler(new java.util.logging.Handler() {
                int n;
                @Override public void publish(java.util.logging.LogRecord r) {
                    if (n++ < 2) {
                        new Throwable(r.getMessage()).printStackTrace();
                    }
                }
                @Override public void flush() { }
                @Override public void close() { }
            });
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        try (DashSim sim = new DashSim(SimulatorOptions.instant())) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int p = 1; p <= 5; p++) {
                GatewaySpec spec = DashSim.spec(String.format(Locale.ROOT, "gw-site-%02d", p)).cpu(0.1).memoryGb(0.5)
                        .instances(10).build();
                all.add(CompletableFuture.runAsync(() -> sim.deploy(spec)));
            }
            all.forEach(CompletableFuture::join);
            Run warm = measure(sim, Math.min(5, seconds));
            System.out.println("warm-up: " + warm);
            for (int i = 1; i <= runs; i++) {
                Run r = measure(sim, seconds);
                System.out.println(MARK + r.line());
            }
        }
        Platform.exit();
        System.exit(0);
    }

    /** One measurement's figures (milliseconds unless said). */
    record Run(int lines, long frames, double maxGapMs, double p99GapMs, int gapsOver50, double maxLayoutMs, double maxPulseCpuMs,
            long worstRefreshMs, double maxApplyMs, double maxAppendMs, double fxCpuS, int seconds, double load) {
        String line() {
            return String.format(Locale.ROOT, "maxGap=%.1f p99Gap=%.1f over50=%d frames=%d lines=%d maxLayout=%.1f maxPulseCpu=%.1f "
                    + "worstRefresh=%d maxApply=%.1f maxAppend=%.1f fxCpu=%.2f seconds=%d load=%.2f",
                    maxGapMs, p99GapMs, gapsOver50, frames, lines, maxLayoutMs, maxPulseCpuMs, worstRefreshMs, maxApplyMs, maxAppendMs,
                    fxCpuS, seconds, load);
        }

        @Override
        public String toString() {
            return line();
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return com.gatewaywizard.ui.wizard.FxThread.call(c);
    }

    private static void waitFor(String what, BooleanSupplier onFx) throws Exception {
        com.gatewaywizard.ui.wizard.FxThread.waitFor(what, 60_000, onFx);
    }

    static Run measure(DashSim sim, int seconds) throws Exception {
        Stage[] stage = new Stage[1];
        List<Long> gaps = new ArrayList<>();
        long[] last = {0};
        long[] layoutStart = {0};
        long[] maxLayout = {0};
        boolean[] on = {false};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] lastCpu = {0};
        long[] maxCpu = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime(); // the pulse's own clock is its start; ours includes a late start
                long cpu = mx.getCurrentThreadCpuTime();
                if (last[0] != 0) {
                    gaps.add(t - last[0]);
                    maxCpu[0] = Math.max(maxCpu[0], cpu - lastCpu[0]);
                }
                last[0] = t;
                lastCpu[0] = cpu;
            }
        };
        DashboardView view = fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            DashboardView v = new DashboardView(sim.context(), new com.gatewaywizard.ui.DashboardScope(
                    DashSim.scope().subscriptionId(), DashSim.scope().resourceGroup(), "gw-site-03-4"), DashSim.PACE);
            Scene scene = new Scene(v.root(), 1180, 760);
            scene.getStylesheets().add(com.gatewaywizard.ui.DesktopApp.class.getResource("app.css").toExternalForm());
            scene.addPreLayoutPulseListener(() -> layoutStart[0] = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (on[0] && layoutStart[0] != 0) {
                    maxLayout[0] = Math.max(maxLayout[0], System.nanoTime() - layoutStart[0]);
                }
            });
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            return v;
        });
        waitFor("50 gateways", () -> view.model().rows().size() == 50 && view.currentDetail() != null);
        Thread.sleep(500);
        long fxCpu0 = fx(mx::getCurrentThreadCpuTime);
        fx(() -> {
            view.resetMaxApply();
            return null;
        });
        fx(() -> {
            on[0] = true;
            timer.start();
            return null;
        });
        long[] maxAppend = {0};
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int seq = 0;
        long worstRefresh = 0;
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            List<String> batch = new ArrayList<>(50);
            for (int i = 0; i < 50; i++, seq++) {
                batch.add("2026-12-03T10:00:00.000000000Z INFO    gateway.router: Heartbeat: connected, latency 23 ms, "
                        + "active sessions " + seq);
            }
            Platform.runLater(() -> {
                long a = System.nanoTime();
                view.currentDetail().logs().append(batch);
                maxAppend[0] = Math.max(maxAppend[0], System.nanoTime() - a);
            });
            worstRefresh = Math.max(worstRefresh, view.lastRefreshMillis());
            next += 50_000_000L;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        double fxCpu = (fx(mx::getCurrentThreadCpuTime) - fxCpu0) / 1e9;
        fx(() -> {
            on[0] = false;
            timer.stop();
            return null;
        });
        double maxApply = fx(view::maxApplyNanos) / 1e6;
        fx(() -> {
            view.dispose();
            stage[0].close();
            return null;
        });
        long[] g = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
        double maxGap = g.length == 0 ? Double.NaN : g[g.length - 1] / 1e6;
        double p99 = g.length == 0 ? Double.NaN : g[(int) Math.min(g.length - 1, Math.ceil(g.length * 0.99) - 1)] / 1e6;
        int over = (int) gaps.stream().filter(x -> x > 50_000_000L).count();
        return new Run(seq, g.length + 1L, maxGap, p99, over, maxLayout[0] / 1e6, maxCpu[0] / 1e6, worstRefresh, maxApply,
                maxAppend[0] / 1e6, fxCpu, seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
