package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.EndpointUnreachableException;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Azure cannot be reached" always names the endpoint tried; for a simulator URL it says to start the simulator. */
class UnreachableWordingTest {

    private static String closedUrl(String scheme) throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            return scheme + "://127.0.0.1:" + sim.uri().getPort();
        } // closed: nothing listens there any more
    }

    @Test
    void everyAzureCommandOnAClosedSimulatorPortNamesTheUrlAndSaysToStartTheSimulator() throws Exception {
        for (String scheme : List.of("http", "https")) {
            String url = closedUrl(scheme);
            List<List<String>> commands = List.of(List.of("list"), List.of("status", "keeper-gateway"),
                    List.of("logs", "keeper-gateway"), List.of("restart", "keeper-gateway"),
                    List.of("delete", "keeper-gateway", "--yes"),
                    AzureCommandsSimulatorTest.deployArgs("preflight", "gw-nowhere", SeedWorld.SUBNET_ACI),
                    AzureCommandsSimulatorTest.deployArgs("deploy", "gw-nowhere", SeedWorld.SUBNET_ACI));
            for (List<String> c : commands) {
                List<String> args = new ArrayList<>(c);
                args.add("--cloud=simulator=" + url);
                CliRun r = CliRun.run(AzureCommandsSimulatorTest.ENV, "", args.toArray(String[]::new));
                assertEquals(1, r.code(), c + ": " + r.all());
                assertTrue(r.all().contains("cannot be reached"), c + ": " + r.all());
                assertTrue(r.all().contains(url), c + " names the URL tried: " + r.all());
                assertTrue(r.all().contains("gateway-wizard simulator") && r.all().contains("port"), c + ": " + r.all());
                assertFalse(r.all().contains("internet connection"), c + ": a simulator URL is not the internet: " + r.all());
            }
        }
    }

    @Test
    void theSharedExplanationNamesTheEndpointWhenTheErrorCarriesItAndWhenTheCallerKnowsIt() {
        Explanation carried = AzureProblems.explain(new java.io.UncheckedIOException(new EndpointUnreachableException(
                "https://management.azure.com", false, new ConnectException("refused"))));
        assertEquals(AzureProblems.NETWORK, carried.code());
        assertTrue(carried.message().contains("https://management.azure.com"), carried.message());
        assertTrue(carried.nextStep().contains("internet connection"), "a real cloud: check the connection");

        Explanation told = AzureProblems.explain(new ConnectException("refused"), "https://management.usgovcloudapi.net/", false);
        assertTrue(told.message().contains("https://management.usgovcloudapi.net"), told.message());

        Explanation sim = AzureProblems.explain(new ConnectException("refused"), "http://127.0.0.1:8443", true);
        assertTrue(sim.message().contains("http://127.0.0.1:8443") && sim.nextStep().contains("gateway-wizard simulator"),
                sim.oneLine());
    }

    @Test
    void anUnresolvableSimulatorHostSaysToCheckTheHost() {
        CliRun r = CliRun.run("list", "--cloud", "simulator=http://no-such-host.invalid:8443");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("http://no-such-host.invalid:8443") && r.err().contains("could not be resolved")
                && r.err().contains("host"), r.err());
    }
}
