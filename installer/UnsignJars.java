import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the jar signatures from the app's copies of its dependencies ({@code target/lib}), in place.
 * A single-file program: {@code java installer/UnsignJars.java <lib dir>}; the build runs it after copying the
 * dependencies, so both the {@code java -jar} form and the installers get the unsigned copies.
 *
 * <p>Why: most Azure SDK jars are signed. The JVM verifies every class of a signed jar against its signature as it
 * loads it, and JDK 17's class-data sharing leaves classes of signed jars out of an AppCDS archive, so the 1,000+
 * Azure classes a CLI command needs were parsed, verified and checked on every run. The signature protects the jar
 * between Maven Central and the build (Maven checks the download); after that, the copy inside our own package is
 * covered by the package's integrity, not by the SDK's certificate. Class files are copied byte for byte; only the
 * signature files ({@code META-INF/*.SF, *.RSA, *.DSA, *.EC, SIG-*}) and the per-entry digests of the manifest go.
 * Jars without a signature are left alone, so running it again changes nothing.
 */
public final class UnsignJars {
    private static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+",
            Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java installer/UnsignJars.java <lib dir>");
            System.exit(2);
        }
        Path lib = Path.of(args[0]);
        if (!Files.isDirectory(lib)) {
            System.err.println("error: no folder " + lib);
            System.exit(1);
        }
        int changed = 0;
        try (Stream<Path> s = Files.list(lib)) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                if (unsign(jar)) {
                    changed++;
                }
            }
        }
        System.out.println("[unsign] " + changed + " signed jar(s) in " + lib + " now unsigned");
    }

    /** Rewrites {@code jar} without its signature; false (and untouched) when it has none. */
    static boolean unsign(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigning");
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            if (in.stream().noneMatch(e -> SIGNATURE_FILE.matcher(e.getName()).matches())) {
                return false;
            }
            Manifest manifest = in.getManifest() == null ? new Manifest() : withoutDigests(in.getManifest());
            try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(file, manifest)) {
                Enumeration<JarEntry> entries = in.entries();
                byte[] buf = new byte[64 * 1024];
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    String name = e.getName();
                    if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME) || SIGNATURE_FILE.matcher(name).matches()) {
                        continue;
                    }
                    JarEntry copy = new JarEntry(name);
                    copy.setTime(e.getTime());
                    if (e.getExtra() != null) {
                        copy.setExtra(e.getExtra());
                    }
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(e)) {
                        for (int n; (n = data.read(buf)) > 0; ) {
                            out.write(buf, 0, n);
                        }
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** The manifest without the {@code *-Digest} attributes of its per-entry sections (sections left empty go). */
    static Manifest withoutDigests(Manifest original) {
        Manifest m = new Manifest(original);
        Iterator<Map.Entry<String, Attributes>> sections = m.getEntries().entrySet().iterator();
        while (sections.hasNext()) {
            Attributes a = sections.next().getValue();
            for (Object key : List.copyOf(a.keySet())) {
                if (key.toString().toLowerCase(java.util.Locale.ROOT).endsWith("-digest")) {
                    a.remove(key);
                }
            }
            if (a.isEmpty()) {
                sections.remove();
            }
        }
        return m;
    }
}
