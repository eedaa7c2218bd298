package com.gatewaywizard.manifest;

import com.gatewaywizard.state.SafeFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Manifest file names and the one safe way to write a file that may hold secrets.
 */
public final class ManifestFiles {
    /** rw------- */
    public static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private ManifestFiles() {
    }

    /**
     * The file of instance {@code k} when instance 1 goes to {@code first}, as the seed names its second file:
     * {@code keeper-gateway.yml}, {@code keeper-gateway-2.yml}, … (the stem gets {@code -k}, the extension stays).
     */
    public static Path instanceFile(Path first, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("instance numbers start at 1");
        }
        if (k == 1) {
            return first;
        }
        String name = first.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot > 0 ? name.substring(0, dot) + "-" + k + name.substring(dot) : name + "-" + k;
        Path parent = first.getParent();
        return parent == null ? Path.of(renamed) : parent.resolve(renamed);
    }

    /**
     * Writes {@code content} (UTF-8) to {@code target} atomically and readable by the owner only: a temp file in
     * the same folder, created owner-only (0600 on POSIX; an owner-only ACL elsewhere), flushed to disk, then
     * moved over the target with {@code ATOMIC_MOVE}. A reader never sees a half-written file, and the secret is
     * never on disk with wider permissions, not even for a moment. Exceptions name the path, never the content.
     */
    public static void writeOwnerOnly(Path target, String content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("folder does not exist: " + dir);
        }
        SafeFiles.requireRegularOrAbsent(abs);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && Files.getFileStore(dir).supportsFileAttributeView("posix");
        Path tmp;
        try {
            tmp = posix
                    ? Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SafeFiles.NoPermissionException(dir, e);
        }
        try {
            if (!posix) {
                restrictToOwner(tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            SafeFiles.requireRegularOrAbsent(abs); // it may have become a link or a device meanwhile
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("this file system cannot replace " + abs + " atomically", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return; // neither POSIX nor ACL: nothing finer to set on this file system
        }
        UserPrincipal owner = Files.getOwner(file);
        AclEntry entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES,
                        AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.READ_ACL, AclEntryPermission.WRITE_ACL,
                        AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE, AclEntryPermission.READ_NAMED_ATTRS,
                        AclEntryPermission.WRITE_NAMED_ATTRS))
                .build();
        acl.setAcl(List.of(entry));
    }
}
