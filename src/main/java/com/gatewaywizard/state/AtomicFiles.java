package com.gatewaywizard.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Crash-safe file writes: the content goes to a temp file in the same folder, is flushed to disk, and then
 * replaces the target with one atomic rename. A process killed at any point leaves either the old file or the
 * new one, never a half-written one (at worst a stray temp file, which {@link #removeStaleTemps} cleans up).
 *
 * <p>Owner-only files (anything holding a secret) are created with POSIX mode 0600, or with an ACL that grants
 * only the current user on Windows, <em>before</em> a single byte of content is written, so there is no moment
 * when the secret sits in a world-readable file.
 */
public final class AtomicFiles {
    private static final String TEMP_MARK = ".tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code file} atomically; with {@code ownerOnly} the file is readable by its owner only. */
    public static void write(Path file, byte[] content, boolean ownerOnly) throws IOException {
        SafeFiles.requireRegularOrAbsent(file);
        Path temp = writeTemp(file, content, ownerOnly);
        try {
            commit(temp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Step one of {@link #write}: creates the folder if needed and writes the content to a fresh temp file beside
     * {@code file}, flushed to disk. The target is untouched. Visible for tests that simulate a crash between the
     * two steps.
     */
    static Path writeTemp(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(tempName(target));
        try {
            createEmpty(temp, ownerOnly);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SafeFiles.NoPermissionException(dir, e);
        }
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Step two of {@link #write}: atomically replaces {@code file} with {@code temp}, then syncs the folder. */
    static void commit(Path temp, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        SafeFiles.requireRegularOrAbsent(target); // it may have become a link or a device since the check
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this is rare (some network file systems); a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(target.getParent());
    }

    /** Whether {@code file} is readable and writable by its owner only (POSIX 0600 or an owner-only ACL). */
    public static boolean isOwnerOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> perms = posix.readAttributes().permissions();
            return perms.equals(OWNER_ONLY);
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (acl != null) {
            UserPrincipal owner = acl.getOwner();
            return acl.getAcl().stream().allMatch(e -> e.type() != AclEntryType.ALLOW || e.principal().equals(owner));
        }
        return false;
    }

    /**
     * Deletes temp files that an earlier, interrupted {@link #write} of {@code file} left behind, if they are older
     * than {@code minAge} (a younger one may belong to a write in progress in another instance of the app).
     * Returns how many were removed. Never throws: this is housekeeping.
     */
    public static int removeStaleTemps(Path file, Duration minAge) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = "." + target.getFileName() + TEMP_MARK;
        Instant cutoff = Instant.now().minus(minAge);
        int removed = 0;
        try (Stream<Path> siblings = Files.list(dir)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                try {
                    if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(p);
                        removed++;
                    }
                } catch (IOException ignored) {
                    // another process may have just renamed it; leave it
                }
            }
        } catch (IOException ignored) {
            return removed;
        }
        return removed;
    }

    private static String tempName(Path target) {
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return "." + target.getFileName() + TEMP_MARK + HexFormat.of().formatHex(r);
    }

    private static void createEmpty(Path temp, boolean ownerOnly) throws IOException {
        boolean posix = temp.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix && ownerOnly) {
            // Created with the mode set, so the file is never readable by others, not even for a moment.
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createFile(temp, mode);
            // The umask can only remove bits, never add any; still, make sure the result is exactly 0600.
            Files.setPosixFilePermissions(temp, OWNER_ONLY);
            return;
        }
        Files.createFile(temp); // the user's umask / the folder's inherited ACL decide
        if (ownerOnly) {
            restrictToOwner(temp); // Windows: before any content is written
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (acl == null) {
            throw new IOException("cannot make " + file.getFileName() + " private: the file system supports neither"
                    + " POSIX permissions nor ACLs");
        }
        UserPrincipal owner = acl.getOwner();
        AclEntry entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES,
                        AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.READ_NAMED_ATTRS,
                        AclEntryPermission.WRITE_NAMED_ATTRS, AclEntryPermission.READ_ACL,
                        AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE))
                .build();
        // Replacing the list drops the inherited entries (Users, Everyone, ...): only the owner remains.
        acl.setAcl(List.of(entry));
    }

    private static void syncFolder(Path dir) {
        if (dir == null) {
            return;
        }
        // Makes the rename itself durable on POSIX; Windows cannot open a folder as a channel, and NTFS
        // journals the rename anyway.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    static boolean isTempOf(Path candidate, Path file) {
        return candidate.getFileName().toString().startsWith("." + file.getFileName() + TEMP_MARK);
    }
}
