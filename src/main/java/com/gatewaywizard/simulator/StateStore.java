package com.gatewaywizard.simulator;

import com.gatewaywizard.state.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves the simulated world as JSON ({@code --state FILE}) so a demo survives a restart. Every save
 * writes a temporary file next to the target and moves it over the target atomically, so a crash never leaves a
 * half-written file. Secret values are not part of the world, so they never reach the disk.
 */
final class StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    /** Far more than any saved world; a bigger file is not one. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    private final Path file;

    StateStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path file() {
        return file;
    }

    /** The saved world, or the seeded world when the file does not exist yet. */
    World loadOrSeed() {
        if (!Files.exists(file)) {
            return SeedWorld.build();
        }
        String fix = " \u2014 fix or delete it, or use another --state";
        if (Files.isDirectory(file)) {
            throw new StateFileException("state file " + file + " is a folder \u2014 give a file name for --state", null);
        }
        byte[] bytes;
        try {
            bytes = SafeFiles.readAtMost(file, MAX_BYTES);
        } catch (SafeFiles.TooLargeException e) {
            throw new StateFileException("state file " + file + " is larger than " + MAX_BYTES + " bytes, so it is not a"
                    + " simulator state file" + fix, e);
        } catch (IOException e) {
            throw new StateFileException("state file " + file + " could not be read"
                    + (e instanceof java.nio.file.AccessDeniedException ? " (no permission)" : "") + fix, e);
        }
        World w;
        try {
            w = ArmJson.MAPPER.readValue(bytes, World.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new StateFileException("state file " + file + " is not a simulator state file" + where + fix, e);
        } catch (IOException e) {
            throw new StateFileException("state file " + file + " could not be read" + fix, e);
        }
        if (w == null || w.subscriptions == null || w.subscriptions.isEmpty()) {
            throw new StateFileException("state file " + file + " is not a simulator state file (it has no"
                    + " subscriptions)" + fix, null);
        }
        return w;
    }

    synchronized void save(World world) {
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            SafeFiles.requireRegularOrAbsent(file);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(tmp, ArmJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(world), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn("Could not save simulator state to {}: {}", file, e.getMessage());
        }
    }
}
