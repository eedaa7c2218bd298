import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds the runtime image of the installers: the JDK modules listed in {@code jlink/jdk-modules.txt} plus JavaFX as
 * real jmods made from the Maven Central {@code javafx-*-<version>-<platform>.jar} files (nothing downloaded from
 * anywhere else). Runs as a single-file program on any OS: {@code java jlink/BuildRuntime.java <lib> <work>}.
 *
 * <p>For each platform JavaFX jar: the native libraries (.so/.dll/.dylib at the jar's root) go to a libs folder and
 * out of the jar, then {@code jmod create --class-path <jar> --libs <libs>}. jdeps is re-run over the application's
 * jars and the build fails when it reports a JDK module that the list lacks.
 */
public final class BuildRuntime {
    private static final Pattern FX_JAR = Pattern.compile("javafx-(base|graphics|controls)-[0-9.]+-([a-z0-9-]+)\\.jar");
    private static final Pattern NATIVE = Pattern.compile("[^/]+\\.(so|dll|dylib)(\\.sha1)?");

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java jlink/BuildRuntime.java <app.jar> <lib dir> <work dir> [modules file]");
            System.exit(2);
        }
        Path appJar = Path.of(args[0]);
        Path lib = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path modulesFile = Path.of(args.length > 3 ? args[3] : "jlink/jdk-modules.txt");

        List<String> modules = Files.readAllLines(modulesFile).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        deleteTree(work);
        Path jmods = Files.createDirectories(work.resolve("jmods"));
        Path scratch = Files.createDirectories(work.resolve("scratch"));

        List<Path> fxJars;
        try (Stream<Path> s = Files.list(lib)) {
            fxJars = s.filter(p -> FX_JAR.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (fxJars.isEmpty()) {
            fail("no platform JavaFX jars (javafx-*-<version>-<platform>.jar) in " + lib);
        }
        for (Path jar : fxJars) {
            Matcher m = FX_JAR.matcher(jar.getFileName().toString());
            m.matches();
            String module = "javafx." + m.group(1);
            Path classes = scratch.resolve(module + ".jar");
            Path natives = scratch.resolve(module + "-libs");
            int count = splitNatives(jar, classes, natives);
            List<String> jmodArgs = new ArrayList<>(List.of("create", "--class-path", classes.toString()));
            if (count > 0) {
                jmodArgs.addAll(List.of("--libs", natives.toString()));
            }
            jmodArgs.add(jmods.resolve(module + ".jmod").toString());
            run("jmod", jmodArgs);
            System.out.printf("jmod %s (%d native libraries) from %s%n", module, count, jar.getFileName());
        }

        checkJdeps(appJar, lib, fxJars, modules);

        Path runtime = work.resolve("runtime");
        run("jlink", List.of("--module-path", jmods.toString(), "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2", "--generate-cds-archive",
                "--output", runtime.toString()));
        deleteTree(scratch);
        System.out.printf("runtime image %s: %.1f MB, modules %s%n", runtime, size(runtime) / 1e6, modules);
    }

    /** Copies {@code jar} to {@code classes} without its native libraries, which go to {@code natives}. */
    private static int splitNatives(Path jar, Path classes, Path natives) throws IOException {
        int count = 0;
        try (ZipFile zip = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(classes))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    if (!e.isDirectory() && NATIVE.matcher(e.getName()).matches()) {
                        if (!e.getName().endsWith(".sha1")) {
                            Files.createDirectories(natives);
                            Files.copy(in, natives.resolve(e.getName()));
                            count++;
                        }
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return count;
    }

    /** Fails when jdeps finds a JDK module that {@code modules} lacks (jlink adds the modules' own requirements). */
    private static void checkJdeps(Path appJar, Path lib, List<Path> fxJars, List<String> modules) throws IOException {
        Path mp = lib.getParent().resolve("jdeps-module-path");
        deleteTree(mp);
        Files.createDirectories(mp);
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(lib)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("javafx-") && !fxJars.contains(p)) {
                    continue; // the empty placeholder jars beside the platform ones
                }
                Path copy = mp.resolve(name);
                Files.copy(p, copy);
                jars.add(copy);
            }
        }
        List<String> jdepsArgs = new ArrayList<>(List.of("--module-path", mp.toString(), "--print-module-deps",
                "--ignore-missing-deps", "--multi-release", "17", appJar.toString()));
        jars.forEach(j -> jdepsArgs.add(j.toString()));
        String out = run("jdeps", jdepsArgs);
        deleteTree(mp);
        String line = out.lines().filter(l -> l.matches("[a-z.,]+")).reduce((a, b) -> b).orElse("");
        Set<String> found = new TreeSet<>(List.of(line.split(",")));
        found.removeIf(m -> m.isEmpty() || m.startsWith("javafx."));
        Set<String> missing = new LinkedHashSet<>(found);
        missing.removeAll(modules);
        System.out.println("jdeps: " + found);
        if (!missing.isEmpty()) {
            fail("jdeps finds JDK modules missing from jlink/jdk-modules.txt: " + missing);
        }
    }

    private static String run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                tool + " is not in this JDK (run the build with a full JDK 17)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (code != 0) {
            System.err.print(out);
            System.err.print(err);
            fail(tool + " failed (exit " + code + ")");
        }
        return out.toString();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(1);
    }

    private BuildRuntime() {
    }
}
