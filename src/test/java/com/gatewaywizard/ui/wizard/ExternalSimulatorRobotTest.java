package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.Azure;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.AzureTuning;
import com.gatewaywizard.azure.DeployListener;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.keeper.KeeperRegion;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.ui.DashboardScope;
import com.gatewaywizard.ui.MainWindow;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
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
 * The app on a separately started simulator, as a trainer runs {@code gateway-wizard simulator} and uses the CLI
 * beside the app: the sign-in form's "Simulator address" (and {@code --simulator=URL}) reaches it, the gateways the
 * CLI's SDK session created there show in the app, and the built-in simulator is never started.
 */
@ExtendWith(ApplicationExtension.class)
class ExternalSimulatorRobotTest {
    /** The trainer's {@code gateway-wizard simulator}: its own server on its own port. */
    static ArmSimulator external;
    /** What the CLI's {@code --cloud simulator=URL} opens: an SDK session on it. */
    static AzureServices cli;
    Stage stage;
    MainWindow window;

    @BeforeAll
    static void startTheTrainersSimulator() throws Exception {
        external = ArmSimulator.start(SimulatorOptions.instant());
        cli = Azure.connect(SignInRequest.simulator(external.uri()), AzureTuning.fast(), null);
        assertTrue(cli.deployer().deploy(spec("gw-made-by-cli"), DeployListener.NONE).allRunning());
    }

    @AfterAll
    static void stopIt() {
        cli.close();
        external.close();
    }

