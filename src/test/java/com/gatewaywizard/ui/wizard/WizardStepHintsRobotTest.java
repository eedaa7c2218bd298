package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.SubnetInfo;
import com.gatewaywizard.keeper.KeeperRegion;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeTableRow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a new user met on the first steps at the default window size (1180 px): a greyed-out Next with no reason,
 * a cut subnet table and id, and a subnet with a blocking NSG shown as plain "Ready".
 */
@ExtendWith(ApplicationExtension.class)
class WizardStepHintsRobotTest {
    WizardHarness h;
    Stage own;

    /** A stage of its own at the default window size (sizing the shared stage would leak into later tests). */
    @Start
    void start(Stage shared) {
        own = new Stage();
        own.setWidth(1180);
        own.setHeight(800);
        h = new WizardHarness(own, SimulatorOptions.instant(), 0);
        own.toFront();
    }

    @AfterEach
    void stop() {
        h.close();
        WaitForAsyncUtils.asyncFx(own::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pressNext(FxRobot robot, String expectStep) {
        WizardHarness.pressNext(robot, expectStep);
    }

    private void upToNetwork(FxRobot robot) {
        h.upToNetwork(robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1180, own.getWidth(), 0.5, "the default window width");
    }

    static boolean cut(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text text && n.getStyleClass().contains("text")) {
                return !text.getText().equals(l.getText());
            }
        }
        return false;
    }

    static List<String> cutLabels(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty() && cut(l)) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    @Test
    void aFreshSubscriptionStepSaysWhatNextIsWaitingFor(FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("signed in", 10, () -> h.window.context().services() != null);
        pressNext(robot, "place");
        waitFor("subscriptions listed", 10, () -> !h.wizard().place().subscriptions.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(h.model().subscriptionId.get().isBlank(), "no subscription chosen yet");
        assertTrue(robot.lookup("#wizard-next").queryButton().isDisabled());
        Labeled why = robot.lookup("#wizard-next-why").queryLabeled();
        assertTrue(why.isVisible(), "the reason is shown beside Next");
        assertEquals("Choose a subscription to continue", why.getText());

        robot.interact(() -> {
            h.model().subscriptionId.set(WizardHarness.SUB);
            h.model().resourceGroup.set(WizardHarness.RG);
        });
        waitFor("place valid", 10, () -> h.wizard().place().valid().get());
        assertFalse(robot.lookup("#wizard-next-why").queryLabeled().isVisible(), "no reason once Next is on");
    }

    @Test
    void theSubnetTableAndIdAreWholeAtTheDefaultWidth(FxRobot robot) {
        upToNetwork(robot);
        robot.clickOn(WizardRobotTest.row(robot, SeedWorld.SUBNET_ACI));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = cutLabels(robot.lookup("#network-table").query());
        assertTrue(cut.isEmpty(), "cut in the subnet table at 1180 px: " + cut);
        TextArea id = robot.lookup("#network-subnet-id").queryAs(TextArea.class);
        assertEquals(WizardHarness.subnet(SeedWorld.SUBNET_ACI), id.getText());
        boolean scrolls = id.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar b && b.isVisible());
        assertFalse(scrolls, "the whole subnet id is in view (no scroll bar)");
        assertFalse(id.getText().contains("\n"));
    }

    @Test
    void aSubnetWithAnNsgSaysSoAndPreflightsFindingsShowOnceTheConfigIsKnown(FxRobot robot) {
        upToNetwork(robot);
        NetworkViewModel vm = h.wizard().network();
        robot.clickOn(WizardRobotTest.row(robot, SeedWorld.SUBNET_LOCKED));
        waitFor("aci-locked chosen", 5, () -> WizardHarness.subnet(SeedWorld.SUBNET_LOCKED).equals(h.model().subnetId.get()));
        SubnetInfo locked = vm.selected.get();
        String status = vm.status(locked);
        assertTrue(status.contains(SeedWorld.NSG_LOCKED) && !status.equals("Ready"), status);
        assertTrue(vm.messages().stream().anyMatch(p -> p.code().equals("SUBNET_HAS_NSG") && p.message().contains(SeedWorld.NSG_LOCKED)),
                "the step names the NSG: " + vm.messages());

        // With a gateway config (imported, or entered and come back), preflight's own verdict on the NSG is shown.
        robot.interact(() -> h.model().gatewayConfig.set(TestConfigs.valid(KeeperRegion.EU)));
        robot.clickOn("#network-refresh");
        waitFor("preflight's NSG findings", 15, () -> vm.messages().stream().anyMatch(p -> p.code().equals(ProblemCodes.NSG_BLOCKS_RELAY)));
        Problem relay = vm.messages().stream().filter(p -> p.code().equals(ProblemCodes.NSG_BLOCKS_RELAY)).findFirst().orElseThrow();
        assertTrue(relay.message().contains("deny-turn-udp-3478"), relay.message());
        waitFor("the table says it", 5, () -> vm.status(vm.selected.get()).contains("relay"));
        TreeTableRow<?> row = WizardRobotTest.row(robot, SeedWorld.SUBNET_LOCKED);
        assertTrue(cutLabels(row).isEmpty(), "status cut: " + cutLabels(row));
    }
}
