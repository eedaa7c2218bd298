package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.state.keychain.KeychainKey;
import com.gatewaywizard.state.keychain.PrivateSecretService;
import com.gatewaywizard.state.keychain.SavedSecrets;
import com.gatewaywizard.state.keychain.SecretKind;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The OS keychain opt-in, end to end on the simulator and a real (private) Secret Service: deployed with
 * "Remember in the OS keychain" on, the token and config are in the keychain; the app started again fills them for
 * the same pool (typed again, or from the draft) and says so; with the keychain unusable the box is disabled with why.
 */
@ExtendWith(ApplicationExtension.class)
class KeychainWizardRobotTest {
    static final String POOL = "gw-keychain";
    static final String PAT = TestConfigs.fakePat("KeychainWizard");
    static final String CONFIG = TestConfigs.valid(com.gatewaywizard.keeper.KeeperRegion.EU);
    static PrivateSecretService service;

    Stage stage;
    Path dataDir;
    String oldHome;
    WizardHarness h;

    @BeforeAll
    static void startKeyring() throws Exception {
        service = PrivateSecretService.start();
    }

    @AfterAll
    static void stopKeyring() {
        if (service != null) {
            service.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dataDir = Files.createTempDirectory("gw-keychain-ui");
        oldHome = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", dataDir.toString());
        h = open();
    }

    /** The main window as the app starts it, with this test's keychain (a fresh index reader, as after a restart). */
    private WizardHarness open() {
        WizardHarness w = new WizardHarness(stage, SimulatorOptions.instant(), 0);
        w.window.context().setSavedSecrets(new SavedSecrets(service.keychain(), dataDir.resolve("keychain.json")));
        return w;
    }

    @AfterEach
    void stop() {
        h.close();
        if (oldHome == null) {
            System.clearProperty("gatewaywizard.home");
        } else {
            System.setProperty("gatewaywizard.home", oldHome);
        }
    }

    private void pressNext(FxRobot robot, String expectStep) {
        waitFor("Next enabled before " + expectStep, 60, () -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        robot.clickOn("#wizard-next");
        waitFor("step " + expectStep, 30, () -> robot.lookup("#step-" + expectStep).tryQuery().isPresent());
    }

    private void toNetwork(FxRobot robot) {
        waitFor("signed in", 60, () -> h.window.context().services() != null);
        robot.interact(() -> {
            h.model().subscriptionId.set(WizardHarness.SUB);
            h.model().resourceGroup.set(WizardHarness.RG);
            h.model().name.set(POOL);
        });
        pressNext(robot, "place");
        waitFor("place valid", 60, () -> h.wizard().place().valid().get());
        pressNext(robot, "network");
        robot.interact(() -> {
            h.model().subnetId.set(WizardHarness.subnet(SeedWorld.SUBNET_ACI));
            h.model().dockerUser.set("keeperadmin");
        });
    }

    private CheckBox box(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(CheckBox.class);
    }

    @Test
    void deployedWithTheOptInTheSecretsAreInTheKeychainAndTheNextStartFillsThemForTheSamePool(FxRobot robot) throws Exception {
        robot.clickOn("#start-new");
        toNetwork(robot);
        pressNext(robot, "registry");
        waitFor("keychain checked", 30, () -> !box(robot, "registry-keychain").isDisabled());
        assertFalse(box(robot, "registry-keychain").isSelected(), "off by default");
        robot.clickOn("#registry-keychain");
        robot.clickOn("#registry-pat-input").write(PAT, 0);
        pressNext(robot, "config");
        assertTrue(box(robot, "config-keychain").isSelected(), "one choice for both secrets, shown on both steps");
        robot.interact(() -> h.model().gatewayConfig.set(CONFIG));
        pressNext(robot, "options");
        pressNext(robot, "review");
        waitFor("preflight", 60, () -> h.wizard().review().preflightDone.get());
        if (h.wizard().review().hasPreflightWarnings()) {
            robot.clickOn("#review-confirm-warnings");
        }
        pressNext(robot, "deploy");
        waitFor("running", 60, () -> h.wizard().deploy().succeeded.get());
        waitFor("saved in the keychain", 30, () -> h.wizard().deploy().events.stream().anyMatch(e -> e.contains("Saved the Docker Hub token")));
        assertEquals(PAT, service.keychain().lookup(new KeychainKey(WizardHarness.SUB, WizardHarness.RG, POOL, SecretKind.DOCKERHUB_PAT))
                .orElseThrow().reveal());
        assertEquals(CONFIG, service.keychain().lookup(new KeychainKey(WizardHarness.SUB, WizardHarness.RG, POOL, SecretKind.GATEWAY_CONFIG))
                .orElseThrow().reveal());
        String index = Files.readString(dataDir.resolve("keychain.json"));
        assertTrue(index.contains(POOL) && !index.contains(PAT) && !index.contains(CONFIG), index);

        // The app starts again: a new window and model, the same keychain. The same pool typed again fills the secrets.
        robot.interact(() -> {
            h.close();
            h = open();
        });
        robot.clickOn("#start-new");
        assertTrue(h.model().dockerPat.get().isEmpty() && h.model().gatewayConfig.get().isEmpty(), "a new model starts empty");
        toNetwork(robot);
        waitFor("filled from the keychain", 30, () -> PAT.equals(h.model().dockerPat.get()) && CONFIG.equals(h.model().gatewayConfig.get()));
        pressNext(robot, "registry");
        Label note = robot.lookup("#registry-keychain-note").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().contains("filled in from the OS keychain"), note.getText());
        waitFor("box enabled", 30, () -> !box(robot, "registry-keychain").isDisabled());
        assertTrue(box(robot, "registry-keychain").isSelected(), "what is saved shows as remembered");
        assertEquals("keeperadmin", h.model().dockerUser.get());

        // Leave with a draft (saved as the user goes): the draft keeps the choice, never the secrets; resuming it
        // in the next start fills the secrets again.
        waitFor("draft saved", 30, () -> Files.exists(dataDir.resolve("draft.json"))
                && readDraft().contains("\"rememberSecrets\" : true"));
        assertFalse(readDraft().contains(PAT) || readDraft().contains(CONFIG));
        robot.interact(() -> {
            h.close();
            h = open();
        });
        waitFor("draft offered", 30, () -> robot.lookup("#start-resume").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#start-resume");
        waitFor("draft filled from the keychain", 30, () -> PAT.equals(h.model().dockerPat.get())
                && CONFIG.equals(h.model().gatewayConfig.get()) && h.model().keychain.remember.get());
        assertTrue(h.model().keychain.note.get().contains("filled in from the OS keychain"));
    }

    private String readDraft() {
        try {
            return Files.readString(dataDir.resolve("draft.json"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void withoutAUsableKeychainTheBoxIsDisabledAndSaysWhy(FxRobot robot) {
        robot.interact(() -> h.window.context().setSavedSecrets(new SavedSecrets(
                new com.gatewaywizard.state.keychain.SecretServiceKeychain(java.util.Map.of("PATH", "/nonexistent"),
                        java.time.Duration.ofSeconds(2)), dataDir.resolve("keychain.json"))));
        robot.clickOn("#start-new");
        toNetwork(robot);
        pressNext(robot, "registry");
        Label status = robot.lookup("#registry-keychain-status").queryAs(Label.class);
        waitFor("checked", 30, () -> status.getText().startsWith("Not available here"));
        assertTrue(status.getText().contains("secret-tool is not installed"), status.getText());
        assertTrue(box(robot, "registry-keychain").isDisabled());
        assertFalse(box(robot, "registry-keychain").isSelected());
    }
}
