package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatewaywizard.Logging;
import com.gatewaywizard.MainLogging;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.RequestLog;
import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Azure command against the built-in simulator over HTTP, through the real Azure layer and SDK
 * ({@code --cloud simulator=URL}), including the failures a user meets.
 */
class AzureCommandsSimulatorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PAT = TestConfigs.fakePat("CliSim");
    static final String CONFIG = TestConfigs.valid();
    static final Map<String, String> ENV = Map.of("DOCKER_PAT", PAT, "GATEWAY_CONFIG", CONFIG);
    static final String SUB = SeedWorld.PRODUCTION;
    static final String RG = SeedWorld.RESOURCE_GROUP;

    static ArmSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant());
        CliRun r = on(sim, deployArgs("deploy", "gw-main", SeedWorld.SUBNET_ACI));
        assertEquals(0, r.code(), r.all());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String subnet(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Network/virtualNetworks/"
                + SeedWorld.VNET + "/subnets/" + name;
    }

    static List<String> deployArgs(String command, String name, String subnet, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--name", name, "--location", SeedWorld.LOCATION,
                "--resource-group", RG, "--subnet-id", subnet(subnet), "--docker-user", "keeperdemo",
                "--docker-pat-env", "DOCKER_PAT", "--gateway-config-env", "GATEWAY_CONFIG", "--cpu", "1", "--memory", "1.5"));
        a.addAll(Arrays.asList(more));
        return a;
    }

    static CliRun on(ArmSimulator s, List<String> args) {
        List<String> a = new ArrayList<>(args);
        a.add("--cloud=simulator=" + s.baseUrl());
        return CliRun.run(ENV, "", a.toArray(String[]::new));
    }

    static CliRun on(ArmSimulator s, String... args) {
        return on(s, List.of(args));
    }

    static CliRun deploy(ArmSimulator s, String name, String... more) {
        if (s == sim) {
            deployed.add(name);
        }
        return on(s, deployArgs("deploy", name, SeedWorld.SUBNET_ACI, more));
    }

    /** Gateways a test deployed on the shared simulator: deleted after it (the region has a 10-core quota). */
    static final List<String> deployed = new ArrayList<>();

    @AfterEach
    void deleteWhatTheTestDeployed() {
        for (String n : deployed) {
            on(sim, "delete", n, "--yes", "--subscription", SUB, "--resource-group", RG);
        }
        deployed.clear();
    }

    static boolean sentPut(ArmSimulator s, String name) {
        for (RequestLog.Entry e : s.requestLog().entries()) {
            if (e.method().equals("PUT") && e.path().endsWith("/containerGroups/" + name)) {
                return true;
            }
        }
        return false;
    }

    static void assertNoStackTrace(CliRun r) {
        assertFalse(r.all().contains("\tat ") || r.all().matches("(?s).*\\bat com\\.\\w+.*"), "no stack trace: " + r.all());
    }

    @Test
    void deployPrintsProgressForEveryInstanceAndExitsZeroWhenAllAreRunning() {
        deployed.add("gw-pool-2");
        CliRun r = deploy(sim, "gw-pool", "--instances", "2");
        assertEquals(0, r.code(), r.all());
        for (String n : List.of("gw-pool", "gw-pool-2")) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  " + n + ": .+")), r.out());
            assertTrue(r.out().contains(n + " is Running at 10.10.1."), r.out());
        }
        assertTrue(r.out().contains("gw-pool: Running"), r.out());
    }

    @Test
    void deployJsonPrintsAParseableResultAndKeepsProgressOnStderr() throws Exception {
        deployed.add("gw-json");
        CliRun r = on(sim, deployArgs("deploy", "gw-json", SeedWorld.SUBNET_ACI, "--json"));
        assertEquals(0, r.code(), r.all());
        JsonNode o = JSON.readTree(r.out());
        assertTrue(o.get("allRunning").asBoolean());
        assertEquals("gw-json", o.get("instances").get(0).get("name").asText());
        assertEquals("Running", o.get("instances").get(0).get("state").asText());
        assertTrue(r.err().contains("gw-json: Running"), r.err());
    }

    @Test
    void preflightOnTheUndelegatedSubnetPrintsTheProblemWithItsFixAndChangesNothing() {
        CliRun r = on(sim, deployArgs("preflight", "gw-undelegated", SeedWorld.SUBNET_UNDELEGATED));
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("error [A-Z_]+ subnetId: .*delegat.* \u2014 .+")), r.out());
        assertTrue(r.out().contains("nothing was changed"), r.out());
        assertFalse(sentPut(sim, "gw-undelegated"));
    }

    @Test
    void delegateSubnetAddsTheMissingDelegationThenTheDeployGoesAhead() throws Exception {
        try (ArmSimulator own = ArmSimulator.start(SimulatorOptions.instant())) {
            CliRun hint = on(own, deployArgs("preflight", "gw-delegate", SeedWorld.SUBNET_UNDELEGATED));
            assertEquals(1, hint.code(), hint.all());
            assertTrue(hint.err().contains("hint: add --delegate-subnet"), hint.err());
            CliRun r = on(own, deployArgs("deploy", "gw-delegate", SeedWorld.SUBNET_UNDELEGATED, "--delegate-subnet"));
            assertEquals(0, r.code(), r.all());
            assertTrue(r.err().contains("the subnet is delegated; checking again"), r.err());
            assertTrue(r.out().contains("gw-delegate is Running at 10.10.2."), r.out());
            boolean vnetPut = own.requestLog().entries().stream()
                    .anyMatch(e -> e.method().equals("PUT") && e.path().endsWith("/virtualNetworks/" + SeedWorld.VNET));
            assertFalse(vnetPut, "only the subnet is PUT, never the whole VNet");
        }
    }

    @Test
    void preflightOfAGoodGatewayPasses() throws Exception {
        CliRun r = on(sim, deployArgs("preflight", "gw-fresh", SeedWorld.SUBNET_ACI));
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("preflight passed"), r.out());
        CliRun json = on(sim, deployArgs("preflight", "gw-fresh", SeedWorld.SUBNET_ACI, "--json"));
        assertEquals(0, json.code(), json.all());
        JsonNode o = JSON.readTree(json.out());
        assertTrue(o.get("ok").asBoolean());
        assertTrue(o.get("problems").isArray());
    }

    @Test
    void deployOnTheUndelegatedSubnetIsStoppedByPreflightBeforeAnythingIsSent() {
        CliRun r = on(sim, deployArgs("deploy", "gw-stopped", SeedWorld.SUBNET_UNDELEGATED));
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("deploy stopped: preflight found"), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error ") && l.contains("subnetId")), r.err());
        assertFalse(sentPut(sim, "gw-stopped"), "nothing was sent");
    }

    @Test
    void dockerHubRateLimitedPullsAreShownWhileAzureRetriesThem() throws Exception {
        // the scenario fails the first 3 pulls with 429, then lets one through: Azure's own retries get the gateway up
        try (ArmSimulator limited = ArmSimulator.start(SimulatorOptions.instant().withScenario(Scenario.DOCKER_RATE_LIMIT))) {
            CliRun r = deploy(limited, "gw-limited");
            assertTrue(r.out().lines().anyMatch(l -> l.contains("gw-limited: Failed:") && l.contains("429 Too Many Requests")),
                    r.out());
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().contains("gw-limited is Running"), r.out());
            assertNoStackTrace(r);
        }
    }

    @Test
    void aGatewayThatCrashLoopsFailsTheDeployWithThePlainExplanation() throws Exception {
        // Keeper's side rejects the config (e.g. a revoked gateway): the container exits and ACI restarts it in a loop
        var rejecting = SimulatorOptions.instant().withConfigCheck(
                c -> com.gatewaywizard.simulator.GatewayConfigCheck.Verdict.malformed("the gateway's key was revoked"));
        try (ArmSimulator crashing = ArmSimulator.start(rejecting)) {
            CliRun r = deploy(crashing, "gw-crash");
            assertEquals(1, r.code(), r.all());
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(l.substring(0, 8) + "  gw-crash: FAILED: ")), r.out());
            assertTrue(r.err().contains("error: gw-crash: "), r.err());
            assertTrue(r.err().contains("run the same deploy again"), r.err());
            assertNoStackTrace(r);
            CliRun status = on(crashing, "status", "gw-crash");
            assertEquals(0, status.code(), status.all());
            assertTrue(status.out().contains("  problem      "), "status explains the warning: " + status.out());
        }
    }

    @Test
    void listShowsTheGatewaysAsATableAndAsJson() throws Exception {
        CliRun r = on(sim, "list", "--subscription", SeedWorld.PRODUCTION_NAME);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("NAME"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("gw-main\\s+rg-keeper\\s+Running\\s+10\\.10\\.1\\.\\d+\\s+\\d+\\s+westeurope")),
                r.out());
        CliRun json = on(sim, "list", "--json", "--resource-group", RG);
        assertEquals(0, json.code(), json.all());
        JsonNode a = JSON.readTree(json.out());
        assertTrue(a.isArray());
        boolean found = false;
        for (JsonNode g : a) {
            if (g.get("name").asText().equals("gw-main")) {
                found = true;
                assertEquals("Running", g.get("state").asText());
                assertEquals(SUB, g.get("subscriptionId").asText());
            }
        }
        assertTrue(found, json.out());
    }

    @Test
    void listWithoutSubscriptionLooksInEverySubscriptionAndSkipsOnesWithoutTheProvider() {
        CliRun r = on(sim, "list");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("gw-main"), r.out());
        assertFalse(r.err().contains("warning"), "Training has no ACI provider: skipped quietly: " + r.err());
    }

    @Test
    void statusShowsStateContainerAndEvents() throws Exception {
        CliRun r = on(sim, "status", "gw-main");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("gw-main  (rg-keeper, westeurope)"), r.out());
        assertTrue(r.out().contains("  state        Running"), r.out());
        assertTrue(r.out().contains("  events (newest first):"), r.out());
        assertTrue(r.out().contains("Pulled"), r.out());
        CliRun json = on(sim, "status", "gw-main", "--json");
        JsonNode o = JSON.readTree(json.out());
        assertEquals("Running", o.get("state").asText());
        assertEquals("keeper/gateway:latest", o.get("image").asText());
        assertTrue(o.get("events").size() > 0);
        assertEquals(0, o.get("problems").size());
        assertFalse(json.out().contains(PAT) || json.out().contains(CONFIG));
    }

    @Test
    void statusOfAMissingGatewayExitsOneInPlainWords() {
        CliRun byName = on(sim, "status", "no-such-gateway");
        assertEquals(1, byName.code(), byName.all());
        assertTrue(byName.err().contains("no gateway named 'no-such-gateway'"), byName.err());
        assertTrue(byName.err().contains("gateway-wizard list"), byName.err());
        CliRun direct = on(sim, "status", "no-such-gateway", "--subscription", SUB, "--resource-group", RG);
        assertEquals(1, direct.code(), direct.all());
        assertTrue(direct.err().startsWith("error: "), direct.err());
        assertEquals("", direct.out());
        assertNoStackTrace(byName);
        assertNoStackTrace(direct);
    }

    @Test
    void logsPrintsTheLogAndTailCutsIt() throws Exception {
        CliRun all = on(sim, "logs", "gw-main");
        assertEquals(0, all.code(), all.all());
        assertTrue(all.out().contains("Keeper Gateway"), all.out());
        CliRun two = on(sim, "logs", "gw-main", "--tail", "2");
        assertEquals(0, two.code(), two.all());
        assertEquals(2, two.out().lines().count(), two.out());
        CliRun json = on(sim, "logs", "gw-main", "--tail", "3", "--json");
        JsonNode o = JSON.readTree(json.out());
        assertEquals(3, o.get("lines").size());
    }

    @Test
    void logsFollowPrintsOnlyNewLinesAndMarksARestart() throws Exception {
        assertEquals(0, deploy(sim, "gw-follow").code());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console c = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), ENV);
        CompletableFuture<Integer> follow = CompletableFuture.supplyAsync(() -> Commands.run(List.of("logs", "gw-follow",
                "--follow", "--timestamps", "--interval", "0.05", "--max-polls", "80", "--cloud", "simulator=" + sim.baseUrl()), c));
        long until = System.currentTimeMillis() + 10_000;
        while (out.size() == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertTrue(out.size() > 0, "the first lines arrive: " + err);
        CliRun restart = on(sim, "restart", "gw-follow", "--interval", "0.05");
        assertEquals(0, restart.code(), restart.all());
        assertEquals(0, follow.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\u2014 container restarted at \\d\\d:\\d\\d:\\d\\d \u2014")) {
                marker = i;
            }
        }
        assertTrue(marker > 0, "a restart marker after the first run's lines: " + lines);
        List<String> before = lines.subList(0, marker);
        assertEquals(before.size(), before.stream().distinct().count(), "only new lines, never a reprint: " + before);
        assertTrue(lines.subList(marker + 1, lines.size()).stream().anyMatch(l -> l.contains("starting")),
                "the new run's lines follow the marker: " + lines);
    }

    @Test
    void logsFollowWithJsonPrintsOneObjectPerLine() throws Exception {
        CliRun r = on(sim, "logs", "gw-main", "--follow", "--json", "--interval", "0.05", "--max-polls", "3");
        assertEquals(0, r.code(), r.all());
        List<String> lines = r.out().lines().toList();
        assertFalse(lines.isEmpty());
        for (String l : lines) {
            assertTrue(JSON.readTree(l).has("line"), l);
        }
    }

    @Test
    void restartWaitsUntilTheGatewayIsRunningAgain() throws Exception {
        assertEquals(0, deploy(sim, "gw-restart").code());
        CliRun r = on(sim, "restart", "gw-restart", "--interval", "0.05");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("gw-restart restarted: Running, IP 10.10.1."), r.out());
        CliRun json = on(sim, "restart", "gw-restart", "--interval", "0.05", "--json");
        JsonNode o = JSON.readTree(json.out());
        assertTrue(o.get("ok").asBoolean());
        assertEquals("Running", o.get("state").asText());
        assertTrue(o.get("restartCount").asInt() >= 1, json.out());
    }

    @Test
    void theHelpDeskOneLinerRestartsAGatewayByItsNameAlone() {
        assertEquals(0, deploy(sim, "gw-helpdesk").code());
        // the cloud from the environment, the subscription and resource group found by name
        CliRun r = CliRun.run(Map.of(AzureOptions.CLOUD_ENV, "simulator=" + sim.baseUrl()), "", "restart", "gw-helpdesk");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("gw-helpdesk restarted: Running"), r.out());
    }

    @Test
    void aSubscriptionWithoutTheContainerInstanceProviderHasNoGateways() {
        // the subscription from AZURE_SUBSCRIPTION_ID; Training never registered Microsoft.ContainerInstance
        CliRun r = CliRun.run(Map.of(AzureOptions.SUBSCRIPTION_ENV, SeedWorld.TRAINING), "", "list",
                "--cloud", "simulator=" + sim.baseUrl());
        assertEquals(0, r.code(), r.all());
        assertEquals("No gateways found.\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void stopThenStartGoesThroughStoppedBackToRunning() throws Exception {
        assertEquals(0, deploy(sim, "gw-stop").code());
        CliRun stop = on(sim, "stop", "gw-stop", "--interval", "0.05");
        assertEquals(0, stop.code(), stop.all());
        assertTrue(stop.out().startsWith("gw-stop stopped: Stopped"), stop.out());
        assertTrue(on(sim, "status", "gw-stop").out().contains("state        Stopped"));
        CliRun start = on(sim, "start", "gw-stop", "--interval", "0.05");
        assertEquals(0, start.code(), start.all());
        assertTrue(start.out().startsWith("gw-stop started: Running"), start.out());
    }

    @Test
    void deleteWithYesDeletesTheGroup() {
        assertEquals(0, deploy(sim, "gw-delete").code());
        CliRun r = on(sim, "delete", "gw-delete", "--yes");
        assertEquals(0, r.code(), r.all());
        assertEquals("deleted gw-delete (resource group rg-keeper)\n", r.out());
        CliRun status = on(sim, "status", "gw-delete");
        assertEquals(1, status.code());
    }

    @Test
    void cloudSimulatorWithoutUrlRunsAnInProcessSimulatorForTheCommand() {
        CliRun r = CliRun.run("list", "--cloud", "simulator", "--subscription", SUB);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("No gateways found"), r.out());
        assertTrue(r.err().contains("for this command only"), r.err());
    }

    @Test
    void aVerboseDeployKeepsThePatAndTheGatewayConfigOutOfOutputAndTheLogFile(@TempDir Path home) throws Exception {
        CliRun r;
        try (MainLogging m = MainLogging.use(home)) {
            r = deploy(sim, "gw-verbose", "--verbose", "--debug");
            on(sim, "status", "gw-verbose", "--verbose");
            on(sim, "logs", "gw-verbose", "--verbose");
        }
        assertEquals(0, r.code(), r.all());
        Path log = home.resolve("logs").resolve(Logging.LOG_FILE_NAME);
        String text = Files.readString(log);
        assertTrue(text.contains("DEBUG"), "--verbose writes debug lines: " + text);
        for (String secret : List.of(PAT, CONFIG)) {
            assertFalse(r.all().contains(secret), "not in stdout/stderr");
            assertFalse(text.contains(secret), "not in the log file");
        }
        // not even a recognisable part of the config (its base64 body)
        assertFalse(text.contains(CONFIG.substring(20, 60)), text);
        assertFalse(r.out().contains(" DEBUG ") || r.out().contains(" INFO "), "no log lines on stdout: " + r.out());
    }

    /**
     * A help-desk "status NAME --subscription S --resource-group RG" costs the one GET that answers it: no list of the
     * resource group to check the group is a gateway (the GET shows that too).
     */
    @Test
    void theStatusOfAnExactlyNamedGatewayIsOneGetOfItsGroup() {
        sim.requestLog().clear();
        CliRun r = on(sim, "status", "gw-main", "--subscription", SUB, "--resource-group", RG);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("gw-main") && r.out().contains("Running"), r.out());
        List<String> groupCalls = sim.requestLog().entries().stream().filter(e -> e.path().contains("/containerGroups"))
                .map(e -> e.method() + " " + e.path()).toList();
        assertEquals(List.of("GET /subscriptions/" + SUB + "/resourceGroups/" + RG
                + "/providers/Microsoft.ContainerInstance/containerGroups/gw-main"), groupCalls);
    }

    /**
     * A command given a subscription id lists the account's subscriptions only the first time (to learn its tenant,
     * kept in the data folder); later commands go straight to the gateway. After Azure refuses a call, the next
     * command lists them again.
     */
    @Test
    void aSubscriptionSeenOnceIsNotListedAgainUntilACallOnItFails() throws Exception {
        try (ArmSimulator own = ArmSimulator.start(SimulatorOptions.instant())) {
            assertEquals(0, deploy(own, "gw-known").code());
            java.util.function.Supplier<Long> listings = () -> own.requestLog().entries().stream()
                    .filter(e -> e.method().equals("GET") && e.path().equals("/subscriptions")).count();
            own.requestLog().clear();
            assertEquals(0, on(own, "status", "gw-known", "--subscription", SUB, "--resource-group", RG).code());
            assertEquals(1L, listings.get(), "the first time, to learn the subscription's tenant");
            own.requestLog().clear();
            assertEquals(0, on(own, "status", "gw-known", "--subscription", SUB, "--resource-group", RG).code());
            assertEquals(0, on(own, "logs", "gw-known", "--subscription", SUB, "--resource-group", RG).code());
            assertEquals(0L, listings.get(), "known since the first");

            CliRun notThere = on(own, "status", "gw-nowhere", "--subscription", SUB, "--resource-group", RG);
            assertEquals(1, notThere.code(), notThere.all());
            own.requestLog().clear();
            assertEquals(0, on(own, "status", "gw-known", "--subscription", SUB, "--resource-group", RG).code());
            assertEquals(0L, listings.get(), "a gateway that is not there says nothing about the subscription");
            CliRun refused = on(own, "status", "gw-known", "--subscription", SUB, "--resource-group", "rg-nope");
            assertEquals(1, refused.code(), refused.all());
            own.requestLog().clear();
            assertEquals(0, on(own, "status", "gw-known", "--subscription", SUB, "--resource-group", RG).code());
            assertEquals(1L, listings.get(), "listed again after a refused call");
            String file = java.nio.file.Files.readString(com.gatewaywizard.AppInfo.dataDir().resolve(AzureSession.KNOWN_FILE));
            assertTrue(file.toLowerCase(java.util.Locale.ROOT).contains(SUB) && !file.contains(PAT) && !file.contains(CONFIG), file);
        }
    }

    /** A gateway named exactly that is not there: the same plain "no gateway named" for every command, exit 1. */
    @Test
    void anExactlyNamedGatewayThatIsNotThereIsSaidPlainlyByEveryCommand() {
        for (String command : List.of("status", "logs", "restart", "stop", "start")) {
            CliRun r = on(sim, command, "gw-gone", "--subscription", SUB, "--resource-group", RG);
            assertEquals(1, r.code(), command + ": " + r.all());
            assertTrue(r.err().contains("no gateway named 'gw-gone' in resource group " + RG)
                    && r.err().contains("gateway-wizard list"), command + ": " + r.err());
            assertTrue(!r.err().contains("aka.ms") && !r.err().contains("Refresh the list"), command + ": " + r.err());
        }
    }

    /** A resource group that is in none of the subscriptions is an error, not "no gateways" (which a script would trust). */
    @Test
    void listingAResourceGroupThatDoesNotExistFails() {
        CliRun r = on(sim, "list", "--resource-group", "rg-nope");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("no resource group 'rg-nope'"), r.err());
        CliRun one = on(sim, "list", "--resource-group", "rg-nope", "--subscription", SUB);
        assertEquals(1, one.code(), one.all());
        assertTrue(!one.out().contains("No gateways"), one.all());
    }

    /** The container events a deploy printed: "Name: message" after the time and the instance. */
    private static List<String> eventLines(String out, String name) {
        return out.lines().map(l -> l.replaceFirst("^\\d\\d:\\d\\d:\\d\\d  ", ""))
                .filter(l -> l.startsWith(name + ": ") && l.matches(".*: (Pulling|Pulled|Started|Killing|Failed|BackOff)\\b.*"))
                .toList();
    }

    @Test
    void aSecondDeployOfTheSameGatewayPrintsOnlyTheEventsOfThisDeploy() throws Exception {
        // at demo speed: the update's first answers still show the first deploy's events, as Azure's do
        try (ArmSimulator own = ArmSimulator.start(SimulatorOptions.defaults())) {
            secondDeployPrintsOnlyItsOwnEvents(own);
        }
    }

    private static void secondDeployPrintsOnlyItsOwnEvents(ArmSimulator own) {
        CliRun first = deploy(own, "gw-again");
        assertEquals(0, first.code(), first.all());
        List<String> before = eventLines(first.out(), "gw-again");
        assertTrue(before.stream().anyMatch(l -> l.contains("Pulling")), first.out());

        CliRun again = deploy(own, "gw-again");
        assertEquals(0, again.code(), again.all());
        assertTrue(again.out().contains("earlier events are not repeated"), again.out());
        List<String> now = eventLines(again.out(), "gw-again");
        for (String old : before) {
            assertFalse(now.contains(old), "an event of the first deploy printed again as new: " + old + "\n" + again.out());
        }
        assertTrue(now.stream().anyMatch(l -> l.contains("Started")), "this deploy's own start is shown: " + again.out());
        assertTrue(again.out().contains("gw-again is Running"), again.out());
    }

    @Test
    void theJsonSaysWhetherThisRunAddedTheDelegationUnderAClearNameAndTheOldOne() throws Exception {
        JsonNode fine = JSON.readTree(on(sim, deployArgs("preflight", "gw-json-ok", SeedWorld.SUBNET_ACI, "--json")).out());
        assertFalse(fine.get("delegationAdded").asBoolean(), fine.toString());
        assertEquals(fine.get("delegationAdded"), fine.get("subnetDelegated"), "the first name keeps its value");
        try (ArmSimulator own = ArmSimulator.start(SimulatorOptions.instant())) {
            JsonNode added = JSON.readTree(on(own, deployArgs("preflight", "gw-json-add", SeedWorld.SUBNET_UNDELEGATED, "--json",
                    "--delegate-subnet")).out());
            assertTrue(added.get("ok").asBoolean() && added.get("delegationAdded").asBoolean(), added.toString());
            assertTrue(added.get("subnetDelegated").asBoolean(), added.toString());
        }
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("`delegationAdded`") && readme.contains("`subnetDelegated`"), "README documents both fields");
    }
}
