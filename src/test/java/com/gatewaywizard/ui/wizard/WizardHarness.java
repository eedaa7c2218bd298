package com.gatewaywizard.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.SignInRequest;
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
        return request -> {
            Class<?> azure = Class.forName("com.gatewaywizard.azure.Azure");
            Class<?> tuningType = Class.forName("com.gatewaywizard.azure.AzureTuning");
            Object tuning = tuningType.getMethod("fast").invoke(null);
            if (pullFailuresStuck > 0) {
                var c = tuningType.getRecordComponents();
                Object[] values = new Object[c.length];
                Class<?>[] types = new Class<?>[c.length];
                for (int i = 0; i < c.length; i++) {
                    values[i] = c[i].getAccessor().invoke(tuning);
                    types[i] = c[i].getType();
                    if (c[i].getName().equals("pullFailuresStuck")) {
                        values[i] = pullFailuresStuck;
                    }
                }
                tuning = tuningType.getDeclaredConstructor(types).newInstance(values);
            }
            try {
                return (AzureServices) azure.getMethod("connect", SignInRequest.class, tuningType, javax.net.ssl.SSLContext.class)
                        .invoke(null, request, tuning, null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        };
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
        window.context().simulatorSession().close();
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

    /** The body the simulator received in the last PUT of that group (secrets included). */
    JsonNode lastPut(String name) throws Exception {
        URI u = simulator().resolve("/_simulator/last-put/" + SUB + "/" + RG + "/" + name);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(u).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("last-put answered " + r.statusCode() + ": " + r.body());
        }
        return new ObjectMapper().readTree(r.body());
    }

    /** The subnet id of a seeded subnet in the production subscription. */
    static String subnet(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Network/virtualNetworks/"
                + SeedWorld.VNET + "/subnets/" + name;
    }
}
