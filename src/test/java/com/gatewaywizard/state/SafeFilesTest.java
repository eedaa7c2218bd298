package com.gatewaywizard.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.manifest.ManifestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyAtomicWriterRefusesASymbolicLinkOrAFolderAndLeavesThemAlone() throws IOException {
        Path real = Files.writeString(dir.resolve("real"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Path folder = Files.createDirectories(dir.resolve("folder"));
        for (Path target : new Path[] {link, folder}) {
            assertThrows(SafeFiles.NotRegularFileException.class, () -> AtomicFiles.write(target, new byte[] {1}, true));
            assertThrows(SafeFiles.NotRegularFileException.class, () -> ManifestFiles.writeOwnerOnly(target, "x"));
        }
        assertTrue(Files.isSymbolicLink(link) && Files.isDirectory(folder));
        assertEquals("keep", Files.readString(real));
        AtomicFiles.write(real, "new".getBytes(), false); // a regular file is still replaced
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aReadStopsOneByteAfterTheLimitWhateverTheSource() throws IOException {
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                if (served > 10_000) {
                    throw new AssertionError("read past the limit");
                }
                return 0;
            }
        };
        SafeFiles.TooLargeException e = assertThrows(SafeFiles.TooLargeException.class,
                () -> SafeFiles.readAtMost(endless, 100, "standard input"));
        assertEquals("standard input is larger than 100 bytes", e.getMessage());
        assertArrayEquals(new byte[] {1, 2}, SafeFiles.readAtMost(new ByteArrayInputStream(new byte[] {1, 2}), 2, "x"));
        assertThrows(SafeFiles.IsFolderException.class, () -> SafeFiles.readAtMost(dir, 10));
    }
}
