package com.gatewaywizard.bench;

import com.gatewaywizard.azure.Azure;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.DeployResult;
import com.gatewaywizard.azure.DeployStep;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.azure.LogChunk;
import com.gatewaywizard.azure.LogFollower;
import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Azure layer on the real Azure SDK against the in-process simulator with zero delays, signed in the way the
 * app signs in to the simulator (its own timing): deploy to Running, restart to Running, and the warm status and
 * log-tick operations the GUI repeats, each with the HTTP requests it cost (the simulator's request log) beside the
 * minimum the ARM API needs. Then the resident memory of a separate client process after a deploy and ten simulated
 * minutes of log following.
 */
final class AzureBench {
    /** PUT (201 + Azure-AsyncOperation), one poll of the operation, one GET of the group's instance view. */
    static final int MIN_DEPLOY = 3;
    /** POST restart (204), one GET that shows Running with the higher restart count. */
    static final int MIN_RESTART = 2;
    /** One GET of the group with its instance view. */
    static final int MIN_STATUS = 1;
    /** One GET of the container's log (a restart shows as a shorter log). */
    static final int MIN_LOG_TICK = 1;

    private final Bench bench;
    /** Per-operation in-process times (ms), for the az comparison. */
    final java.util.Map<String, Double> warm = new java.util.LinkedHashMap<>();

    AzureBench(Bench bench) {
        this.bench = bench;
    }

    static GatewaySpec spec(String name) {
        return GatewaySpec.builder().subscriptionId(SeedWorld.PRODUCTION).resourceGroup(SeedWorld.RESOURCE_GROUP)
                .region(SeedWorld.LOCATION).name(name)
                .subnetId(SeedWorld.subnetId(SeedWorld.PRODUCTION, SeedWorld.SUBNET_ACI)).dockerUser("hubuser")
                .dockerPat(Secret.of(TestConfigs.fakePat("Bench")))
                .gatewayConfig(Secret.of(TestConfigs.valid())).image("keeper/gateway:1.8.4").cpu(1).memoryGb(2)
                .liveness(LivenessProbe.NONE).instances(1).build();
    }

    static GatewayRef ref(String name) {
        return new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, name);
    }

    void operations() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant());
                AzureServices az = Azure.connect(SignInRequest.simulator(sim.uri()))) {
            az.deployer().deploy(spec("bench-warmup"), e -> { }); // class loading and the first connection

            List<Double> deployMs = new ArrayList<>();
            List<Integer> deployReq = new ArrayList<>();
            List<Integer> deployAll = new ArrayList<>();
            for (int i = 0; i < Bench.RUNS; i++) {
                sim.requestLog().clear();
                AtomicLong runningAt = new AtomicLong();
                AtomicInteger requestsAtRunning = new AtomicInteger();
                long t0 = System.nanoTime();
                DeployResult r = az.deployer().deploy(spec("bench-gw-" + i), e -> {
                    if (e.step() == DeployStep.RUNNING && runningAt.get() == 0) {
                        runningAt.set(System.nanoTime());
                        requestsAtRunning.set(sim.requestLog().entries().size());
                    }
                });
                if (!r.allRunning() || runningAt.get() == 0) {
                    throw new IllegalStateException("deploy did not reach Running: " + r);
                }
                deployMs.add((runningAt.get() - t0) / 1e6);
                deployReq.add(requestsAtRunning.get());
                deployAll.add(sim.requestLog().entries().size());
            }
            bench.row("deploy to Running shown (simulator, zero delays)", Bench.ms(Bench.median(deployMs)), "",
                    "", "≤ 1500 ms");
            bench.row("HTTP requests: deploy until Running (whole deploy call incl. crash-loop watch)",
                    fmt(Bench.median(deployReq)) + " (" + fmt(Bench.median(deployAll)) + ")",
                    MIN_DEPLOY + " (PUT, poll operation, GET instance view)",
                    "+" + fmt(Bench.median(deployReq) - MIN_DEPLOY), "within 1 of the minimum");

            GatewayRef ref = ref("bench-gw-0");
            List<Double> restartMs = new ArrayList<>();
            List<Integer> restartReq = new ArrayList<>();
            for (int i = 0; i < Bench.RUNS; i++) {
                int before = az.control().status(ref).restartCount();
                sim.requestLog().clear();
                long t0 = System.nanoTime();
                az.control().restart(ref);
                GatewayStatus s;
                do {
                    s = az.control().status(ref);
                } while (!(s.running() && s.restartCount() > before) && System.nanoTime() - t0 < 30e9);
                restartMs.add((System.nanoTime() - t0) / 1e6);
                restartReq.add(sim.requestLog().entries().size());
            }
            bench.row("restart to Running shown (simulator, zero delays)", Bench.ms(Bench.median(restartMs)), "", "",
                    "≤ 1000 ms");
            bench.row("HTTP requests: restart until Running shown", fmt(Bench.median(restartReq)),
                    MIN_RESTART + " (POST restart, GET instance view)",
                    "+" + fmt(Bench.median(restartReq) - MIN_RESTART), "within 1 of the minimum");
            warm.put("restart", Bench.median(restartMs));

            List<Double> statusMs = new ArrayList<>();
            List<Integer> statusReq = new ArrayList<>();
            for (int i = 0; i < Bench.RUNS; i++) {
                sim.requestLog().clear();
                long t0 = System.nanoTime();
                az.control().status(ref);
                statusMs.add((System.nanoTime() - t0) / 1e6);
                statusReq.add(sim.requestLog().entries().size());
            }
            bench.row("HTTP requests: status", fmt(Bench.median(statusReq)), MIN_STATUS + " (GET instance view)",
                    "+" + fmt(Bench.median(statusReq) - MIN_STATUS), "within 1 of the minimum");
            warm.put("status", Bench.median(statusMs));

            LogFollower follower = az.control().follow(ref, false);
            follower.poll();
            List<Double> tickMs = new ArrayList<>();
            List<Integer> tickReq = new ArrayList<>();
            for (int i = 0; i < Bench.RUNS; i++) {
                sim.requestLog().clear();
                long t0 = System.nanoTime();
                follower.poll();
                tickMs.add((System.nanoTime() - t0) / 1e6);
                tickReq.add(sim.requestLog().entries().size());
            }
            bench.row("HTTP requests: one log-follow tick", fmt(Bench.median(tickReq)),
                    MIN_LOG_TICK + " (GET logs)", "+" + fmt(Bench.median(tickReq) - MIN_LOG_TICK),
                    "within 1 of the minimum");
            List<Double> logsMs = new ArrayList<>();
            for (int i = 0; i < Bench.RUNS; i++) {
                long t0 = System.nanoTime();
                az.control().logs(ref, 100, false);
                logsMs.add((System.nanoTime() - t0) / 1e6);
            }
            warm.put("logs", Bench.median(logsMs));
            bench.row("warm operations in the app's process (status / logs / log tick)",
                    Bench.ms(Bench.median(statusMs)) + " / " + Bench.ms(Bench.median(logsMs)) + " / "
                            + Bench.ms(Bench.median(tickMs)), "", "", "≤ 0.2 × az (below)");
        }
    }

    /** Resident memory of a client process after a deploy and 10 simulated minutes of log following. */
    void memory() throws Exception {
        double speed = 120; // 10 simulated minutes in 5 s, a poll every 5 simulated s
        List<Double> rssMb = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.defaults().withSpeed(speed))) {
            for (int i = 0; i < Bench.RUNS; i++) {
                List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dgatewaywizard.home=" + Files.createDirectories(bench.work.resolve("home")), "-cp",
                        System.getProperty("java.class.path"), FollowWorkload.class.getName(),
                        sim.uri().toString(), "mem-gw-" + i, String.valueOf(speed));
                Bench.Proc p = Bench.run(cmd, bench.base, 120_000);
                String line = p.await(FollowWorkload.MARK);
                p.finish();
                if (line == null) {
                    throw new IllegalStateException("the follow workload printed nothing: " + p.output());
                }
                String[] f = line.substring(FollowWorkload.MARK.length()).strip().split(" ");
                rssMb.add(Long.parseLong(f[0]) / 1024.0);
                lines.add(Integer.parseInt(f[1]));
            }
        }
        bench.row("resident memory after a deploy + 10 simulated min of log following (client process, default JVM)",
                String.format(Locale.ROOT, "%.0f MB", Bench.median(rssMb)),
                fmt(Bench.median(lines)) + " log lines followed", "", "≤ 300 MB");
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Child process: deploy, follow the log for 10 simulated minutes (a poll every 5 simulated s), print VmRSS. */
    public static final class FollowWorkload {
        static final String MARK = "RSS_KB ";

        public static void main(String[] args) throws Exception {
            URI base = URI.create(args[0]);
            String name = args[1];
            double speed = Double.parseDouble(args[2]);
            long tickMs = Math.max(1, Math.round(5000 / speed));
            int ticks = 120;
            int lines = 0;
            try (AzureServices az = Azure.connect(SignInRequest.simulator(base))) {
                DeployResult r = az.deployer().deploy(spec(name), e -> { });
                if (!r.allRunning()) {
                    throw new IllegalStateException("deploy failed: " + r);
                }
                LogFollower f = az.control().follow(ref(name), true);
                for (int i = 0; i < ticks; i++) {
                    LogChunk c = f.poll();
                    lines += c.lines().size();
                    Thread.sleep(tickMs);
                }
                long rss = 0;
                for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (l.startsWith("VmRSS:")) {
                        rss = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    }
                }
                System.out.println(MARK + rss + " " + lines);
            }
        }
    }
}
