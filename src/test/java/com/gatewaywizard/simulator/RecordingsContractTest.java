package com.gatewaywizard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the Azure CLI's recorded exchanges with the real ACI (fixtures/recordings) against the simulator: every
 * request in order, with the recorded method, path (including az's lower-case {@code resourcegroups}), api-version
 * and body. Each answer must have the recorded status, the recorded async-operation/location headers (absolute),
 * and the recorded body's fields, types and values (except names, ids and times). Where the recording shows a state
 * that comes with time (a poll answering Succeeded), the replay moves the simulator's clock forward until it gets
 * there, proving the simulator passes through the recorded states in the recorded order.
 */
class RecordingsContractTest {
    static final Path RECORDINGS = Path.of(System.getProperty("shared.dir", "../shared"), "fixtures", "recordings");
    static final String RECORDED_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    /** How far the replay may move the clock to reach a recorded state. */
    static final int MAX_WAIT_SECONDS = 180;

    @ParameterizedTest
    @ValueSource(strings = {"test_container_create.yaml", "test_container_create_with_vnet.yaml", "test_container_exec.yaml",
            "test_container_attach.yaml", "test_container_create_with_acr.yaml"})
    void theSimulatorAnswersEveryRecordedRequestLikeAci(String file) throws Exception {
        JsonNode recording = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(RECORDINGS.resolve(file)));
        ManualClock clock = ManualClock.startingNow();
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.defaults().withClock(clock))) {
            Arm arm = new Arm(sim);
            Map<String, String> operations = new HashMap<>();
            int n = 0;
            for (JsonNode interaction : recording.get("interactions")) {
                n++;
                JsonNode req = interaction.get("request");
                JsonNode res = interaction.get("response");
                String method = req.get("method").asText();
                String url = mapUrl(req.get("uri").asText(), sim, operations);
                if (n == 1) {
                    createRecordedResourceGroup(arm, req, res);
                }
                JsonNode body = req.hasNonNull("body")
                        ? ArmJson.MAPPER.readTree(req.get("body").asText().replace(RECORDED_SUBSCRIPTION, SeedWorld.PRODUCTION)) : null;
                if (body != null && method.equals("PUT") && url.contains("/containerGroups/")) {
                    withDockerHubLogin((ObjectNode) body);
                }
                int expectedStatus = res.get("status").get("code").asInt();
                String text = res.path("body").path("string").asText("");
                JsonNode expected = text.isBlank() ? null : ArmJson.MAPPER.readTree(text);
                String where = file + " #" + n + " " + method + " " + URI.create(url).getPath();

                Arm.Res got = arm.send(method, url, body);
                List<String> diff = differences(expectedStatus, expected, got);
                for (int waited = 0; !diff.isEmpty() && method.equals("GET") && waited < MAX_WAIT_SECONDS; waited++) {
                    clock.advanceSeconds(1);
                    got = arm.send(method, url, body);
                    diff = differences(expectedStatus, expected, got);
                }
                assertEquals(List.of(), diff, where);
                if (url.contains("/logs?")) {
                    // the content too: what the container's script printed
                    assertEquals(expected.get("content"), got.json().get("content"), where);
                }

                String recordedOp = header(res, "azure-asyncoperation");
                if (recordedOp != null) {
                    String ours = got.header("Azure-AsyncOperation");
                    assertNotNull(ours, where + ": Azure-AsyncOperation");
                    assertTrue(ours.startsWith(sim.baseUrl() + "/subscriptions/"), where + ": absolute " + ours);
                    operations.put(URI.create(recordedOp).getPath(), ours);
                }
                if (header(res, "location") != null) {
                    assertNotNull(got.header("Location"), where + ": Location");
                }
            }
        }
    }

    private static List<String> differences(int expectedStatus, JsonNode expected, Arm.Res got) {
        List<String> out = new ArrayList<>();
        if (got.status() != expectedStatus) {
            out.add("status " + got.status() + " instead of " + expectedStatus + ": " + got.text());
            return out;
        }
        if (expected != null) {
            out.addAll(new JsonShape().compare(expected, got.json()));
        }
        return out;
    }

    private static String header(JsonNode res, String name) {
        for (var it = res.path("headers").fields(); it.hasNext();) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().get(0).asText();
            }
        }
        return null;
    }

    /** The recorded host and subscription become the simulator's; a recorded operation URL becomes the one we handed out. */
    private static String mapUrl(String recorded, ArmSimulator sim, Map<String, String> operations) {
        URI u = URI.create(recorded);
        String ours = operations.get(u.getPath());
        if (ours != null) {
            return ours;
        }
        return sim.baseUrl() + u.getRawPath().replace(RECORDED_SUBSCRIPTION, SeedWorld.PRODUCTION) + "?" + u.getRawQuery();
    }

    /** The recordings start in a resource group the CLI's test harness made; the replay makes it the same way. */
    private static void createRecordedResourceGroup(Arm arm, JsonNode req, JsonNode res) throws Exception {
        JsonNode rg = ArmJson.MAPPER.readTree(res.path("body").path("string").asText());
        String path = URI.create(req.get("uri").asText()).getPath().replace(RECORDED_SUBSCRIPTION, SeedWorld.PRODUCTION);
        ObjectNode body = ArmJson.object().put("location", rg.get("location").asText());
        body.set("tags", rg.get("tags"));
        assertEquals(201, arm.put(Arm.q(path, "2025-04-01"), body).status());
    }

    /**
     * The recordings predate Docker Hub's 2024 limits for Azure and pull public images anonymously; the simulator
     * fails anonymous Docker Hub pulls on purpose, so the replay adds a Docker Hub login (which changes nothing else).
     */
    private static void withDockerHubLogin(ObjectNode body) {
        boolean dockerHub = false;
        for (JsonNode c : body.path("properties").path("containers")) {
            dockerHub |= GroupEngine.registryOf(c.path("properties").path("image").asText()).equals("index.docker.io");
        }
        if (dockerHub) {
            ObjectNode props = (ObjectNode) body.get("properties");
            ArrayNode creds = props.has("imageRegistryCredentials") ? (ArrayNode) props.get("imageRegistryCredentials")
                    : props.putArray("imageRegistryCredentials");
            creds.addObject().put("server", "index.docker.io").put("username", "hubuser").put("password", "hub-pass");
        }
    }
}
