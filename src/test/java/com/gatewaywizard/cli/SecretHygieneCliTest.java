package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.gatewaywizard.azure.Azure;
import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.AzureTuning;
import com.gatewaywizard.azure.DeployResult;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.LogFollower;
import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.Scenario;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.state.AtomicFiles;
import com.gatewaywizard.state.JsonStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Secret hygiene end to end (the CLI and the layers under it), with debug logging everywhere: render (shareable,
 * then full with --out), validate, the simulator with a state file, a deploy, logs, a follow, a restart, a forced
 * failure and CLI errors. Then every captured log event (with stack traces), stdout/stderr, exception messages and
 * user-facing explanations, and every file under the test's data folder are searched for the Docker Hub token and
 * the gateway config, in clear, base64, url-safe base64 and URL-encoded forms, and for the config's inner keys:
 * zero hits. The one file allowed to hold them is the full manifest the user asked for with --out, and it is
 * owner-only.
 */
class SecretHygieneCliTest {
    private static final String PAT = TestConfigs.fakePat("HygieneE2E");
    private static final TestConfigs.Parts PARTS = TestConfigs.parts();
    private static final String CONFIG = TestConfigs.encode(PARTS);

    /** Every form of every secret, by a label for the report (never the value itself). */
    private static Map<String, String> forms() {
        Map<String, String> f = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("PAT", PAT);
        secrets.put("config", CONFIG);
        secrets.put("config JSON", TestConfigs.json(PARTS));
        for (int i = 0; i < PARTS.secretValues().size(); i++) {
            secrets.put("config value " + i, PARTS.secretValues().get(i));
        }
        for (Map.Entry<String, String> s : secrets.entrySet()) {
            String v = s.getValue();
            f.put(s.getKey(), v);
            f.put(s.getKey() + " base64", Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
            f.put(s.getKey() + " url-safe base64", Base64.getUrlEncoder().withoutPadding().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
            f.put(s.getKey() + " URL-encoded", URLEncoder.encode(v, StandardCharsets.UTF_8));
            if (v.length() >= 40) {
                f.put(s.getKey() + " middle", v.substring(v.length() / 2 - 12, v.length() / 2 + 12));
            }
        }
        // Registry credentials as an HTTP Basic header would carry them.
        f.put("basic auth", Base64.getEncoder().encodeToString(("hubuser:" + PAT).getBytes(StandardCharsets.UTF_8)));
        return f;
    }

    private final List<String> hits = new ArrayList<>();

    private void scan(String where, String text) {
        if (text == null) {
            return;
        }
        for (Map.Entry<String, String> f : forms().entrySet()) {
            if (text.contains(f.getValue())) {
                hits.add(where + " holds the " + f.getKey());
            }
        }
    }

    private static String render(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
        if (e.getMDCPropertyMap() != null) {
            sb.append(' ').append(e.getMDCPropertyMap());
        }
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                sb.append('\n').append(s.getSTEAsString());
            }
        }
        return sb.toString();
    }

    private static GatewaySpec spec(String name, String config) {
        return GatewaySpec.builder().subscriptionId(SeedWorld.PRODUCTION).resourceGroup(SeedWorld.RESOURCE_GROUP)
                .region(SeedWorld.LOCATION).name(name).subnetId(SeedWorld.subnetId(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI))
                .dockerUser("hubuser").dockerPat(Secret.of(PAT)).gatewayConfig(Secret.of(config)).image("keeper/gateway:1.8.4")
                .cpu(1).memoryGb(2).liveness(LivenessProbe.NONE).debugLogging(true).instances(1).build();
    }

