package com.gatewaywizard.ui.dashboard;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders the dashboard from the app's own classes on the in-process simulator (1, 5 and 50 gateways, light and
 * dark) to PNGs, and measures the FX thread once with 50 gateways refreshing while a log streams 1,000 lines/s
 * ({@link DashboardBench}). Run by
 * {@code src/site/make-dashboard-screenshots.sh}. The views show no secret (GET never returns them; no console is
 * opened).
 *
 * <p>Usage: {@code DashboardScreenshots OUTPUT_DIR}
 */
public final class DashboardScreenshots {
    private DashboardScreenshots() {
    }

    /** Window size of the shots: {@code -Dshots.size=1180x760} (the app's default size) or the 1440x900 default. */
    static final int W = Integer.parseInt(System.getProperty("shots.size", "1440x900").split("x")[0]);
    static final int H = Integer.parseInt(System.getProperty("shots.size", "1440x900").split("x")[1]);

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
                    System.out.println("BENCH dashboard 50 gateways, logs at 1,000 lines/s, 10 s (DashboardBench; the README "
                            + "table has the median of 5 from mvn -Pbench verify): " + DashboardBench.measure(sim, 10));
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
        return com.gatewaywizard.ui.wizard.FxThread.call(c);
    }

    private static void waitFor(String what, BooleanSupplier onFx) throws Exception {
        com.gatewaywizard.ui.wizard.FxThread.waitFor(what, 30_000, onFx);
    }

    private static void shoot(DashSim sim, int n, boolean dark, String focus, Path file) throws Exception {
        Stage[] stage = new Stage[1];
        DashboardView view = fx(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
            DashboardView v = new DashboardView(sim.context(), new com.gatewaywizard.ui.DashboardScope(
                    DashSim.scope().subscriptionId(), DashSim.scope().resourceGroup(), focus), DashSim.PACE);
            Scene scene = new Scene(v.root(), W, H);
            scene.getStylesheets().add(com.gatewaywizard.ui.DesktopApp.class.getResource("app.css").toExternalForm());
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            return v;
        });
        waitFor(n + " gateways listed", () -> view.model().rows().size() == n);
        waitFor("the focused gateway shown", () -> view.currentDetail() != null);
        waitFor("log lines", () -> view.currentDetail().logs().buffer().size() > 0 || !view.currentDetail().findings().isEmpty());
        if (System.getProperty("shots.tab") != null) { // e.g. -Dshots.tab=1 for the Events tab
            fx(() -> {
                stage[0].getScene().getRoot().lookupAll(".tab-pane").forEach(tp -> ((javafx.scene.control.TabPane) tp)
                        .getSelectionModel().select(Integer.parseInt(System.getProperty("shots.tab"))));
                return null;
            });
        }
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

    static void write(WritableImage img, Path file) throws Exception {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        b.setRGB(0, 0, w, h, px, 0, w);
        ImageIO.write(b, "png", file.toFile());
    }
}
