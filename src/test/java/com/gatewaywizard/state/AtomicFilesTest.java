package com.gatewaywizard.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private List<Path> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTempBehind() throws IOException {
        Path f = dir.resolve("settings.json");
        AtomicFiles.write(f, "one".getBytes(StandardCharsets.UTF_8), false);
        AtomicFiles.write(f, "two".getBytes(StandardCharsets.UTF_8), false);
        assertEquals("two", Files.readString(f));
        assertEquals(List.of(f), siblings());
    }

    @Test
    void writeCreatesMissingFolders() throws IOException {
        Path f = dir.resolve("a/b/c/draft.json");
        AtomicFiles.write(f, new byte[] {1, 2, 3}, true);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
    }

    @Test
    void aCrashAfterTheTempIsWrittenButBeforeTheMoveLeavesTheOldFileIntact() throws IOException {
        Path f = dir.resolve("draft.json");
        AtomicFiles.write(f, "old complete content".getBytes(StandardCharsets.UTF_8), true);

        // The process dies here: the temp file holds the new content, the rename never happened.
        Path temp = AtomicFiles.writeTemp(f, "new content that was never committed".getBytes(StandardCharsets.UTF_8), true);

        assertEquals("old complete content", Files.readString(f));
        assertTrue(Files.exists(temp));
        assertTrue(AtomicFiles.isTempOf(temp, f));
        assertEquals(temp.getParent(), f.toAbsolutePath().getParent(), "the temp is in the same folder, so the move is a rename");

        // After a restart the stray temp is cleaned up once it is old, and the next save works normally.
        Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        assertEquals(1, AtomicFiles.removeStaleTemps(f, Duration.ofMinutes(10)));
        assertFalse(Files.exists(temp));
        AtomicFiles.write(f, "next".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(List.of(f.toAbsolutePath()), siblings());
    }

    @Test
    void aFreshTempOfAWriteInProgressIsNotCleanedUp() throws IOException {
        Path f = dir.resolve("draft.json");
        Path temp = AtomicFiles.writeTemp(f, "in progress".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(0, AtomicFiles.removeStaleTemps(f, Duration.ofMinutes(10)));
        assertTrue(Files.exists(temp));
        Files.writeString(dir.resolve("unrelated.tmp-123"), "x");
        Files.setLastModifiedTime(dir.resolve("unrelated.tmp-123"), FileTime.from(Instant.EPOCH));
        assertEquals(0, AtomicFiles.removeStaleTemps(f, Duration.ofMinutes(10)), "only this file's temps are touched");
    }

    @Test
    void ownerOnlyFilesAreMode0600IncludingTheTempBeforeTheMove() throws IOException {
        assumeTrue(posix(dir), "POSIX permissions");
        Path f = dir.resolve("keeper-gateway.yml");
        Path temp = AtomicFiles.writeTemp(f, "secret: value".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)));
        AtomicFiles.commit(temp, f);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertTrue(AtomicFiles.isOwnerOnly(f));
    }

    @Test
    void anOwnerOnlyWriteTightensAnExistingWorldReadableFile() throws IOException {
        assumeTrue(posix(dir), "POSIX permissions");
        Path f = dir.resolve("keeper-gateway.yml");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertFalse(AtomicFiles.isOwnerOnly(f));
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8), true);
        assertTrue(AtomicFiles.isOwnerOnly(f));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemp() throws IOException {
        Path f = dir.resolve("target");
        Files.createDirectory(f);
        Files.writeString(f.resolve("child"), "keeps the folder non-empty");
        // Replacing a non-empty folder fails at the move step.
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> AtomicFiles.write(f, "x".getBytes(StandardCharsets.UTF_8), true));
        assertTrue(Files.isDirectory(f));
        assertEquals(List.of(f), siblings());
    }

    /**
     * A real crash: a separate JVM saves two alternating 2 MB contents in a loop and is killed with SIGKILL at a
     * random moment. The file must always be one whole content, never a mix or a truncation.
     */
    @Test
    void aProcessKilledWhileSavingLeavesOneWholeVersion() throws Exception {
        Path f = dir.resolve("draft.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SaveLoop.class.getName(), f.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine(); // "saved" after the first few complete saves
                assertEquals("saved", line, "the save loop did not start");
                Thread.sleep(20 + 40L * round);
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            byte[] content = Files.readAllBytes(f);
            assertEquals(SaveLoop.SIZE, content.length, "a truncated file survived the kill");
            byte first = content[0];
            assertTrue(first == 'A' || first == 'B');
            for (byte b : content) {
                if (b != first) {
                    throw new AssertionError("a mix of two saves survived the kill");
                }
            }
        }
    }

    /** The child process of {@link #aProcessKilledWhileSavingLeavesOneWholeVersion}. */
    public static final class SaveLoop {
        static final int SIZE = 2 * 1024 * 1024;

        public static void main(String[] args) throws IOException {
            Path f = Path.of(args[0]);
            byte[] a = new byte[SIZE];
            byte[] b = new byte[SIZE];
            java.util.Arrays.fill(a, (byte) 'A');
            java.util.Arrays.fill(b, (byte) 'B');
            for (long i = 0; ; i++) {
                AtomicFiles.write(f, i % 2 == 0 ? a : b, true);
                if (i == 2) {
                    System.out.println("saved");
                    System.out.flush();
                }
            }
        }
    }
}
