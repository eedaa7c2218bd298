package com.gatewaywizard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * installer/UnsignJars.java, which the build runs on target/lib: the Azure SDK's signed jars come out unsigned (so
 * the JVM stops verifying each class and AppCDS can archive them) with every other byte of content kept.
 */
class UnsignJarsTest {

    @Test
    void aSignedAzureJarLosesItsSignatureAndKeepsEveryClassByteForByte(@TempDir Path dir) throws Exception {
        Path signed = jarOf(com.azure.core.util.Context.class);
        Map<String, byte[]> before = contents(signed);
        assertTrue(before.keySet().stream().anyMatch(n -> n.endsWith(".SF")),
                "the test needs a signed jar; azure-core from Maven Central is one: " + signed);
        Path copy = Files.copy(signed, dir.resolve(signed.getFileName()));
        Path plain = Files.copy(jarOf(org.slf4j.Logger.class), dir.resolve("slf4j.jar"));
        byte[] plainBefore = Files.readAllBytes(plain);

        String out = unsign(dir);
        assertTrue(out.contains("1 signed jar(s)"), out);

        Map<String, byte[]> after = contents(copy);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            String name = e.getKey();
            if (name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")) {
                assertTrue(!after.containsKey(name), name + " should be gone");
            } else if (!name.equals("META-INF/MANIFEST.MF")) {
                assertArrayEquals(e.getValue(), after.get(name), name + " changed");
            }
        }
        try (JarFile jar = new JarFile(copy.toFile(), true)) {
            String manifest = new String(after.get("META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
            assertTrue(!manifest.contains("-Digest"), "per-entry digests stay: " + manifest);
            assertEquals(jar.getManifest().getMainAttributes().getValue("Implementation-Version"),
                    new JarFile(signed.toFile()).getManifest().getMainAttributes().getValue("Implementation-Version"));
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                try (InputStream in = jar.getInputStream(e)) {
                    in.readAllBytes(); // code signers are known only once an entry was read
                }
                assertNull(e.getCodeSigners(), e.getName() + " is still signed");
            }
        }
        assertArrayEquals(plainBefore, Files.readAllBytes(plain), "an unsigned jar is left alone");
        assertTrue(unsign(dir).contains("0 signed jar(s)"), "a second run changes nothing");
        assertEquals(List.of("azure-core-" + version(signed) + ".jar", "slf4j.jar"), list(dir));
    }

    @Test
    void aMissingFolderIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Process p = start(dir.resolve("nope"));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(err.contains("no folder") && err.contains("nope"), err);
    }

    private static String unsign(Path dir) throws Exception {
        Process p = start(dir);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        return out;
    }

    private static Process start(Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "installer/UnsignJars.java", dir.toString()).start();
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String version(Path jar) {
        String n = jar.getFileName().toString();
        return n.substring("azure-core-".length(), n.length() - ".jar".length());
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> contents(Path jar) throws IOException {
        Map<String, byte[]> m = new HashMap<>();
        try (JarFile j = new JarFile(jar.toFile(), false)) {
            for (JarEntry e : new ArrayList<>(java.util.Collections.list(j.entries()))) {
                try (InputStream in = j.getInputStream(e)) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }
}
