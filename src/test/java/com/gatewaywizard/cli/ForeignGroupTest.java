package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A container group that is not ours is named as such, and left alone. */
class ForeignGroupTest {
    @Test
    void aGroupThatIsNotAGatewayIsSaidToExistAndIsLeftAlone() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            String path = "/subscriptions/" + SeedWorld.PRODUCTION + "/resourceGroups/" + SeedWorld.RESOURCE_GROUP
                    + "/providers/Microsoft.ContainerInstance/containerGroups/foreign?api-version=" + ArmBody.API_VERSION;
            String body = """
                    {"location": "%s", "properties": {"osType": "Linux", "restartPolicy": "Always",
                     "containers": [{"name": "web", "properties": {"image": "mcr.microsoft.com/azuredocs/aci-helloworld",
                       "resources": {"requests": {"cpu": 1, "memoryInGB": 1}}}}]}}
                    """.formatted(SeedWorld.LOCATION);
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .header("Authorization", "Bearer test-token").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(put.statusCode() / 100 == 2, put.statusCode() + " " + put.body());
            sim.requestLog().clear();

            CliRun r = CliRun.run("restart", "foreign", "--cloud=simulator=" + sim.baseUrl());
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains("exists, but it was not deployed by Gateway Wizard and is not a Keeper gateway,"
                    + " so it is left alone"), r.err());
            CliRun named = CliRun.run("restart", "foreign", "--subscription", SeedWorld.PRODUCTION, "--resource-group",
                    SeedWorld.RESOURCE_GROUP, "--cloud=simulator=" + sim.baseUrl());
            assertEquals(1, named.code(), named.all());
            assertTrue(named.err().contains("so it is left alone"), named.err());
            for (String command : List.of("status", "logs", "stop", "start", "delete")) {
                List<String> args = new java.util.ArrayList<>(List.of(command, "foreign", "--subscription", SeedWorld.PRODUCTION,
                        "--resource-group", SeedWorld.RESOURCE_GROUP, "--cloud=simulator=" + sim.baseUrl()));
                if (command.equals("delete")) {
                    args.add("--yes");
                }
                CliRun other = CliRun.run(args.toArray(String[]::new));
                assertEquals(1, other.code(), command + ": " + other.all());
                assertTrue(other.err().contains("so it is left alone"), command + ": " + other.err());
            }
            assertTrue(sim.requestLog().entries().stream().noneMatch(e -> !e.method().equals("GET")
                    && e.path().contains("/containerGroups/foreign")), "the foreign group was operated on");
        }
    }
}
