package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.keeper.TestConfigs;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.gatewaywizard.azure.ProviderState;
import com.gatewaywizard.azure.SubnetInfo;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.Secret;
import java.util.Comparator;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole wizard driven through its controls, on the in-process simulator. */
@ExtendWith(ApplicationExtension.class)
class WizardRobotTest {
    static final String PAT = TestConfigs.fakePat("Wizard");
    WizardHarness h;

    @Start
    void start(Stage stage) {
        h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Button next(FxRobot robot) {
        return robot.lookup("#wizard-next").queryButton();
    }

    private void pressNext(FxRobot robot, String expectStep) {
        WizardHarness.pressNext(robot, expectStep);
    }

    @Test
    void walksTheWholeWizardToARunningGatewayAndDeploysWhatTheReviewShows(FxRobot robot) throws Exception {
        robot.clickOn("#start-new");
        waitFor("signed in to the simulator", 10, () -> h.window.context().services() != null);
        assertTrue(robot.lookup("#signin-who").queryLabeled().getText().contains("simulator"));
        pressNext(robot, "place");

        waitFor("subscriptions", 10, () -> !h.wizard().place().subscriptions.isEmpty());
        waitFor("subscription rows drawn", 10, () -> robot.lookup((Node n) -> n instanceof TreeCell<?> c && c.getText() != null
                && c.getText().startsWith(SeedWorld.PRODUCTION_NAME)).tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof TreeCell<?> c && c.getText() != null
                && c.getText().startsWith(SeedWorld.PRODUCTION_NAME)).queryAs(TreeCell.class));
        waitFor("groups", 10, () -> !h.wizard().place().groups.isEmpty());
        robot.clickOn("#place-group");
        robot.clickOn(SeedWorld.RESOURCE_GROUP + "  (" + SeedWorld.LOCATION + ")");
        waitFor("region from the group", 5, () -> SeedWorld.LOCATION.equals(h.model().region.get()));
        waitFor("provider registered", 5, () -> h.wizard().place().provider.get() == ProviderState.REGISTERED);
        pressNext(robot, "network");

        waitFor("networks", 10, () -> !h.wizard().network().networks.isEmpty());
        robot.clickOn(row(robot, SeedWorld.SUBNET_ACI));
        assertEquals(WizardHarness.subnet(SeedWorld.SUBNET_ACI), h.model().subnetId.get());
        assertEquals(h.model().subnetId.get(), ((javafx.scene.control.TextInputControl) robot.lookup("#network-subnet-id").query()).getText());
        pressNext(robot, "registry");

        robot.clickOn("#registry-user").write("keeperadmin", 0);
        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard().setContent(
                java.util.Map.of(javafx.scene.input.DataFormat.PLAIN_TEXT, "  " + PAT + "\n")));
        robot.clickOn("#registry-pat-input").press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.V)
                .release(javafx.scene.input.KeyCode.V, javafx.scene.input.KeyCode.CONTROL);
        waitFor("pasted and cleaned", 5, () -> PAT.equals(h.model().dockerPat.get()));
        pressNext(robot, "config");

        // Back keeps everything
        robot.clickOn("#wizard-back");
        robot.clickOn("#wizard-back");
        waitFor("network again", 5, () -> robot.lookup("#step-network").tryQuery().isPresent());
        assertEquals(WizardHarness.subnet(SeedWorld.SUBNET_ACI), h.model().subnetId.get());
        pressNext(robot, "registry");
        assertEquals("keeperadmin", ((TextField) robot.lookup("#registry-user").query()).getText());
        assertEquals(PAT, h.model().dockerPat.get());
        pressNext(robot, "config");

        robot.clickOn("#config-training");
        waitFor("config decoded", 5, () -> robot.lookup("#config-region").queryLabeled().getText().contains("keepersecurity.com"));
        pressNext(robot, "options");
        assertEquals("keeper-gateway", ((TextField) robot.lookup("#options-name").query()).getText());
        pressNext(robot, "review");

        waitFor("preflight", 10, () -> h.wizard().review().preflightDone.get());
        if (h.wizard().review().hasPreflightWarnings()) {
            robot.clickOn("#review-confirm-warnings");
        }
        String masked = ((YamlView) robot.lookup("#review-yaml").query()).getText();
        assertFalse(masked.contains(PAT), "the preview masks the token");
        assertFalse(masked.contains(h.model().gatewayConfig.get()), "the preview masks the config");
        robot.clickOn("#review-reveal");
        String full = ((YamlView) robot.lookup("#review-yaml").query()).getText();
        assertTrue(full.contains(PAT));
        robot.clickOn("#review-reveal");
        assertTrue(((Button) robot.lookup("#wizard-next").query()).getText().contains("Deploy"));
        pressNext(robot, "deploy");

        waitFor("running", 30, () -> h.wizard().deploy().succeeded.get());
        assertTrue(robot.lookup("#deploy-success").query().isVisible());
        assertTrue(robot.lookup("#deploy-step-keeper-gateway").queryLabeled().getText().contains("Running"));

        JsonNode sent = h.lastPut("keeper-gateway");
        JsonNode previewed = com.gatewaywizard.simulator.SecretDigests.digested(
                ArmBody.requestBody((ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(full)));
        assertTrue(previewed.equals(NUMBERS, sent), "the simulator received exactly the previewed body\npreview: "
                + previewed + "\nsent:    " + sent);
        assertNotNull(h.window.context().deployedSpec(WizardHarness.SUB, WizardHarness.RG, "keeper-gateway"));

        // After the deploy the footer offers what comes next, not Cancel and Back.
        waitFor("footer after deploy", 5, () -> robot.lookup("#wizard-new-deployment").queryButton().isVisible());
        assertFalse(robot.lookup("#wizard-cancel").queryButton().isVisible(), "no Cancel after a deploy");
        assertFalse(robot.lookup("#wizard-back").queryButton().isVisible(), "no Back after a deploy");
        robot.clickOn("#deploy-open-dashboard");
        waitFor("dashboard", 5, () -> robot.lookup("#dashboard").tryQuery().isPresent());
        assertNotNull(h.window.dashboard());

        // A second "New deployment" is a clean wizard, still signed in.
        robot.clickOn("#dash-back");
        waitFor("start page", 5, () -> robot.lookup("#start-new").tryQuery().isPresent());
        robot.clickOn("#start-new");
        waitFor("sign-in step", 5, () -> robot.lookup("#step-signin").tryQuery().isPresent() && h.wizard().currentIndex() == 0);
        assertFalse(robot.lookup("#rail-deploy").query().getStyleClass().contains("done"), "8. Deploy is not done");
        assertFalse(robot.lookup("#rail-review").query().getStyleClass().contains("done"), "7. Review is not done");
        assertTrue(h.model().subscriptionId.get().isBlank());
        assertFalse(h.wizard().deploy().succeeded.get());
        assertTrue(robot.lookup("#wizard-cancel").queryButton().isVisible());
        assertNotNull(h.window.context().services(), "the sign-in is kept");
        pressNext(robot, "place");
        javafx.scene.control.TreeView<?> subs = robot.lookup("#place-subscriptions").queryAs(javafx.scene.control.TreeView.class);
        WizardHarness.waitFor("tree filled", 5, () -> subs.getRoot() != null);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(subs.getSelectionModel().getSelectedItem() == null
                || !(subs.getSelectionModel().getSelectedItem().getValue() instanceof com.gatewaywizard.azure.SubscriptionInfo),
                "no subscription looks selected while the model has none");
        assertTrue(h.wizard().place().messages().stream().noneMatch(p -> p.code().endsWith("_REQUIRED")),
                "no 'is empty' errors before the user touched the step");
        assertTrue(next(robot).isDisabled(), "Next stays disabled");
    }

    /** Compares numbers by value (YAML 2 and JSON 2.0 are the same cpu). */
    static final Comparator<JsonNode> NUMBERS = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return a.equals(b) ? 0 : 1;
    };

    static TreeTableRow<?> row(FxRobot robot, String subnet) {
        return robot.lookup((Node n) -> n instanceof TreeTableRow<?> r && r.getItem() instanceof SubnetInfo s
                && s.name().equals(subnet)).queryAs(TreeTableRow.class);
    }

    /** Fills the steps before the network step through the model (the walk test covers their controls). */
    private void upToNetwork(FxRobot robot) {
        h.upToNetwork(robot);
    }

    @Test
    void subnetsUsedByOthersAreDisabledWithTheReason(FxRobot robot) {
        upToNetwork(robot);
        TreeTableRow<?> vms = row(robot, SeedWorld.SUBNET_VMS);
        assertTrue(vms.isDisabled(), "vms is disabled");
        String status = h.wizard().network().status((SubnetInfo) vms.getItem());
        assertTrue(status.contains(SeedWorld.VM_NIC), status);
        robot.interact(() -> assertFalse(h.wizard().network().select((SubnetInfo) vms.getItem())));
        assertEquals("", h.model().subnetId.get());
    }

    @Test
    void delegatesAciUndelegatedFromTheNetworkStep(FxRobot robot) {
        upToNetwork(robot);
        robot.clickOn(row(robot, SeedWorld.SUBNET_UNDELEGATED));
        waitFor("undelegated problem", 5, () -> h.wizard().network().messages().stream()
                .anyMatch(p -> p.code().equals("SUBNET_NOT_DELEGATED")));
        assertTrue(next(robot).isDisabled());
        robot.clickOn("#network-delegate");
        waitFor("confirmation", 5, () -> robot.lookup("#network-delegate-dialog").tryQuery().isPresent());
        Label plan = robot.lookup("#network-delegate-dialog .content").queryAs(Label.class);
        assertTrue(plan.getText().contains(SubnetInfo.ACI_DELEGATION) && plan.getText().contains(SeedWorld.SUBNET_UNDELEGATED),
                plan.getText());
        robot.clickOn("Delegate");
        waitFor("delegated", 10, () -> h.wizard().network().selected.get() != null
                && h.wizard().network().selected.get().delegatedToAci());
        waitFor("Next enabled", 5, () -> !next(robot).isDisabled());
    }

    @Test
    void badInputIsRefusedWithTheFieldAndTheFix(FxRobot robot) {
        upToNetwork(robot);
        robot.clickOn("#network-subnet-id").eraseText(0);
        robot.interact(() -> h.model().subnetId.set(""));
        robot.clickOn("#network-subnet-id").write("/subscriptions/" + WizardHarness.SUB + "/resourceGroups/rg-keeper/providers/"
                + "Microsoft.Network/virtualNetworks/vnet-keeper", 0);
        waitFor("vnet id refused", 5, () -> problemShown(robot, "network-problems", "SUBNET_ID_IS_VNET"));
        assertTrue(next(robot).isDisabled());
        robot.interact(() -> {
            h.model().subnetId.set(WizardHarness.subnet(SeedWorld.SUBNET_ACI));
            h.model().dockerUser.set("keeperadmin");
        });
        pressNext(robot, "registry");
        robot.clickOn("#registry-pat-input").write("my docker password", 0);
        waitFor("pat refused", 5, () -> problemShown(robot, "registry-problems", "DOCKER_PAT_LOOKS_LIKE_PASSWORD"));
        assertTrue(next(robot).isDisabled());
        robot.interact(() -> h.model().dockerPat.set(PAT));
        pressNext(robot, "config");
        robot.interact(() -> h.model().gatewayConfig.set("US:" + "a".repeat(43)));
        waitFor("one-time token refused", 5, () -> problemShown(robot, "config-problems", "GATEWAY_CONFIG_ONE_TIME_TOKEN"));
        assertTrue(next(robot).isDisabled());
        robot.interact(() -> h.model().gatewayConfig.set(TrainingConfig.generate()));
        pressNext(robot, "options");
        robot.doubleClickOn("#options-name").eraseText(20).write("Keeper Gateway!", 0);
        waitFor("name refused", 5, () -> problemShown(robot, "options-problems", "NAME_INVALID"));
        assertTrue(next(robot).isDisabled());
        robot.clickOn("#options-name-fix");
        assertEquals("keeper-gateway", h.model().name.get());
        robot.doubleClickOn("#options-cpu").eraseText(5).write("5", 0);
        waitFor("cpu refused", 5, () -> problemShown(robot, "options-problems", "CPU_OUT_OF_RANGE"));
        assertTrue(next(robot).isDisabled());
    }

    static boolean problemShown(FxRobot robot, String box, String code) {
        return robot.lookup("#" + box + " .problem").queryAll().stream().anyMatch(n -> code.equals(n.getUserData()) && n.isVisible());
    }

    @Test
    void theDraftKeepsNoSecretButEveryChoice(FxRobot robot) throws Exception {
        upToNetwork(robot);
        robot.interact(() -> {
            h.model().dockerPat.set(PAT);
            h.model().name.set("gw-draft");
        });
        DraftStore store = new DraftStore();
        waitFor("draft saved", 5, () -> store.load().draft().map(d -> "gw-draft".equals(d.name())).orElse(false));
        String text = java.nio.file.Files.readString(store.file());
        assertFalse(text.contains(PAT));
        assertFalse(text.contains(Secret.of(PAT).reveal()));
        assertTrue(text.contains(WizardHarness.SUB));

        // offered on the start page, and resuming it brings the choices back (not the token)
        robot.interact(() -> h.window.showStart());
        waitFor("resume offered", 5, () -> robot.lookup("#start-resume").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> h.model().reset());
        robot.clickOn("#start-resume");
        waitFor("resumed", 5, () -> "gw-draft".equals(h.model().name.get()));
        assertEquals(WizardHarness.RG, h.model().resourceGroup.get());
        assertEquals("", h.model().dockerPat.get());
    }
}
