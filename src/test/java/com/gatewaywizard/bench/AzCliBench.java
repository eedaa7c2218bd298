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
    private static final Map<String, String> AZ_COMMAND = Map.of("status", "status (az container show)", "logs",
            "logs (az container logs)", "restart", "restart (ours: + status until Running)");
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
        java.util.Map<String, Double> az = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> cli = new java.util.LinkedHashMap<>();
        String form = "";
        for (String line : p.lines) {
            String[] f = line.split(" ");
            if (line.startsWith("OURS_FORM ")) {
                form = line.substring("OURS_FORM ".length());
            }
            if (!line.startsWith("AZ_MS ") && !line.startsWith("OURS_MS ")) {
                continue;
            }
            List<Long> times = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                times.add(Long.parseLong(f[i]));
            }
            (line.startsWith("AZ_MS ") ? az : cli).put(f[1], Bench.median(times));
        }
        for (var e : az.entrySet()) {
            String op = e.getKey();
            Double mine = ours.get(op);
            bench.row(AZ_COMMAND.getOrDefault(op, op) + ": ours warm in the app's process vs az whole process",
                    mine == null ? "—" : Bench.ms(mine), Bench.ms(e.getValue()) + " (az)",
                    mine == null ? "" : Bench.ratio(mine / e.getValue()), "≤ 0.2×");
        }
        for (var e : cli.entrySet()) {
            String op = e.getKey();
            boolean following = op.equals("restart-until-running");
            Double a = az.get(following ? "restart" : op);
            String ours = following ? "`gateway-wizard restart`, which also follows it until Running,"
                    : op.equals("restart") ? "`gateway-wizard restart --no-wait` (returns once Azure accepted it, as az does)"
                    : "`gateway-wizard " + op + "`";
            bench.row(ours + " (" + form + ") vs `az container " + ("status".equals(op) ? "show" : following ? "restart" : op)
                    + "`, whole processes", Bench.ms(e.getValue()), a == null ? "" : Bench.ms(a) + " (az)",
                    a == null ? "" : Bench.ratio(e.getValue() / a), following ? "reported" : "≤ 1×");
        }
        if (cli.isEmpty()) {
            bench.notes.add("our CLI beside az: not measured (the CLI runs printed nothing)");
        }
    }
}
