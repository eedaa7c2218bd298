package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.Azure;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.AzureTuning;
import com.gatewaywizard.azure.DeployListener;
import com.gatewaywizard.azure.DeployResult;
import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.keeper.KeeperRegion;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.ui.AppContext;
import com.gatewaywizard.ui.DashboardScope;
import com.gatewaywizard.ui.Navigator;
import com.gatewaywizard.ui.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-process simulator and a real session on it (real Azure SDK over HTTP), with gateways deployed by the real
 * {@code Deployer}, for the dashboard's robot tests and screenshots.
 */
final class DashSim implements AutoCloseable {
    static final String PAT = TestConfigs.fakePat("Dash");
    static final String CONFIG = TestConfigs.valid(KeeperRegion.EU);
    /** Quick polls so the tests need not wait. */
    static final DashboardView.Pace PACE = new DashboardView.Pace(Duration.ofMillis(150), Duration.ofMillis(600),
            Duration.ofMillis(150), 50_000);

    final ArmSimulator sim;
    final AzureServices az;
    final List<String> navigation = new ArrayList<>();

    DashSim(SimulatorOptions options) {
        this(options, false);
    }

    /**
     * @param servicePrincipal sign in as a service principal at the simulator's token endpoint (real, expiring
     *                         tokens; needs {@code options.tls()}) instead of the built-in simulator sign-in
     */
    DashSim(SimulatorOptions options, boolean servicePrincipal) {
        try {
            sim = ArmSimulator.start(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        az = servicePrincipal ? signInAgain() : Azure.connect(SignInRequest.simulator(sim.uri()), AzureTuning.fast(), sim.clientSslContext());
    }

    /** A new session on the same simulator, signed in as a service principal (a user signing in again). */
    AzureServices signInAgain() {
        return Azure.connect(new com.gatewaywizard.azure.SignInRequest(com.gatewaywizard.azure.CloudKind.SIMULATOR, sim.uri(),
                com.gatewaywizard.azure.SignInMethod.SERVICE_PRINCIPAL_SECRET, SeedWorld.TENANT, "sim-client",
                Secret.of("sim-secret-value"), null, null, null), AzureTuning.fast(), sim.clientSslContext());
    }

    static GatewaySpec.Builder spec(String name) {
        return GatewaySpec.builder().subscriptionId(SeedWorld.PRODUCTION).resourceGroup(SeedWorld.RESOURCE_GROUP)
                .region(SeedWorld.LOCATION).name(name).subnetId(SeedWorld.subnetId(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI))
                .dockerUser("hubuser").dockerPat(Secret.of(PAT)).gatewayConfig(Secret.of(CONFIG)).image("keeper/gateway:1.8.4")
                .cpu(1).memoryGb(2).liveness(LivenessProbe.NONE).instances(1);
    }

    DeployResult deploy(GatewaySpec spec) {
        return az.deployer().deploy(spec, DeployListener.NONE);
    }

    AppContext context() {
        AppContext ctx = new AppContext(Texts.bundle(), new Navigator() {
            @Override
            public void showStart() {
                navigation.add("start");
            }

            @Override
            public void showWizard() {
                navigation.add("wizard");
            }

            @Override
            public void showDashboard(DashboardScope scope) {
                navigation.add("dashboard");
            }
        });
        ctx.servicesProperty().set(az);
        ctx.simulatorProperty().set(true);
        return ctx;
    }

    /**
     * Hides every other window (a dialog or stage another test left open would sit on top of ours at the same place
     * in the headless screen and take the robot's clicks) and brings {@code stage} to the front.
     */
    static void onlyWindow(javafx.stage.Stage stage) {
        for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        stage.toFront();
        stage.requestFocus();
    }

    /** A dashboard on the session, in {@code stage} (1280 x 800, light theme), the only window shown. */
    static DashboardView show(javafx.stage.Stage stage, AppContext ctx) {
        return show(stage, ctx, 1280, 800, false);
    }

    /** The same at {@code width} x {@code height}, with the app's own style sheet too when {@code appCss}. */
    static DashboardView show(javafx.stage.Stage stage, AppContext ctx, double width, double height, boolean appCss) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        DashboardView view = new DashboardView(ctx, scope(), PACE);
        javafx.scene.Scene scene = new javafx.scene.Scene(view.root(), width, height);
        if (appCss) {
            scene.getStylesheets().add(com.gatewaywizard.ui.DesktopApp.class.getResource("app.css").toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
        onlyWindow(stage);
        return view;
    }

    /** Waits until {@code name} is listed, selects it, and waits until its detail is shown. */
    static void open(DashboardView view, String name) {
        until(name + " is listed", () -> view.model().rowNamed(name) != null);
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> view.select(name));
        until(name + " is shown", () -> view.currentDetail() != null && view.currentDetail().row().name().equals(name));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Stops the dashboard's polls and timers (after each test). */
    static void dispose(DashboardView view) {
        org.testfx.util.WaitForAsyncUtils.asyncFx(view::dispose);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code c} on the FX thread and returns its result (20 s at most). */
    static <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits up to 30 s until {@code c}, evaluated on the FX thread, is true. */
    static void until(String what, java.util.concurrent.Callable<Boolean> c) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(c));
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    static DashboardScope scope() {
        return new DashboardScope(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, null);
    }

    @Override
    public void close() {
        az.close();
        sim.close();
    }
}
