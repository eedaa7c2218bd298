package com.gatewaywizard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@code az} CLI's status / logs / restart as whole processes against the simulator
 * ({@code src/test/bench/az-times.sh}, in a loopback-only network namespace), beside the same operations warm in
 * the app's process (measured by {@link AzureBench}).
 */
final class AzCliBench {
    private static final Map<String, String> AZ_COMMAND = Map.of("status", "az container show", "logs",
            "az container logs", "restart", "az container restart (+ show until Running for ours)");
    private final Bench bench;
    private final Map<String, Double> ours;

    AzCliBench(Bench bench, Map<String, Double> ours) {
        this.bench = bench;
        this.ours = ours;
    }

    void run() throws Exception {
        if (!Display.onPath("az") || !Display.onPath("unshare")) {
            bench.notes.add("az CLI comparison: not measured (az or unshare not installed)");
            return;
        }
        Bench.Proc p = Bench.run(List.of("bash", "src/test/bench/az-times.sh", String.valueOf(Bench.RUNS)), bench.base,
                240_000);
        int code = p.finish();
        if (code != 0) {
            bench.notes.add("az CLI comparison: not measured (az-times.sh failed: "
                    + p.lines.stream().reduce((a, b) -> b).orElse("no output") + ")");
            System.out.println(p.output());
            return;
        }
        for (String line : p.lines) {
            if (!line.startsWith("AZ_MS ")) {
                continue;
            }
            String[] f = line.split(" ");
            String op = f[1];
            List<Long> times = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                times.add(Long.parseLong(f[i]));
            }
            double az = Bench.median(times);
            Double mine = ours.get(op);
            bench.row(AZ_COMMAND.getOrDefault(op, op) + ": az whole process vs ours warm in the app",
                    mine == null ? "—" : Bench.ms(mine), Bench.ms(az) + " (az)",
                    mine == null ? "" : Bench.ratio(mine / az), "≤ 0.2×");
        }
        bench.notes.add("our CLI's status / restart / logs as whole processes beside az: not measured (those CLI "
                + "commands are not on this branch yet)");
    }
}
