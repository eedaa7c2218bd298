package com.gatewaywizard.ui.dashboard;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders the dashboard from the app's own classes on the in-process simulator (1, 5 and 50 gateways, light and
 * dark) to PNGs, and measures the FX thread with 50 gateways refreshing while a log streams 1,000 lines/s. Run by
 * {@code src/site/make-dashboard-screenshots.sh}. The views show no secret (GET never returns them; no console is
 * opened).
 *
 * <p>Usage: {@code DashboardScreenshots OUTPUT_DIR}
 */
public final class DashboardScreenshots {
    private DashboardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/site");
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);

        for (int n : new int[] {1, 5, 50}) {
            try (DashSim sim = new DashSim(SimulatorOptions.instant())) {
                String focus = deploy(sim, n);
                for (boolean dark : new boolean[] {false, true}) {
                    shoot(sim, n, dark, focus, out.resolve("dashboard-" + n + "-" + (dark ? "dark" : "light") + ".png"));
                }
                if (n == 50) {
                    bench(sim);
                }
            }
        }
        Platform.exit();
        System.exit(0);
    }

    /** Deploys the world of the shot; returns the gateway to select. */
    private static String deploy(DashSim sim, int n) {
        if (n == 1) {
            sim.deploy(DashSim.spec("keeper-gateway").build());
            return "keeper-gateway";
        }
        if (n == 5) {
            sim.deploy(DashSim.spec("keeper-gateway").instances(2).build());
            sim.deploy(DashSim.spec("gw-branch-office").build());
            sim.deploy(DashSim.spec("gw-lab").build());
            sim.az.control().stop(new com.gatewaywizard.azure.GatewayRef(DashSim.scope().subscriptionId(), DashSim.scope().resourceGroup(), "gw-lab"));
            sim.deploy(DashSim.spec("gw-new-site").dockerUser("").dockerPat(null).build());
            return "gw-new-site";
        }
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            GatewaySpec spec = DashSim.spec(String.format(Locale.ROOT, "gw-site-%02d", p)).cpu(0.1).memoryGb(0.5).instances(10).build();
            all.add(CompletableFuture.runAsync(() -> sim.deploy(spec)));
        }
        all.forEach(CompletableFuture::join);
        return "gw-site-03-4";
    }

    private static <T> T fx(Callable<T> c) throws Exception {
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

    private static void waitFor(String what, BooleanSupplier onFx) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (fx(onFx::getAsBoolean)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private static void shoot(DashSim sim, int n, boolean dark, String focus, Path file) throws Exception {
        Stage[] stage = new Stage[1];
        DashboardView view = fx(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
            DashboardView v = new DashboardView(sim.context(), new com.gatewaywizard.ui.DashboardScope(
                    DashSim.scope().subscriptionId(), DashSim.scope().resourceGroup(), focus), DashSim.PACE);
            Scene scene = new Scene(v.root(), 1440, 900);
            scene.getStylesheets().add(com.gatewaywizard.ui.DesktopApp.class.getResource("app.css").toExternalForm());
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            return v;
        });
        waitFor(n + " gateways listed", () -> view.model().rows().size() == n);
        waitFor("the focused gateway shown", () -> view.currentDetail() != null);
        waitFor("log lines", () -> view.currentDetail().logs().buffer().size() > 0 || !view.currentDetail().findings().isEmpty());
        Thread.sleep(800);
        WritableImage img = fx(() -> stage[0].getScene().snapshot(null));
        write(img, file);
        fx(() -> {
            view.dispose();
            stage[0].close();
            return null;
        });
        System.out.println("wrote " + file);
    }

    private static void write(WritableImage img, Path file) throws Exception {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        b.setRGB(0, 0, w, h, px, 0, w);
        ImageIO.write(b, "png", file.toFile());
    }

    /** 50 gateways refreshing every 150 ms-600 ms while the log view takes 1,000 lines/s: the longest FX-thread gap. */
    private static void bench(DashSim sim) throws Exception {
        Stage[] stage = new Stage[1];
        long[] maxGap = {0};
        long[] last = {0};
        long[] frames = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    maxGap[0] = Math.max(maxGap[0], now - last[0]);
                }
                last[0] = now;
                frames[0]++;
            }
        };
        DashboardView view = fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            DashboardView v = new DashboardView(sim.context(), new com.gatewaywizard.ui.DashboardScope(
                    DashSim.scope().subscriptionId(), DashSim.scope().resourceGroup(), "gw-site-01"), DashSim.PACE);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(v.root(), 1440, 900));
            stage[0].show();
            return v;
        });
        waitFor("50 gateways", () -> view.model().rows().size() == 50 && view.currentDetail() != null);
        Thread.sleep(500);
        long refreshes0 = fx(() -> view.model().lastRefreshProperty().get().toEpochMilli());
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] fxCpu = {fx(mx::getCurrentThreadCpuTime)};
        fx(() -> {
            timer.start();
            return null;
        });
        long[] maxAppend = {0};
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int seq = 0;
        long worstRefresh = 0;
        while (System.nanoTime() < end) {
            List<String> batch = new ArrayList<>(50);
            for (int i = 0; i < 50; i++, seq++) {
                batch.add("2026-12-03T10:00:00.000000000Z INFO    gateway.router: Heartbeat: connected, latency 23 ms, active sessions " + seq);
            }
            Platform.runLater(() -> {
                long a = mx.getCurrentThreadCpuTime();
                view.currentDetail().logs().append(batch);
                maxAppend[0] = Math.max(maxAppend[0], mx.getCurrentThreadCpuTime() - a);
            });
            worstRefresh = Math.max(worstRefresh, view.lastRefreshMillis());
            Thread.sleep(50);
        }
        long refreshes1 = fx(() -> view.model().lastRefreshProperty().get().toEpochMilli());
        double fxBusy = (fx(mx::getCurrentThreadCpuTime) - fxCpu[0]) / 1e9;
        fx(() -> {
            timer.stop();
            view.dispose();
            stage[0].close();
            return null;
        });
        System.out.printf(Locale.ROOT, "BENCH dashboard 50 gateways: %d log lines in 10 s, %d frames, longest FX-thread gap %.1f ms,"
                + " slowest full refresh of 50 %d ms (refreshing for %.1f s); FX thread CPU %.1f s of 10 s, longest 50-line"
                + " append %.1f ms CPU, longest refresh apply %.1f ms wall; load average %.1f on %d cores%n", seq, frames[0],
                maxGap[0] / 1e6, worstRefresh, (refreshes1 - refreshes0) / 1000.0, fxBusy, maxAppend[0] / 1e6,
                view.maxApplyNanos() / 1e6, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
