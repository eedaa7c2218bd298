package com.gatewaywizard.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        try {
            World w = ArmJson.MAPPER.readValue(Files.readAllBytes(file), World.class);
            if (w.subscriptions == null || w.subscriptions.isEmpty()) {
                throw new IOException("no subscriptions in " + file);
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator state " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void save(World world) {
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
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
