package com.gatewaywizard.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatewaywizard.azure.Azure;
import com.gatewaywizard.azure.AzureTuning;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.Connector;
import com.gatewaywizard.ui.MainWindow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on a fresh in-process simulator (instant speed), signed in with test timing. */
final class WizardHarness {
    static final String SUB = SeedWorld.PRODUCTION;
    static final String RG = SeedWorld.RESOURCE_GROUP;

    final MainWindow window;

    WizardHarness(Stage stage, SimulatorOptions options, int pullFailuresStuck) {
        window = new MainWindow(stage, new MainWindow.Options(true, false, options, connector(pullFailuresStuck), false));
        stage.show();
    }

    /** {@code Azure.connect} with the fast test tuning (optionally a lower "stuck pulls" threshold). */
    static Connector connector(int pullFailuresStuck) {
        AzureTuning f = AzureTuning.fast();
        AzureTuning tuning = pullFailuresStuck <= 0 ? f : new AzureTuning(f.pollInitial(), f.pollMax(), f.retries(),
                f.retryBase(), f.retryMax(), f.settle(), pullFailuresStuck, f.deployTimeout(), f.waitTimeout());
        return request -> Azure.connect(request, tuning, null);
    }

    WizardModel model() {
        return window.model();
    }

    WizardView wizard() {
        return window.wizard();
    }

    URI simulator() throws Exception {
        return window.context().simulatorSession().ensureStarted();
    }

    void close() {
        try {
            WaitForAsyncUtils.asyncFx(window::showStart).get(10, TimeUnit.SECONDS); // stops the dashboard's polling
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        window.context().simulatorSession().close();
    }

    /** Presses Next once it is enabled and waits for the step {@code expectStep}. */
    static void pressNext(org.testfx.api.FxRobot robot, String expectStep) {
        waitFor("Next enabled before " + expectStep, 10, () -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        robot.clickOn("#wizard-next");
        waitFor("step " + expectStep, 5, () -> robot.lookup("#step-" + expectStep).tryQuery().isPresent());
    }

    /** From the start page to the network step with its networks listed; the steps before it are filled through the model. */
    void upToNetwork(org.testfx.api.FxRobot robot) {
        robot.clickOn("#start-new");
        waitFor("signed in", 10, () -> window.context().services() != null);
        robot.interact(() -> {
            model().subscriptionId.set(SUB);
            model().resourceGroup.set(RG);
        });
        pressNext(robot, "place");
        waitFor("place valid", 10, () -> wizard().place().valid().get());
        pressNext(robot, "network");
        waitFor("networks", 10, () -> !wizard().network().networks.isEmpty());
    }

    static void waitFor(String what, long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /** The body the simulator received in the last PUT of that group (each secret as its SecretDigests digest). */
    JsonNode lastPut(String name) throws Exception {
        URI u = simulator().resolve("/_simulator/last-put/" + SUB + "/" + RG + "/" + name);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(u).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("last-put answered " + r.statusCode() + ": " + r.body());
        }
        return new ObjectMapper().readTree(r.body());
    }

    /** How many container groups of the resource group are named {@code prefix} or {@code prefix-k}. */
    long groupsNamed(String prefix) {
        return window.context().services().control().list(SUB, RG).stream().map(g -> g.ref().name())
                .filter(n -> n.equals(prefix) || n.matches(java.util.regex.Pattern.quote(prefix) + "-\\d+")).count();
    }

    /** The subnet id of a seeded subnet in the production subscription. */
    static String subnet(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Network/virtualNetworks/"
                + SeedWorld.VNET + "/subnets/" + name;
    }
}
