package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorCommandTest {
    private static final Pattern LISTENING = Pattern.compile("ARM simulator listening on (https?://127\\.0\\.0\\.1:\\d+)");

    @Test
    void optionsAreParsedIncludingInstantSpeedAndScenarioNames() throws Exception {
        SimulatorOptions o = SimulatorCommand.parse(List.of("--port", "0", "--scenario", "docker-rate-limit", "--speed=instant",
                "--state", "w.json", "--tls"));
        assertEquals(Scenario.DOCKER_RATE_LIMIT, o.scenario());
        assertEquals(0, o.speed());
        assertEquals(Path.of("w.json"), o.stateFile());
        assertTrue(o.tls());
        assertEquals(2.5, SimulatorCommand.parse(List.of("--speed", "2.5")).speed());
        assertEquals(SimulatorOptions.DEFAULT_TOKEN_LIFETIME, o.tokenLifetime());
        assertEquals(java.time.Duration.ofSeconds(10), SimulatorCommand.parse(List.of("--token-lifetime", "10")).tokenLifetime());
    }

    @Test
    void badOptionsAreUsageErrorsWithExitCode2() {
        assertThrows(Commands.UsageException.class, () -> SimulatorCommand.parse(List.of("--scenario", "chaos")));
        assertThrows(Commands.UsageException.class, () -> SimulatorCommand.parse(List.of("--speed", "-1")));
        assertThrows(Commands.UsageException.class, () -> SimulatorCommand.parse(List.of("--port", "70000")));
        assertThrows(Commands.UsageException.class, () -> SimulatorCommand.parse(List.of("--port")));
        assertThrows(Commands.UsageException.class, () -> SimulatorCommand.parse(List.of("--token-lifetime", "0")));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console c = new Console(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of());
        assertEquals(Command.USAGE, Commands.run(List.of("simulator", "--scenario", "chaos"), c));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("known: default, slow, docker-rate-limit"), err.toString());
    }

    @Test
    void servePrintsTheListeningLineServesAndStopsWhenAsked() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console c = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, new ByteArrayInputStream(new byte[0]), Map.of());
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return SimulatorCommand.serve(SimulatorOptions.instant(), false, c, stop);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String url = null;
        for (int i = 0; i < 100 && url == null; i++) {
            Matcher m = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
            url = m.find() ? m.group(1) : null;
            Thread.sleep(50);
        }
        assertTrue(url != null, out.toString(StandardCharsets.UTF_8));
        assertEquals("ARM simulator listening on " + url, out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/subscriptions?api-version=2022-12-01"))
                .header("Authorization", "Bearer x").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        stop.complete(null);
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("ARM simulator stopped"));
        String stoppedUrl = url;
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(URI.create(stoppedUrl + "/_simulator/health")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aStateFileInAFolderThatCannotBeWrittenIsRefusedBeforeTheSimulatorStarts(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        List<Path> bad = new ArrayList<>(List.of(notAFolder.resolve("world.json")));
        if (Files.isDirectory(Path.of("/proc/1"))) {
            bad.add(Path.of("/proc/1/nope.json")); // not writable even for root
        }
        for (Path state : bad) {
            CompletableFuture<Void> stop = CompletableFuture.completedFuture(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Console c = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    new ByteArrayInputStream(new byte[0]), Map.of());
            int code = SimulatorCommand.serve(SimulatorOptions.instant().withStateFile(state), false, c, stop);
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(Command.PROBLEM, code, e);
            assertTrue(e.contains("--state " + state.toAbsolutePath()) && e.contains("lost when it stops")
                    && e.contains("was not started"), e);
            assertEquals(1, e.lines().count(), "one plain line: " + e);
            assertTrue(out.toString(StandardCharsets.UTF_8).isEmpty(), "no listening line: " + out);
        }
        // a folder that does not exist yet is made, as the first save would
        Path fresh = dir.resolve("new-folder").resolve("world.json");
        assertEquals(null, SimulatorCommand.unwritableState(fresh));
        assertTrue(Files.isDirectory(fresh.getParent()));
        assertTrue(Files.list(fresh.getParent()).findAny().isEmpty(), "the probe file is removed");
    }

    /** A separate JVM, stopped with SIGTERM: the shutdown hook closes the server and the state file keeps the world. */
    @Test
    void sigtermStopsTheProcessCleanlyAndTheStateFileKeepsTheWorld(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("world.json");
        String url = startProcessAndCreateGroup(state, true);
        assertTrue(Files.readString(state).contains("\"name\" : \"rg-demo\""), "state saved on change");
        assertTrue(url.startsWith("http://127.0.0.1:"));
        // a second run on the same state file still has the resource group
        startProcessAndCreateGroup(state, false);
    }

    private static String startProcessAndCreateGroup(Path state, boolean create) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "com.gatewaywizard.Launcher",
                "simulator", "--speed", "instant", "--state", state.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = reader.readLine();
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertTrue(m.matches(), "first line: " + first);
            String url = m.group(1);
            HttpClient http = HttpClient.newHttpClient();
            String rg = url + "/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups/rg-demo?api-version=2025-04-01";
            if (create) {
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(rg)).header("Authorization", "Bearer x")
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"westeurope\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, put.statusCode(), put.body());
            } else {
                HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(rg)).header("Authorization", "Bearer x").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, get.statusCode(), get.body());
            }
            p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its stdout)
            StringBuilder rest = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rest.append(line).append('\n');
            }
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "process ended");
            assertTrue(rest.toString().contains("ARM simulator stopped"), rest.toString());
            return url;
        } finally {
            p.destroyForcibly();
        }
    }
}
