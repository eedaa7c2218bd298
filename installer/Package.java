import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the jpackage app-image from the runtime image of {@code jlink/BuildRuntime.java}, then the OS's installer
 * (.deb, .msi or .dmg), with the argfiles in {@code installer/} and {@code installer/<os>/}. A single-file program:
 * {@code java installer/Package.java <os> <type|none> <version> <app.jar> <lib dir> <work dir>}.
 *
 * <p>The app stays on the class path (the Azure SDK's msal4j is an automatic module), without the JavaFX jars, whose
 * modules are in the runtime. On Linux the image also gets {@code lib/gateway-wizard-launch}, the launcher of the
 * menu entry and of {@code /usr/bin/gateway-wizard} that adds a per-user AppCDS archive.
 */
public final class Package {
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java installer/Package.java <linux|windows|macos> <deb|msi|dmg|none> <version>"
                    + " <app.jar> <lib dir> <work dir>");
            System.exit(2);
        }
        String os = args[0];
        String type = args[1];
        String version = args[2];
        Path appJar = Path.of(args[3]);
        Path lib = Path.of(args[4]);
        Path work = Path.of(args[5]);
        Path runtime = work.resolve("runtime");
        if (!Files.isDirectory(runtime)) {
            fail("no runtime image at " + runtime + " (jlink/BuildRuntime.java makes it)");
        }

        Path input = work.resolve("input");
        deleteTree(input);
        Files.createDirectories(input.resolve("lib"));
        Files.copy(appJar, input.resolve(appJar.getFileName()));
        try (Stream<Path> s = Files.list(lib)) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                if (!jar.getFileName().toString().startsWith("javafx-")) {
                    Files.copy(jar, input.resolve("lib").resolve(jar.getFileName()));
                }
            }
        }

        Path images = work.resolve("image");
        deleteTree(images);
        List<String> image = new ArrayList<>(List.of("@installer/app-image.args", "@installer/" + os + "/app-image.args",
                "--type", "app-image", "--app-version", version, "--input", input.toString(),
                "--runtime-image", runtime.toString(), "--dest", images.toString()));
        jpackage(image);
        Path appImage;
        try (Stream<Path> s = Files.list(images)) {
            appImage = s.findFirst().orElseThrow();
        }
        if (os.equals("linux")) {
            Path launch = appImage.resolve("lib/gateway-wizard-launch");
            Files.copy(Path.of("installer/linux/gateway-wizard-launch"), launch, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(launch, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        System.out.printf("app-image %s: %.1f MB%n", appImage, size(appImage) / 1e6);

        if (!type.equals("none")) {
            try (Stream<Path> s = Files.list(work)) {
                for (Path old : s.filter(p -> p.getFileName().toString().endsWith("." + type)).toList()) {
                    Files.delete(old);
                }
            }
            jpackage(List.of("@installer/" + os + "/package.args", "--app-version", version,
                    "--app-image", appImage.toString(), "--dest", work.toString()));
            try (Stream<Path> s = Files.list(work)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith("." + type)).toList()) {
                    System.out.printf("installer %s: %.1f MB%n", p, Files.size(p) / 1e6);
                }
            }
        }
    }

    private static void jpackage(List<String> args) {
        ToolProvider jpackage = ToolProvider.findFirst("jpackage").orElseThrow(() -> new IllegalStateException(
                "jpackage is not in this JDK (run the build with a full JDK 17)"));
        PrintWriter out = new PrintWriter(System.out, true);
        int code = jpackage.run(out, new PrintWriter(System.err, true), args.toArray(String[]::new));
        if (code != 0) {
            fail("jpackage " + args + " failed (exit " + code + ")");
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
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

    private Package() {
    }
}
