package com.gatewaywizard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard with 50 gateways refreshing while the log view takes 1,000 lines/s (issue 6), measured by
 * {@code ui.dashboard.DashboardBench} in a child JVM on the suite's display: {@link Bench#RUNS} runs of 10 s after a
 * warm-up; each run's longest gap between pulses (a pulse listener), the longest FX-thread CPU between two pulses,
 * the slowest full refresh and the FX thread's CPU per second; the table has the median of the runs.
 */
final class DashboardSection {
    static final String CHILD = "com.gatewaywizard.ui.dashboard.DashboardBench";
    static final String MARK = "DASHBENCH ";
    private final Bench bench;

    DashboardSection(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(bench.display.jvmFlags);
        cmd.addAll(List.of("-Dgatewaywizard.home=" + bench.work.resolve("dash-home"), "-cp", System.getProperty("java.class.path"),
                CHILD, Integer.toString(Bench.RUNS), "10"));
        Bench.Proc p = Bench.run(cmd, bench.base, 600_000, bench.display.env());
        List<Map<String, Double>> runs = new ArrayList<>();
        String line;
        while ((line = p.await(MARK)) != null) {
            runs.add(parse(line.substring(MARK.length())));
            if (runs.size() == Bench.RUNS) {
                break;
            }
        }
        p.finish();
        if (runs.isEmpty()) {
            throw new IllegalStateException("the dashboard bench printed nothing: " + p.output());
        }
        String load = String.format(Locale.ROOT, "load average %.1f–%.1f during the runs", min(runs, "load"), max(runs, "load"));
        bench.row("Dashboard, 50 gateways refreshing + log at 1,000 lines/s: longest gap between FX pulses ("
                + bench.display.description + "; " + load + ")", Bench.ms(median(runs, "maxGap")),
                "runs " + range(runs, "maxGap"), "99th percentile " + Bench.ms(median(runs, "p99Gap")), "≤ 50 ms");
        bench.row("Dashboard, same: longest FX-thread CPU between two pulses", Bench.ms(median(runs, "maxPulseCpu")),
                "runs " + range(runs, "maxPulseCpu"), String.format(Locale.ROOT, "FX thread busy %.0f%% of the time",
                        100 * median(runs, "fxCpu") / median(runs, "seconds")), "≤ 50 ms");
        bench.row("Dashboard, same: slowest full refresh of 50 gateways (list call + apply)", Bench.ms(median(runs, "worstRefresh")),
                "runs " + range(runs, "worstRefresh"), "apply on the FX thread " + Bench.ms(median(runs, "maxApply")), "≤ 1 s");
    }

    static Map<String, Double> parse(String fields) {
        Map<String, Double> m = new HashMap<>();
        for (String kv : fields.trim().split("\\s+")) {
            int i = kv.indexOf('=');
            if (i > 0) {
                m.put(kv.substring(0, i), Double.parseDouble(kv.substring(i + 1)));
            }
        }
        return m;
    }

    private static List<Double> values(List<Map<String, Double>> runs, String key) {
        return runs.stream().map(r -> r.getOrDefault(key, Double.NaN)).toList();
    }

    private static double median(List<Map<String, Double>> runs, String key) {
        return Bench.median(values(runs, key));
    }

    private static double min(List<Map<String, Double>> runs, String key) {
        return values(runs, key).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Map<String, Double>> runs, String key) {
        return values(runs, key).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String range(List<Map<String, Double>> runs, String key) {
        return Bench.ms(min(runs, key)) + "–" + Bench.ms(max(runs, key));
    }
}
