package com.gatewaywizard.ui.dashboard;

import static com.gatewaywizard.ui.dashboard.DashSim.onFx;
import static com.gatewaywizard.ui.dashboard.DashSim.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.state.keychain.KeychainKey;
import com.gatewaywizard.state.keychain.PrivateSecretService;
import com.gatewaywizard.state.keychain.SavedSecrets;
import com.gatewaywizard.state.keychain.SecretKind;
import com.gatewaywizard.ui.AppContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Redeploy with the secrets saved in the OS keychain (a real, private Secret Service), in a session that did not
 * deploy the pool: no dialog, the keychain's token reaches Azure; Forget saved secrets removes them, and the next
 * session asks again.
 */
@ExtendWith(ApplicationExtension.class)
class KeychainDashboardRobotTest {
    static final String POOL = "gw-kc-redeploy";
    static final String PAT = TestConfigs.fakePat("KeychainDash");
    private static DashSim sim;
    private static PrivateSecretService service;
    private static Path index;
    private DashboardView view;
    private AppContext ctx;
    private Stage stage;

    @BeforeAll
    static void deployAndSave() throws Exception {
        service = PrivateSecretService.start();
        sim = new DashSim(SimulatorOptions.instant());
        GatewaySpec spec = DashSim.spec(POOL).dockerPat(Secret.of(PAT)).debugLogging(true).build();
        assertTrue(sim.deploy(spec).allRunning());
        index = Files.createTempDirectory("gw-kc-dash").resolve("keychain.json");
        new SavedSecrets(service.keychain(), index).save(spec); // saved by an earlier session's wizard
    }

    @AfterAll
    static void close() {
        sim.close();
        service.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        show();
        stage.show();
        DashSim.onlyWindow(stage);
    }

    /** A new session's dashboard: nothing deployed in it, the keychain as saved. */
    private void show() {
        ctx = sim.context();
        ctx.setSavedSecrets(new SavedSecrets(service.keychain(), index));
        view = new DashboardView(ctx, DashSim.scope(), DashSim.PACE);
        stage.setScene(new Scene(view.root(), 1280, 800));
    }

    @AfterEach
    void dispose() {
        WaitForAsyncUtils.asyncFx(() -> view.dispose());
        WaitForAsyncUtils.waitForFxEvents();
    }


    private void open(String name) {
        until(name + " is listed", () -> view.model().rowNamed(name) != null);
        WaitForAsyncUtils.asyncFx(() -> view.select(name));
        until(name + " is shown", () -> view.currentDetail() != null && view.currentDetail().row().name().equals(name));
    }

    private static String lastPut(String name) throws Exception {
        URI u = sim.sim.uri().resolve("/_simulator/last-put/" + SeedWorld.PRODUCTION + "/" + SeedWorld.RESOURCE_GROUP + "/" + name);
        HttpClient.Builder b = HttpClient.newBuilder();
        if (sim.sim.clientSslContext() != null) {
            b.sslContext(sim.sim.clientSslContext());
        }
        HttpResponse<String> r = b.build().send(HttpRequest.newBuilder(u).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void redeployTakesTheSecretsFromTheKeychainWithoutAskingAndForgetMakesTheNextSessionAsk(FxRobot robot) throws Exception {
        open(POOL);
        assertTrue(onFx(() -> ctx.deployedSpec(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, POOL)) == null,
                "this session did not deploy the pool");
        until("Forget is enabled (the pool has saved secrets)", () -> !((Button) robot.lookup("#action-forget-secrets").query()).isDisabled());
        int before = onFx(() -> view.model().rowNamed(POOL).restartsProperty().get());
        String putBefore = lastPut(POOL);
        robot.clickOn("#action-redeploy");
        until("the confirmation shows", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        until("redeployed", () -> view.lastToast().contains(POOL + " redeployed"));
        assertTrue(robot.lookup("#secrets-dialog").tryQuery().isEmpty(), "the secrets were not asked for");
        until("it runs on a fresh container", () -> "Running".equals(view.model().rowNamed(POOL).stateProperty().get())
                && view.model().rowNamed(POOL).restartsProperty().get() > before);
        String put = lastPut(POOL);
        assertTrue(put.contains(com.gatewaywizard.simulator.SecretDigests.of(PAT)), "the keychain's token went to Azure");
        assertTrue(put.contains("\"KEEPER_GATEWAY_LOG_LEVEL\""), "the saved debug-logging choice was kept");
        assertTrue(putBefore.contains(com.gatewaywizard.simulator.SecretDigests.of(PAT)));
        assertFalse(put.contains(PAT) || putBefore.contains(PAT), "the admin API shows no secret in clear");

        robot.clickOn("#action-forget-secrets");
        until("the confirmation shows", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        until("forgotten", () -> view.lastToast().contains("removed from the OS keychain"));
        until("Forget is disabled", () -> ((Button) robot.lookup("#action-forget-secrets").query()).isDisabled());
        assertEquals(Optional.empty(), service.keychain().lookup(new KeychainKey(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP,
                POOL, SecretKind.DOCKERHUB_PAT)));
        assertEquals(Optional.empty(), service.keychain().lookup(new KeychainKey(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP,
                POOL, SecretKind.GATEWAY_CONFIG)));
        assertFalse(Files.readString(index).contains(POOL));

        // The next session (nothing in memory, nothing in the keychain) asks for the secrets again; ticking
        // "Remember in the OS keychain" there saves them once the redeploy succeeded.
        robot.interact(() -> {
            view.dispose();
            show();
        });
        open(POOL);
        robot.clickOn("#action-redeploy");
        until("the confirmation shows", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        until("the secrets dialog shows", () -> robot.lookup("#secrets-dialog").tryQuery().isPresent());
        until("the keychain box is enabled", () -> !robot.lookup("#secrets-keychain").queryAs(javafx.scene.control.CheckBox.class).isDisabled());
        assertFalse(robot.lookup("#secrets-keychain").queryAs(javafx.scene.control.CheckBox.class).isSelected(), "off by default");
        robot.interact(() -> {
            ((javafx.scene.control.TextField) robot.lookup("#secrets-docker-user").query()).setText("hubuser");
            ((javafx.scene.control.TextField) robot.lookup("#secrets-docker-pat").query()).setText(PAT);
            ((javafx.scene.control.TextField) robot.lookup("#secrets-gateway-config").query()).setText(DashSim.CONFIG);
        });
        robot.clickOn("#secrets-keychain");
        robot.clickOn("#secrets-ok");
        until("saved after the redeploy", () -> Files.exists(index) && Files.readString(index).contains(POOL));
        until("redeployed", () -> view.lastToast().contains(POOL + " redeployed"));
        assertEquals(PAT, service.keychain().lookup(new KeychainKey(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP,
                POOL, SecretKind.DOCKERHUB_PAT)).orElseThrow().reveal());
        until("Forget is enabled again", () -> !((Button) robot.lookup("#action-forget-secrets").query()).isDisabled());
        assertTrue(Files.readString(index).contains(POOL));
    }
}