    static GatewaySpec spec(String name) {
        return GatewaySpec.builder().subscriptionId(SeedWorld.PRODUCTION).resourceGroup(SeedWorld.RESOURCE_GROUP)
                .region(SeedWorld.LOCATION).name(name).subnetId(SeedWorld.subnetId(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI))
                .dockerUser("hubuser").dockerPat(Secret.of(TestConfigs.fakePat("Ext"))).gatewayConfig(Secret.of(TestConfigs.valid(KeeperRegion.EU)))
                .image("keeper/gateway:1.8.4").cpu(1).memoryGb(2).liveness(LivenessProbe.NONE).instances(1).build();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, new MainWindow.Options(false, false, SimulatorOptions.instant(), WizardHarness.connector(0), false));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.showStart();
            AzureServices s = window.context().services();
            window.context().servicesProperty().set(null);
            if (s != null) {
                s.close();
            }
        }).get(10, TimeUnit.SECONDS);
        window.context().simulatorSession().close();
    }

    private void chooseSimulatorCloud(FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("the sign-in step", 5, () -> robot.lookup("#step-signin").tryQuery().isPresent());
        assertFalse(shown(robot.lookup("#signin-simulator-address").query()), "no address field for Azure");
        robot.clickOn("#signin-cloud");
        robot.clickOn(robot.lookup((Node n) -> n instanceof ListCell<?> c && "Training simulator".equals(c.getText()))
                .queryAs(ListCell.class));
        waitFor("the address field", 5, () -> shown(robot.lookup("#signin-simulator-address").query()));
    }

    /** Visible, and so are all its parents. */
    static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void typeAddress(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#signin-simulator-address").queryAs(TextField.class).clear());
        robot.clickOn("#signin-simulator-address").write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean signInEnabled(FxRobot robot) {
        return !robot.lookup("#signin-button").queryButton().isDisabled();
    }

    private String problem(FxRobot robot) {
        Labeled l = robot.lookup("#signin-input-problem").queryLabeled();
        return l.isVisible() ? l.getText() : "";
    }

    @Test
    void signingInWithTheSimulatorsAddressShowsTheGatewaysTheCliCreatedThere(FxRobot robot) {
        chooseSimulatorCloud(robot);
        typeAddress(robot, external.baseUrl());
        assertEquals("", problem(robot));
        assertTrue(robot.lookup("#step-signin").queryAs(Node.class).lookupAll(".label").stream()
                .anyMatch(n -> n instanceof Labeled l && l.isVisible() && l.getText() != null
                        && l.getText().equals("Signs in to the simulator at " + external.baseUrl() + " (the CLI: --cloud simulator="
                        + external.baseUrl() + ").")), "the hint names the simulator and the CLI's flag");
        assertFalse(robot.lookup("#signin-simulator-address").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("danger")));
        robot.clickOn("#signin-button");
        waitFor("signed in to the trainer's simulator", 20, () -> window.context().services() != null);
        assertNull(window.context().simulatorSession().simulator(), "the built-in simulator was not started");
        assertTrue(robot.lookup("#simulator-banner").queryLabeled().getText().contains(external.baseUrl()),
                "the banner names the simulator in use");
        assertTrue(window.startPage().simulatorProperty().get(), "the start page's switch says the app is on the simulator");
        robot.clickOn("#signin-signout");
        waitFor("signed out", 10, () -> window.context().services() == null);
        assertFalse(window.startPage().simulatorProperty().get(), "signed out of the simulator: the switch is off again");
        typeAddress(robot, external.baseUrl());
        robot.clickOn("#signin-button");
        waitFor("signed in again", 20, () -> window.context().services() != null);

        // a gateway the CLI creates now shows too: one world for both
        assertTrue(cli.deployer().deploy(spec("gw-made-later"), DeployListener.NONE).allRunning());
        robot.interact(() -> window.showDashboard(new DashboardScope(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, null)));
        for (String name : List.of("gw-made-by-cli", "gw-made-later")) {
            waitFor(name + " in the app's dashboard", 20, () -> robot.lookup((Node n) -> n instanceof Labeled l
                    && name.equals(l.getText())).tryQuery().isPresent());
        }
        List<String> seen = window.context().services().control().list(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP).stream()
                .map(GatewayStatus::ref).map(r -> r.name()).toList();
        assertTrue(seen.containsAll(List.of("gw-made-by-cli", "gw-made-later")), seen.toString());
    }

    @Test
    void theSimulatorFlagWithAUrlOpensTheAppSignedInThere(FxRobot robot) throws Exception {
        MainWindow.Options args = MainWindow.Options.fromArgs(List.of("--simulator=" + external.baseUrl()), r -> null);
        assertTrue(args.simulator());
        assertEquals(external.baseUrl(), args.simulatorAddress());
        assertEquals("", MainWindow.Options.fromArgs(List.of("--simulator"), r -> null).simulatorAddress(),
                "--simulator alone is the built-in one");
        assertNull(MainWindow.Options.fromArgs(List.of("--dark"), r -> null).simulatorAddress());
        assertEquals(external.baseUrl(), MainWindow.Options.fromArgs(List.of("--simulator", external.baseUrl(), "--dark"), r -> null)
                .simulatorAddress());

        MainWindow old = window;
        WaitForAsyncUtils.asyncFx(() -> {
            old.context().simulatorSession().close();
            window = new MainWindow(stage, new MainWindow.Options(args.simulator(), false, SimulatorOptions.instant(),
                    WizardHarness.connector(0), false, null, null, args.simulatorAddress()));
        }).get(10, TimeUnit.SECONDS);
        waitFor("signed in at start", 20, () -> window.context().services() != null);
        assertNull(window.context().simulatorSession().simulator(), "the built-in simulator was not started");
        assertTrue(window.context().services().control().list(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP).stream()
                .anyMatch(g -> g.ref().name().equals("gw-made-by-cli")));
        robot.interact(window::showWizard);
        assertEquals(external.baseUrl(), robot.from(window.root()).lookup("#signin-simulator-address").queryAs(TextField.class).getText(),
                "the form shows which simulator it is signed in to");
    }

    @Test
    void aBadAddressIsRefusedBeforeAnyCallAndOneWhereNothingAnswersIsExplained(FxRobot robot) throws Exception {
        chooseSimulatorCloud(robot);
        assertTrue(signInEnabled(robot), "empty: the built-in simulator");

        typeAddress(robot, "127.0.0.1:8443");
        assertTrue(problem(robot).startsWith("Simulator address must start with http:// or https://"), problem(robot));
        assertFalse(signInEnabled(robot));
        assertTrue(robot.lookup("#signin-simulator-address").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("danger")), "the field is marked");
        typeAddress(robot, "http://127.0.0.1:8443/subscriptions");
        assertTrue(problem(robot).startsWith("Simulator address must be only the scheme, host and port"), problem(robot));
        assertFalse(signInEnabled(robot));
        typeAddress(robot, "http://127.0.0.1:99999");
        assertTrue(problem(robot).startsWith("Simulator address has a port that cannot be"), problem(robot));
        typeAddress(robot, "http://127.0.0.1 :8443");
        assertTrue(problem(robot).startsWith("Simulator address is not a URL"), problem(robot));
        assertFalse(signInEnabled(robot));

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + closed;
        typeAddress(robot, nobody);
        assertEquals("", problem(robot));
        robot.clickOn("#signin-button");
        waitFor("the sign-in failed", 30, () -> !robot.lookup("#signin-error").queryLabeled().getText().isEmpty());
        String error = robot.lookup("#signin-error").queryLabeled().getText();
        assertTrue(error.startsWith("Nothing answers at " + nobody + "."), error);
        assertTrue(error.contains("gateway-wizard simulator") && error.contains("Simulator address"), error);
        assertNull(window.context().services());
        assertNull(window.context().simulatorSession().simulator(), "no built-in simulator instead");

        // https:// for the trainer's plain-http simulator: said so, with the http address to use
        String https = external.baseUrl().replaceFirst("^http://", "https://");
        typeAddress(robot, https);
        robot.clickOn("#signin-button");
        waitFor("the sign-in failed again", 30, () -> robot.lookup("#signin-error").queryLabeled().getText().contains("TLS"));
        String tls = robot.lookup("#signin-error").queryLabeled().getText();
        assertTrue(tls.contains("serves plain http") && tls.contains(external.baseUrl()), tls);
        assertNull(window.context().services());
    }

    @Test
    void openedOnASimulatorAddressWhereNothingAnswersTheAppSaysWhatToDo(FxRobot robot) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + closed;
        MainWindow old = window;
        WaitForAsyncUtils.asyncFx(() -> {
            old.context().simulatorSession().close();
            window = new MainWindow(stage, new MainWindow.Options(true, false, SimulatorOptions.instant(),
                    WizardHarness.connector(0), false, null, null, nobody));
        }).get(10, TimeUnit.SECONDS);
        waitFor("the explanation", 30, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertEquals("The training simulator could not be reached", pane.getHeaderText());
        assertTrue(pane.getContentText().startsWith("Nothing answers at " + nobody + "."), pane.getContentText());
        robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
        assertNull(window.context().services());
        assertNull(window.context().simulatorSession().simulator(), "no built-in simulator instead");
    }

    @Test
    void anHttpsSimulatorIsTrustedThroughTheCaItWroteInTheDataFolder(FxRobot robot) throws Exception {
        try (ArmSimulator tls = ArmSimulator.start(SimulatorOptions.instant().withTls(true))) {
            assertTrue(tls.baseUrl().startsWith("https://"));
            assertTrue(tls.caCertificate().startsWith(com.gatewaywizard.AppInfo.dataDir()), tls.caCertificate().toString());
            chooseSimulatorCloud(robot);
            typeAddress(robot, tls.baseUrl());
            robot.clickOn("#signin-button");
            waitFor("signed in over https", 30, () -> window.context().services() != null
                    || !robot.lookup("#signin-error").queryLabeled().getText().isEmpty());
            assertEquals("", robot.lookup("#signin-error").queryLabeled().getText());
            assertFalse(window.context().services().subscriptions().isEmpty());
        }
    }
}
