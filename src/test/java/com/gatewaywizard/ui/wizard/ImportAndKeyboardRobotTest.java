package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.manifest.ManifestYaml;
import com.gatewaywizard.manifest.SecretMode;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Import a shareable manifest into the wizard, then move through it with the keyboard only. */
@ExtendWith(ApplicationExtension.class)
class ImportAndKeyboardRobotTest {
    WizardHarness h;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anImportedManifestFillsTheWizardAndListsWhatIsMissing(FxRobot robot) throws Exception {
        GatewaySpec spec = GatewaySpec.builder().subscriptionId(WizardHarness.SUB).resourceGroup(WizardHarness.RG)
                .region(SeedWorld.LOCATION).name("gw-imported").subnetId(WizardHarness.subnet(SeedWorld.SUBNET_ACI))
                .dockerUser("keeperadmin").dockerPat(Secret.of("dckr_pat_x")).gatewayConfig(Secret.of("x"))
                .cpu(4).memoryGb(16).liveness(LivenessProbe.EXEC).debugLogging(true).build();
        Path file = dir.resolve("keeper-gateway.yml");
        Files.writeString(file, ManifestYaml.write(spec, 1, SecretMode.SHAREABLE));
        waitFor("signed in", 20, () -> h.window.context().services() != null);
        robot.interact(() -> h.window.importFile(file));
        waitFor("wizard", 10, () -> h.wizard() != null && robot.lookup("#step-signin").tryQuery().isPresent());
        WizardModel m = h.model();
        assertEquals("gw-imported", m.name.get());
        assertEquals(WizardHarness.subnet(SeedWorld.SUBNET_ACI), m.subnetId.get());
        assertEquals("4", m.cpu.get());
        assertEquals(LivenessProbe.EXEC, m.liveness.get());
        assertTrue(m.debugLogging.get());
        assertEquals("", m.dockerPat.get(), "placeholders are not taken as secrets");
        assertTrue(robot.lookup("#wizard-import-notes").query().isVisible());
        assertTrue(m.importNotes.stream().anyMatch(n -> n.contains("keeper-gateway.yml")), m.importNotes.toString());

        // keyboard only: Enter is Next on every step that is valid
        robot.type(KeyCode.ENTER);
        waitFor("place", 5, () -> robot.lookup("#step-place").tryQuery().isPresent());
        waitFor("place valid", 20, () -> h.wizard().place().valid().get());
        robot.type(KeyCode.ENTER);
        waitFor("network", 5, () -> robot.lookup("#step-network").tryQuery().isPresent());
        waitFor("network valid", 20, () -> h.wizard().network().valid().get());
        robot.type(KeyCode.ENTER);
        waitFor("registry", 5, () -> robot.lookup("#step-registry").tryQuery().isPresent());
        waitFor("focus on the first field", 5, () -> robot.lookup("#registry-user").query().isFocused());
        robot.type(KeyCode.ENTER);
        assertTrue(robot.lookup("#step-registry").tryQuery().isPresent(), "an invalid step does not move on");

        // Escape closes the leave-the-wizard dialog and keeps the wizard
        robot.press(KeyCode.ALT).type(KeyCode.C).release(KeyCode.ALT);
        waitFor("leave dialog", 5, () -> robot.lookup("#wizard-cancel-dialog").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        waitFor("dialog closed", 5, () -> robot.lookup("#wizard-cancel-dialog").tryQuery().isEmpty());
        assertTrue(robot.lookup("#step-registry").tryQuery().isPresent());
        assertEquals("gw-imported", m.name.get());
    }
}
