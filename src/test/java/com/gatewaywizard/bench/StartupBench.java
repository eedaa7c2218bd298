package com.gatewaywizard.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Time to the first frame of Gateway Wizard's window against a bare JavaFX hello-world window, measured from process
 * start (the parent's clock before the process starts, to the child's {@link FirstFrame#MARK}), same runtime, same
 * class path, same flags; runs interleaved, one warm-up each. Also reported: when the complete start page is drawn
 * ({@link FirstFrame#READY}), which follows the first paint.
 */
final class StartupBench {
    private static final String TARGET = "≤ 1.15×";
    private final Bench bench;

    StartupBench(Bench bench) {
        this.bench = bench;
    }

    /** The {@code java -jar} form: the build's JDK, target/gateway-wizard.jar with its lib/ (plus the probe jar). */
    void javaCp() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String cp = bench.base.resolve("target/gateway-wizard.jar") + File.pathSeparator + bench.benchJar()
                + monocleJar();
        compare("first frame, `java -jar` form (JDK " + Runtime.version().feature() + ", " + bench.display.description
                + ")", java, cp, List.of(), false);
    }

    /** The installed form: the app-image's jlink runtime and class path, with a per-variant AppCDS archive. */
    void appImage() throws Exception {
        Path image = bench.base.resolve("target/dist/image/gateway-wizard");
        Path cfg = image.resolve("lib/app/gateway-wizard.cfg");
        if (!Files.exists(cfg)) {
            bench.notes.add("start-up, app-image form: not measured (run `mvn -Pdist package` first)");
            return;
        }
        Path app = image.resolve("lib/app");
        List<String> cp = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(cfg)) {
            line = line.replace("$APPDIR", app.toString());
            if (line.startsWith("app.classpath=")) {
                cp.add(line.substring("app.classpath=".length()));
            } else if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length()));
            }
        }
        cp.add(bench.benchJar().toString());
        String classPath = String.join(File.pathSeparator, cp) + monocleJar();
        Path java = image.resolve("lib/runtime/bin/java");
        compare("first frame, installed form (app-image runtime + AppCDS, " + bench.display.description + ")", java,
                classPath, options, true);
    }

    private String monocleJar() {
        if (bench.display.x11 != null) {
            return "";
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.contains("openjfx-monocle")) {
                return File.pathSeparator + e;
            }
        }
        return "";
    }

    private void compare(String what, Path java, String cp, List<String> options, boolean cds) throws Exception {
        Path home = Files.createDirectories(bench.work.resolve("home"));
        List<String> hello = new ArrayList<>();
        List<String> app = new ArrayList<>();
        if (cds) {
            hello.add("-XX:SharedArchiveFile=" + train(java, cp, options, "hello", home));
            app.add("-XX:SharedArchiveFile=" + train(java, cp, options, "app", home));
        }
        List<Double> helloMs = new ArrayList<>();
        List<Double> appMs = new ArrayList<>();
        List<Double> appReadyMs = new ArrayList<>();
        for (int i = 0; i <= Bench.RUNS; i++) {
            double[] h = firstFrame(java, cp, options, hello, "hello", home);
            double[] a = firstFrame(java, cp, options, app, "app", home);
            if (i > 0) { // the first pair warms the disk cache
                helloMs.add(h[0]);
                appMs.add(a[0]);
                appReadyMs.add(a[1]);
            }
        }
        double ours = Bench.median(appMs);
        double base = Bench.median(helloMs);
        bench.row(what, Bench.ms(ours), Bench.ms(base) + " (hello-world)", Bench.ratio(ours / base), TARGET);
        double ready = Bench.median(appReadyMs);
        bench.row(what.replace("first frame", "start page complete (every control drawn)"), Bench.ms(ready),
                Bench.ms(base) + " (hello-world)", Bench.ratio(ready / base), "reported");
        System.out.println("bench: app runs " + appMs + ", app ready " + appReadyMs + ", hello runs " + helloMs);
    }

    private Path train(Path java, String cp, List<String> options, String variant, Path home) throws Exception {
        Path jsa = bench.work.resolve("cds-" + variant + ".jsa");
        Files.deleteIfExists(jsa);
        List<String> cmd = command(java, cp, options,
                List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off,cds+dynamic=off"), variant, home);
        Bench.Proc p = Bench.run(cmd, bench.base, 120_000, bench.display.env());
        int code = p.finish();
        if (code != 0 || !Files.exists(jsa)) {
            throw new IllegalStateException("AppCDS training run of " + variant + " failed: " + p.output());
        }
        return jsa;
    }

    /** Milliseconds from process start to the first frame and to the complete window. */
    private double[] firstFrame(Path java, String cp, List<String> options, List<String> extra, String variant,
            Path home) throws Exception {
        List<String> cmd = command(java, cp, options, extra, variant, home);
        Bench.Proc p = Bench.run(cmd, bench.base, 60_000, bench.display.env());
        String mark = p.await(FirstFrame.MARK);
        String ready = mark == null ? null : p.await(FirstFrame.READY);
        p.finish();
        if (mark == null || ready == null) {
            throw new IllegalStateException(variant + " drew no " + (mark == null ? "first frame" : "complete window")
                    + ": " + p.output());
        }
        return new double[] {Long.parseLong(mark.substring(FirstFrame.MARK.length()).strip()) - p.startedAt,
                Long.parseLong(ready.substring(FirstFrame.READY.length()).strip()) - p.startedAt};
    }

    private List<String> command(Path java, String cp, List<String> options, List<String> extra, String variant,
            Path home) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(options);
        cmd.addAll(extra);
        cmd.addAll(bench.display.jvmFlags);
        cmd.add("-Dgatewaywizard.home=" + home);
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(FirstFrame.class.getName());
        cmd.add(variant);
        return cmd;
    }
}
