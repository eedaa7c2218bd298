package com.gatewaywizard.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The two file rules every reader and writer of user-named files follows: a read takes at most a bound number of
 * bytes whatever the source is (a regular file, {@code /dev/zero}, a fifo), and a write never replaces anything
 * but a regular file (not a device, a fifo, a folder or a symbolic link). Messages name the path, never content.
 */
public final class SafeFiles {
    private SafeFiles() {
    }

    /** A read refused because the source holds more than the limit. */
    public static final class TooLargeException extends IOException {
        private final long limit;

        public TooLargeException(String what, long limit) {
            super(what + " is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** A read refused because the path is a folder. */
    public static final class IsFolderException extends IOException {
        public IsFolderException(Path p) {
            super(p + " is a folder");
        }
    }

    /** A write refused because the target exists and is not a regular file. */
    public static final class NotRegularFileException extends IOException {
        public NotRegularFileException(String message) {
            super(message);
        }
    }

    /**
     * All bytes of {@code file}, reading at most {@code limit + 1} bytes from any kind of file, so a device or an
     * endless pipe cannot exhaust memory. Throws {@link TooLargeException} when there are more than {@code limit}.
     */
    public static byte[] readAtMost(Path file, int limit) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IsFolderException(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMost(in, limit, file.toString());
        }
    }

    /** At most {@code limit} bytes of {@code in}; {@link TooLargeException} naming {@code what} when there are more. */
    public static byte[] readAtMost(InputStream in, int limit, String what) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new TooLargeException(what, limit);
        }
        return bytes;
    }

    /**
     * Refuses a write target that exists and is not a regular file: a device ({@code /dev/full}), a fifo, a folder
     * or a symbolic link (replacing the link would silently break what it points to; writing through it would
     * write elsewhere). A missing target or a regular file passes.
     */
    public static void requireRegularOrAbsent(Path target) throws NotRegularFileException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException absent) {
            return;
        }
        String kind = a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a folder"
                : a.isRegularFile() ? null : "not a regular file (a device or a pipe)";
        if (kind != null) {
            throw new NotRegularFileException(target + " is " + kind + "; it is left alone — give the name of a"
                    + " regular file (or a new one)");
        }
    }

    /** A write refused because the folder is not writable for this user. */
    public static final class NoPermissionException extends IOException {
        public NoPermissionException(Path dir, Throwable cause) {
            super("no permission to write in folder " + dir, cause);
        }
    }
}
