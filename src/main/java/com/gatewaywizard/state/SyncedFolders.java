package com.gatewaywizard.state;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Best-effort warning before a file with secrets is written somewhere that copies it to other machines or people:
 * a cloud-sync folder (OneDrive, Dropbox, Google Drive, iCloud Drive, Box, Nextcloud, ...), a network share, or a
 * folder shared by every user of the machine. It looks at folder names, the OneDrive environment variables and
 * the file-system type; it cannot see everything (a sync client can be pointed at any folder), so no warning does
 * not prove a folder is private.
 */
public final class SyncedFolders {
    /** Folder names (lower case) that sync clients create; matched as a whole path element or its prefix. */
    private record Service(String name, List<String> exact, List<String> prefixes) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("OneDrive", List.of("onedrive", "skydrive"), List.of("onedrive - ", "onedrive-")),
            new Service("Dropbox", List.of("dropbox"), List.of("dropbox (", "dropbox-")),
            new Service("Google Drive", List.of("google drive", "googledrive", "my drive", "shared drives",
                    "drivefs"), List.of("googledrive-", "google drive (")),
            new Service("iCloud Drive", List.of("icloud drive", "iclouddrive", "mobile documents",
                    "com~apple~clouddocs"), List.of("icloud drive (")),
            new Service("Box", List.of("box", "box sync", "box drive", "box-box"), List.of()),
            new Service("Nextcloud", List.of("nextcloud"), List.of("nextcloud-")),
            new Service("ownCloud", List.of("owncloud"), List.of("owncloud-")),
            new Service("Seafile", List.of("seafile", "seadrive"), List.of()),
            new Service("pCloud", List.of("pcloud", "pcloud drive", "pclouddrive"), List.of()),
            new Service("MEGA", List.of("mega", "megasync", "mega downloads"), List.of()),
            new Service("Sync.com", List.of("sync.com"), List.of()),
            new Service("Tresorit", List.of("tresorit"), List.of()),
            new Service("Yandex Disk", List.of("yandex.disk", "yandexdisk"), List.of()),
            new Service("Syncthing", List.of(".stfolder"), List.of()),
            new Service("Resilio Sync", List.of("resilio sync"), List.of()));

    /** File-system types (lower case) of network mounts, as {@link FileStore#type()} reports them. */
    private static final List<String> NETWORK_FS = List.of("nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs",
            "afpfs", "webdav", "davfs", "fuse.davfs", "fuse.sshfs", "sshfs", "9p", "ncpfs", "afs", "fuse.rclone",
            "fuse.s3fs", "fuse.gcsfuse", "fuse.gvfsd-fuse", "fuse.onedriver");

    private SyncedFolders() {
    }

    /** A plain warning if {@code target} (a file about to be written) looks synced or shared; empty otherwise. */
    public static Optional<String> warning(Path target) {
        if (target == null) {
            return Optional.empty();
        }
        Path abs;
        try {
            abs = target.toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return check(abs.toString(), System.getenv(), t -> fileSystemType(abs));
    }

    /** The rules, free of the real environment for tests: path text, environment, file-system type lookup. */
    static Optional<String> check(String pathText, Map<String, String> env, Function<String, Optional<String>> fsType) {
        String text = pathText.replace('\\', '/');
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("//") && !lower.startsWith("//?/") && !lower.startsWith("//./")) {
            return Optional.of(shared("a network share (" + uncRoot(text) + ")"));
        }
        if (lower.startsWith("//?/unc/")) {
            return Optional.of(shared("a network share"));
        }
        for (String var : List.of("OneDrive", "OneDriveCommercial", "OneDriveConsumer")) {
            String root = env.get(var);
            if (root != null && !root.isBlank() && isUnder(lower, root.replace('\\', '/').toLowerCase(Locale.ROOT))) {
                return Optional.of(synced("OneDrive"));
            }
        }
        String[] parts = lower.split("/");
        for (int i = 0; i < parts.length - 1; i++) { // the last element is the file itself
            String part = parts[i];
            if (part.equals("cloudstorage") && i > 0 && parts[i - 1].equals("library")) {
                String provider = i + 1 < parts.length - 1 ? serviceOf(parts[i + 1]).orElse("a cloud storage provider")
                        : "a cloud storage provider";
                return Optional.of(synced(provider));
            }
            Optional<String> service = serviceOf(part);
            if (service.isPresent()) {
                return Optional.of(synced(service.get()));
            }
        }
        if (lower.startsWith("/users/shared/") || lower.matches("^[a-z]:/users/public/.*")) {
            return Optional.of(shared("a folder shared by every user of this computer"));
        }
        if (lower.matches("^/run/user/\\d+/gvfs/.*") || lower.startsWith("/net/")) {
            return Optional.of(shared("a network location"));
        }
        Optional<String> type = fsType.apply(text).map(t -> t.toLowerCase(Locale.ROOT));
        if (type.isPresent() && NETWORK_FS.contains(type.get())) {
            return Optional.of(shared("a network file system (" + type.get() + ")"));
        }
        return Optional.empty();
    }

    private static Optional<String> serviceOf(String element) {
        for (Service s : SERVICES) {
            if (s.exact().contains(element)) {
                return Optional.of(s.name());
            }
            for (String prefix : s.prefixes()) {
                if (element.startsWith(prefix)) {
                    return Optional.of(s.name());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUnder(String path, String root) {
        String r = root.endsWith("/") ? root : root + "/";
        return path.startsWith(r);
    }

    private static String uncRoot(String text) {
        String[] parts = text.substring(2).split("/");
        return parts.length >= 2 ? "\\\\" + parts[0] + "\\" + parts[1] : "\\\\" + parts[0];
    }

    private static String synced(String service) {
        return "This folder looks like it is synced by " + service + ": a file saved here is copied to the cloud and to"
                + " your other devices. A file with secrets is safer in a local folder that is not synced.";
    }

    private static String shared(String where) {
        return "This folder is " + where + ": other people or computers may be able to read a file saved here."
                + " A file with secrets is safer in a private local folder.";
    }

    private static Optional<String> fileSystemType(Path abs) {
        Path p = abs;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return Optional.empty();
        }
        try {
            FileStore store = Files.getFileStore(p);
            return Optional.ofNullable(store.type());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
