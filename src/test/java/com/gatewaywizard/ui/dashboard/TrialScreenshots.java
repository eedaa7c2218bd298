package com.gatewaywizard.ui.dashboard;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Renders the screens the dashboard trial fixes changed (the detail at 1180 px with its facts and the named
 * subscription; the notice for a gateway deleted elsewhere; the redeploy secrets dialog), light and dark, headless.
 * Usage: {@code TrialScreenshots OUTPUT_DIR}. No secret is typed (the dialog is shown empty but for the user).
 */
public final class TrialScreenshots {
    private TrialScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/trial-shots");
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            try (DashSim sim = new DashSim(SimulatorOptions.instant())) {
                sim.deploy(DashSim.spec("keeper-gateway").image("keeper/gateway:latest").build());
                sim.deploy(DashSim.spec("gw-gone").build());
                Stage[] stage = new Stage[1];
                DashboardView view = fx(() -> {
                    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
                    DashboardView v = new DashboardView(sim.context(), DashSim.scope(), DashSim.PACE);
                    Scene scene = new Scene(v.root(), 1180, 760);
                    scene.getStylesheets().add(com.gatewaywizard.ui.DesktopApp.class.getResource("app.css").toExternalForm());
                    stage[0] = new Stage();
                    stage[0].setScene(scene);
                    stage[0].show();
                    return v;
                });
                waitFor("listed", () -> view.model().rows().size() == 2);
                fx(() -> {
                    view.select("keeper-gateway");
                    return null;
                });
                waitFor("shown", () -> view.currentDetail() != null);
                Thread.sleep(1500);
                shoot(stage[0], out.resolve("trial-detail-" + theme + ".png"));
                fx(() -> {
                    ((javafx.scene.control.SplitPane) stage[0].getScene().lookup(".split-pane")).setDividerPositions(0.66);
                    return null;
                });
                Thread.sleep(800);
                shoot(stage[0], out.resolve("trial-detail-narrow-" + theme + ".png"));
                fx(() -> {
                    ((javafx.scene.control.SplitPane) stage[0].getScene().lookup(".split-pane")).setDividerPositions(0.44);
                    return null;
                });

                fx(() -> {
                    view.select("gw-gone");
                    return null;
                });
                waitFor("gone shown", () -> view.currentDetail() != null && view.currentDetail().row().name().equals("gw-gone"));
                sim.az.control().delete(new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-gone"));
                waitFor("gone", () -> view.model().rowNamed("gw-gone") == null);
                Thread.sleep(800);
                shoot(stage[0], out.resolve("trial-gone-" + theme + ".png"));

                fx(() -> {
                    view.select("keeper-gateway");
                    stage[0].getScene().lookup("#action-redeploy").getClass();
                    ((javafx.scene.control.Button) stage[0].getScene().lookup("#action-redeploy")).fire();
                    return null;
                });
                waitFor("confirm", () -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null && w.getScene().lookup("#confirm-ok") != null));
                fx(() -> {
                    Window w = Window.getWindows().stream().filter(x -> x.getScene() != null && x.getScene().lookup("#confirm-ok") != null).findFirst().get();
                    ((javafx.scene.control.Button) w.getScene().lookup("#confirm-ok")).fire();
                    return null;
                });
                waitFor("secrets", () -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#secrets-dialog") != null));
                Thread.sleep(800);
                Window d = fx(() -> Window.getWindows().stream().filter(x -> x.isShowing() && x.getScene() != null && x.getScene().lookup("#secrets-dialog") != null).findFirst().get());
                fx(() -> {
                    ((javafx.scene.control.ChoiceBox<?>) d.getScene().lookup("#secrets-probe")).show();
                    return null;
                });
                Thread.sleep(600);
                DashboardScreenshots.write(fx(() -> d.getScene().snapshot(null)), out.resolve("trial-secrets-" + theme + ".png"));
                fx(() -> {
                    ((javafx.scene.control.ChoiceBox<?>) d.getScene().lookup("#secrets-probe")).hide();
                    d.hide();
                    view.dispose();
                    stage[0].close();
                    return null;
                });
            }
        }
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(Stage s, Path file) throws Exception {
        DashboardScreenshots.write(fx(() -> s.getScene().snapshot(null)), file);
        System.out.println("wrote " + file);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return com.gatewaywizard.ui.wizard.FxThread.call(c);
    }

    private static void waitFor(String what, BooleanSupplier onFx) throws Exception {
        com.gatewaywizard.ui.wizard.FxThread.waitFor(what, 30_000, onFx);
    }
}
