package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheContentOwnerOnlyAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path f = dir.resolve("keeper-gateway.yml");
        ManifestFiles.writeOwnerOnly(f, "secureValue: x\n");
        assertEquals("secureValue: x\n", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("keeper-gateway.yml"), names(dir));
    }

    @Test
    void replacingAWorldReadableFileLeavesItOwnerOnly(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path f = dir.resolve("keeper-gateway.yml");
        Files.writeString(f, "old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        ManifestFiles.writeOwnerOnly(f, "new\n");
        assertEquals("new\n", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("keeper-gateway.yml"), names(dir));
    }

    @Test
    void aMissingFolderIsAnErrorNamingThePathNotTheContent(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class,
                () -> ManifestFiles.writeOwnerOnly(dir.resolve("nope/keeper-gateway.yml"), "secret-content"));
        assertFalse(e.getMessage().contains("secret-content"));
    }

    @Test
    void instanceNumbersStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> ManifestFiles.instanceFile(Path.of("a.yml"), 0));
    }
}
