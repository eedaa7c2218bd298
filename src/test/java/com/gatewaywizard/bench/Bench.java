package com.gatewaywizard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The benchmark suite of {@code mvn -Pbench verify}: every measurement side by side in one run, median of at least
 * five, and the table written into README.md between the {@code bench:begin}/{@code bench:end} markers with the
 * machine and the date. The whole run is bounded (about eleven minutes; later sections are skipped, and say so, when
 * the budget is spent). Not a test: surefire never runs it.
 */
public final class Bench {
    static final int RUNS = 7;
    private static final long BUDGET_MS = TimeUnit.MINUTES.toMillis(11);

    final Path base;
    final Path work;
    final long startedAt = System.currentTimeMillis();
    final String loadAtStart = loadAverage();
    final List<String[]> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    Display display;

    Bench(Path base) throws IOException {
        this.base = base;
        this.work = Files.createDirectories(base.resolve("target/bench"));
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Bench bench = new Bench(base);
        try (Display d = Display.open(bench.work)) {
            bench.display = d;
            bench.runAll();
        }
        String table = bench.table();
        System.out.println(table);
        Path readme = base.resolve("README.md");
        if (Files.exists(readme)) {
            Readme.replaceBetweenMarkers(readme, table);
            System.out.println("README.md: benchmark table updated");
        }
    }

    void runAll() throws Exception {
        section("start-up (java -cp)", () -> new StartupBench(this).javaCp());
        section("start-up (app-image)", () -> new StartupBench(this).appImage());
        section("sizes", this::sizes);
        section("YAML render", () -> new RenderBench(this).run());
        section("dashboard with 50 gateways", () -> new DashboardSection(this).run());
        AzureBench azure = new AzureBench(this);
        section("Azure operations on the simulator", azure::operations);
        section("memory after log following", azure::memory);
        section("az CLI vs ours", () -> new AzCliBench(this, azure.warm).run());
    }

    interface Body {
        void run() throws Exception;
    }

    void section(String name, Body body) {
        if (System.currentTimeMillis() - startedAt > BUDGET_MS) {
            notes.add(name + ": not measured (the bench's time budget was spent)");
            return;
        }
        long t0 = System.currentTimeMillis();
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            notes.add(name + ": not measured (" + e + ")");
            e.printStackTrace();
        }
        System.out.printf("bench: %s done in %.1f s%n", name, (System.currentTimeMillis() - t0) / 1000.0);
    }

    /** One table row: what, ours, the reference it is compared with, the ratio or count, the target. */
    void row(String what, String ours, String reference, String result, String target) {
        rows.add(new String[] {what, ours, reference, result, target});
        System.out.printf("bench: %s | %s | %s | %s | %s%n", what, ours, reference, result, target);
    }

    void sizes() throws IOException {
        Path image = base.resolve("target/dist/image/gateway-wizard");
        Path runtime = base.resolve("target/dist/runtime");
        if (Files.isDirectory(runtime)) {
            row("jlink runtime image size", mb(treeSize(runtime)), "", "", "");
        }
        if (Files.isDirectory(image)) {
            row("app-image size (runtime + app, uncompressed)", mb(treeSize(image)), "", "", "");
        } else {
            notes.add("app-image size: not measured (run `mvn -Pdist package` first)");
        }
        try (Stream<Path> s = Files.list(base.resolve("target/dist"))) {
            List<Path> debs = s.filter(p -> p.toString().endsWith(".deb")).toList();
            for (Path deb : debs) {
                row(".deb size (" + deb.getFileName() + ")", mb(Files.size(deb)), "", "", "");
            }
            if (debs.isEmpty()) {
                notes.add(".deb size: not measured (no .deb in target/dist)");
            }
        } catch (IOException e) {
            notes.add(".deb size: not measured (no target/dist)");
        }
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        long mem = memTotalKb();
        sb.append(String.format(Locale.ROOT, "Measured %s on %d CPUs, %.1f GB memory, Java %s (%s), %s %s; "
                + "median of %d runs each, all in one `mvn -B -Pbench verify` (%.0f s; load average %s at the start, "
                + "%s at the end).%n%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Runtime.getRuntime().availableProcessors(), mem / 1024.0 / 1024.0,
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"), RUNS,
                (System.currentTimeMillis() - startedAt) / 1000.0, loadAtStart, loadAverage()));
        sb.append("| measurement | ours | reference | ratio / count | target |\n|---|---|---|---|---|\n");
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", Arrays.stream(r).map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (String n : notes) {
                sb.append("- ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    // ---- helpers shared by the sections ----

    /** A child process's output lines and its exit, with a deadline. */
    static Proc run(List<String> command, Path dir, long timeoutMs, String... env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        return new Proc(p, t0, timeoutMs);
    }

    static final class Proc {
        final Process process;
        final long startedAt;
        final long timeoutMs;
        final List<String> lines = new ArrayList<>();

        Proc(Process process, long startedAt, long timeoutMs) {
            this.process = process;
            this.startedAt = startedAt;
            this.timeoutMs = timeoutMs;
        }

        /** Reads lines until one starts with {@code prefix}; returns it (null at the end of output). */
        String await(String prefix) throws IOException {
            BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (System.currentTimeMillis() - startedAt > timeoutMs) {
                    break;
                }
            }
            return null;
        }

        int finish() throws IOException, InterruptedException {
            BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + process.info().commandLine().orElse("?"));
            }
            return process.exitValue();
        }

        String output() {
            return String.join("\n", lines);
        }
    }

    static double median(List<? extends Number> values) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f ms" : "%.1f ms", v);
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static long treeSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The 1-minute load average (other work on the machine skews every timing), or "?". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static long memTotalKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no memory figure
        }
        return 0;
    }

    /** The bench classes as a jar (AppCDS does not archive classes from directories on the class path). */
    Path benchJar() throws IOException {
        Path jar = work.resolve("bench.jar");
        Path classes = base.resolve("target/test-classes");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> s = Files.walk(classes.resolve("com/gatewaywizard/bench"))) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