    @Test
    void noSecretInAnyOutputLogFileOrMessageOfACliSession(@TempDir Path dataDir, @TempDir Path work) throws Exception {
        String oldHome = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", dataDir.toString());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Map<String, Level> oldLevels = new HashMap<>();
        for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "com.gatewaywizard", "com.azure", "com.azure.core.http.jdk.httpclient",
                "reactor", "com.azure.core.http.policy.HttpLoggingPolicy")) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            oldLevels.put(name, l.getLevel());
            l.setLevel(Level.DEBUG);
        }
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        // Debug events are captured, not printed (thousands of lines on the console slow a busy machine down).
        ch.qos.logback.core.Appender<ILoggingEvent> console = root.getAppender("STDERR");
        if (console != null) {
            root.detachAppender(console);
        }
        root.addAppender(logs);
        List<CliRun> runs = new ArrayList<>();
        CliRun jsonRun;
        List<String> messages = new ArrayList<>();
        Path patFile = Files.writeString(work.resolve("pat.txt"), PAT + "\n");
        Map<String, String> env = Map.of("GW_CONFIG", CONFIG);
        Path out = Files.createDirectories(work.resolve("out")).resolve("keeper-gateway.yml");
        try {
            String subnet = SeedWorld.subnetId(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI);
            List<String> base = List.of("render", "--name", "keeper-gateway", "--location", "westeurope", "--subnet-id", subnet,
                    "--docker-user", "hubuser", "--debug", "--docker-pat-file", patFile.toString(), "--gateway-config-env", "GW_CONFIG");
            // 1. shareable render (secrets read, placeholders printed), JSON render, full render to a file
            runs.add(CliRun.run(env, "", base.toArray(String[]::new)));
            List<String> json = new ArrayList<>(base);
            json.addAll(List.of("--format", "json"));
            jsonRun = CliRun.run(env, "", json.toArray(String[]::new));
            runs.add(jsonRun);
            List<String> full = new ArrayList<>(base);
            full.addAll(List.of("--out", out.toString()));
            CliRun fullRun = CliRun.run(env, "", full.toArray(String[]::new));
            assertEquals(0, fullRun.code(), fullRun.err());
            runs.add(fullRun);
            // 2. validate the full manifest (it holds the secrets) and a broken copy of it
            runs.add(CliRun.run("validate", out.toString()));
            Path broken = Files.writeString(work.resolve("broken.yml"), Files.readString(out).replace("secureValue:", "value:")
                    .replace("cpu:", "cpu: [").replace("  name:", "  name: UPPER_case"));
            runs.add(CliRun.run("validate", broken.toString()));
            runs.add(CliRun.run(Map.of(), Files.readString(out), "validate", "-"));
            // 3. forced failures: a secret where it does not belong, a bad config, a wrong flag after secrets
            runs.add(CliRun.run(env, "", "render", "--docker-pat=" + PAT));
            runs.add(CliRun.run(Map.of("GW_CONFIG", CONFIG.substring(0, CONFIG.length() - 9)), "", base.toArray(String[]::new)));
            runs.add(CliRun.run(env, PAT, "render", "--docker-pat-file", "-", "--gateway-config-env", "GW_CONFIG", "--cpu", "lots"));

            // 4. the simulator with a state file in the data folder, and a session through the azure layer the CLI's
            //    deploy/logs/restart commands use, with debug HTTP logging
            Path state = dataDir.resolve("simulator-state.json");
            try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withStateFile(state));
                 AzureServices az = Azure.connect(SignInRequest.simulator(sim.uri()), AzureTuning.fast(), null)) {
                // the CLI's own Azure commands against this simulator, with --debug (gateway) and --verbose (our logs)
                String cloud = "--cloud=simulator=" + sim.baseUrl();
                String rg = SeedWorld.RESOURCE_GROUP;
                List<String> deploy = new ArrayList<>(List.of("deploy", cloud, "--name", "gw-cli", "--location", "westeurope",
                        "--resource-group", rg, "--subnet-id", subnet, "--docker-user", "hubuser", "--debug", "--verbose",
                        "--docker-pat-file", patFile.toString(), "--gateway-config-env", "GW_CONFIG", "--cpu", "1", "--memory", "2"));
                CliRun deployed = CliRun.run(env, "", deploy.toArray(String[]::new));
                assertEquals(0, deployed.code(), deployed.all());
                runs.add(deployed);
                List<String> deployJson = new ArrayList<>(deploy);
                deployJson.add("--json");
                runs.add(CliRun.run(env, "", deployJson.toArray(String[]::new)));
                for (String[] cmd : new String[][] {{"list", cloud, "--resource-group", rg, "--verbose"},
                        {"status", "gw-cli", cloud, "--resource-group", rg, "--json"},
                        {"logs", "gw-cli", cloud, "--resource-group", rg, "--tail", "100", "--timestamps"},
                        {"restart", "gw-cli", cloud, "--resource-group", rg, "--verbose"},
                        {"stop", "gw-cli", cloud, "--resource-group", rg}, {"start", "gw-cli", cloud, "--resource-group", rg},
                        {"logs", "gw-cli", cloud, "--resource-group", rg, "--json"}}) {
                    CliRun run = CliRun.run(env, "", cmd);
                    assertEquals(0, run.code(), String.join(" ", cmd) + ": " + run.all());
                    runs.add(run);
                }
                List<String> preflight = new ArrayList<>(deploy);
                preflight.set(0, "preflight");
                runs.add(CliRun.run(env, "", preflight.toArray(String[]::new)));
                // forced failure through the CLI: a config the gateway rejects (it keeps exiting)
                String rejected = TestConfigs.withKey(PARTS, "appKey", PARTS.clientId());
                List<String> failing = new ArrayList<>(deploy);
                failing.set(failing.indexOf("gw-cli"), "gw-cli-bad");
                CliRun failed = CliRun.run(Map.of("GW_CONFIG", rejected), "", failing.toArray(String[]::new));
                assertTrue(failed.code() != 0, "a rejected config must fail the CLI deploy: " + failed.all());
                runs.add(failed);
                runs.add(CliRun.run(env, "", "delete", "gw-cli-bad", cloud, "--resource-group", rg, "--yes"));
                runs.add(CliRun.run(env, "", "restart", "gw-missing", cloud, "--resource-group", rg));

                DeployResult r = az.deployer().deploy(spec("gw-hygiene", CONFIG), e -> messages.add(e.toString()));
                assertTrue(r.allRunning(), r.toString());
                GatewayRef ref = new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-hygiene");
                messages.add(az.control().status(ref).toString());
                messages.add(az.control().logs(ref, 200, true));
                LogFollower f = az.control().follow(ref, true);
                for (int k = 0; k < 3; k++) {
                    messages.add(String.valueOf(f.poll()));
                }
                az.control().restart(ref);
                messages.add(az.control().logs(ref, 200, false));
                // redeploy the same spec (update in place) and a forced failure: a config the gateway rejects
                messages.add(az.deployer().deploy(spec("gw-hygiene", CONFIG), e -> messages.add(e.toString())).toString());
                String badConfig = TestConfigs.withKey(PARTS, "appKey", PARTS.clientId());
                DeployResult bad = az.deployer().deploy(spec("gw-bad", badConfig).toBuilder().build(), e -> messages.add(e.toString()));
                messages.add(bad.toString());
                bad.instances().forEach(i -> messages.add(String.valueOf(i.failure())));
                sim.cloud().setScenario(Scenario.QUOTA);
                DeployResult quota = az.deployer().deploy(spec("gw-quota", CONFIG), e -> messages.add(e.toString()));
                quota.instances().forEach(i -> messages.add(String.valueOf(i.failure())));
                try {
                    az.control().start(new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-missing"));
                } catch (RuntimeException e) {
                    Explanation x = AzureProblems.explain(e);
                    messages.add(x.toString());
                    messages.add(String.valueOf(e));
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        messages.add(t.getMessage());
                    }
                }
            }
            // 5. settings and a draft written by the state package, as the app does (no secrets by design)
            new JsonStore<>(dataDir.resolve("settings.json"), Map.class, 1).save(Map.of("zoom", 110));
        } finally {
            root.detachAppender(logs);
            if (console != null) {
                root.addAppender(console);
            }
            oldLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
            if (oldHome == null) {
                System.clearProperty("gatewaywizard.home");
            } else {
                System.setProperty("gatewaywizard.home", oldHome);
            }
        }

        // The full manifest holds the secrets on purpose, and is the owner's alone.
        String manifest = Files.readString(out);
        assertTrue(manifest.contains(PAT) && manifest.contains(CONFIG), "the full manifest must carry the secrets it deploys");
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertTrue(AtomicFiles.isOwnerOnly(out), "the full manifest is not owner-only");
        }
        assertTrue(jsonRun.out().contains("\"secureValue\""), "the json render should show where the secrets go");

        int i = 0;
        for (CliRun r : runs) {
            scan("stdout of CLI run " + i, r.out());
            scan("stderr of CLI run " + i, r.err());
            i++;
        }
        List<ILoggingEvent> events;
        synchronized (logs) { // AppenderBase.doAppend holds this lock: no event is added while copying
            events = new ArrayList<>(logs.list);
        }
        for (ILoggingEvent e : events) {
            scan("log event of " + e.getLoggerName(), render(e));
        }
        for (String m : messages) {
            scan("a message or explanation", m);
        }
        int files = 0;
        try (Stream<Path> s = Files.walk(dataDir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files++;
                scan("file " + dataDir.relativize(p), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(files >= 2, "the session wrote no files to scan (state, settings)");
        assertTrue(logs.list.size() > 50, "debug logging was not on: " + logs.list.size() + " events");
        assertTrue(logs.list.stream().anyMatch(e -> e.getLoggerName().startsWith("com.azure")), "no Azure SDK logging captured");
        assertEquals(List.of(), hits);
    }

    @Test
    void theScanFindsEachFormOfASecret() {
        for (Map.Entry<String, String> f : forms().entrySet()) {
            hits.clear();
            scan("probe", "log line: " + f.getValue() + " end");
            assertTrue(!hits.isEmpty(), "the scan misses the " + f.getKey());
        }
    }
}
