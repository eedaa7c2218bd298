package com.gatewaywizard.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncedFoldersTest {
    private static Optional<String> check(String path) {
        return SyncedFolders.check(path, Map.of(), t -> Optional.of("ext4"));
    }

    private static void assertWarns(String path, String expectedWord) {
        Optional<String> w = check(path);
        assertTrue(w.isPresent(), "no warning for " + path);
        assertTrue(w.get().contains(expectedWord), path + " -> " + w.get());
    }

    @Test
    void cloudSyncFoldersOfEachServiceAreRecognised() {
        assertWarns("C:\\Users\\ana\\OneDrive\\Documents\\keeper-gateway.yml", "OneDrive");
        assertWarns("C:\\Users\\ana\\OneDrive - Contoso Ltd\\gw\\keeper-gateway.yml", "OneDrive");
        assertWarns("/Users/ana/Dropbox/keeper-gateway.yml", "Dropbox");
        assertWarns("/Users/ana/Dropbox (Contoso)/ops/keeper-gateway.yml", "Dropbox");
        assertWarns("/Users/ana/Library/CloudStorage/GoogleDrive-ana@contoso.com/My Drive/gw.yml", "Google Drive");
        assertWarns("/Users/ana/Library/CloudStorage/Box-Box/gw.yml", "Box");
        assertWarns("/Users/ana/Library/CloudStorage/SomethingNew/gw.yml", "cloud storage provider");
        assertWarns("G:\\My Drive\\gw.yml", "Google Drive");
        assertWarns("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/gw.yml", "iCloud");
        assertWarns("C:\\Users\\ana\\iCloudDrive\\gw.yml", "iCloud");
        assertWarns("/home/ana/Nextcloud/gw.yml", "Nextcloud");
        assertWarns("/home/ana/ownCloud/gw.yml", "ownCloud");
        assertWarns("C:\\Users\\ana\\Box\\gw.yml", "Box");
        assertWarns("/home/ana/pCloudDrive/gw.yml", "pCloud");
    }

    @Test
    void matchingIsCaseInsensitiveAndOnWholeFolderNames() {
        assertWarns("/home/ana/DROPBOX/gw.yml", "Dropbox");
        assertEquals(Optional.empty(), check("/home/ana/dropboxes-notes/gw.yml"));
        assertEquals(Optional.empty(), check("/home/ana/projects/gateway/keeper-gateway.yml"));
        assertEquals(Optional.empty(), check("/home/ana/Dropbox"), "a file named like a service is not a folder");
    }

    @Test
    void theOneDriveEnvironmentVariableCatchesARenamedOneDriveFolder() {
        Map<String, String> env = Map.of("OneDriveCommercial", "D:\\Work Files");
        assertTrue(SyncedFolders.check("D:\\Work Files\\gw\\keeper-gateway.yml", env, t -> Optional.empty())
                .orElseThrow().contains("OneDrive"));
        assertEquals(Optional.empty(), SyncedFolders.check("D:\\Work Files2\\gw.yml", env, t -> Optional.empty()));
    }

    @Test
    void networkSharesAndFoldersSharedWithEveryUserAreRecognised() {
        assertWarns("\\\\fileserver\\ops\\gw\\keeper-gateway.yml", "\\\\fileserver\\ops");
        assertWarns("\\\\?\\UNC\\fileserver\\ops\\gw.yml", "network share");
        assertWarns("/Users/Shared/gw.yml", "every user");
        assertWarns("C:\\Users\\Public\\Documents\\gw.yml", "every user");
        assertWarns("/run/user/1000/gvfs/smb-share:server=nas,share=ops/gw.yml", "network");
        assertEquals(Optional.empty(), check("\\\\?\\C:\\Users\\ana\\gw.yml"), "a long local path is not a share");
        Optional<String> nfs = SyncedFolders.check("/mnt/ops/gw.yml", Map.of(), t -> Optional.of("nfs4"));
        assertTrue(nfs.orElseThrow().contains("nfs4"));
    }

    @Test
    void aLocalTempFolderGetsNoWarning(@TempDir Path dir) {
        assertEquals(Optional.empty(), SyncedFolders.warning(dir.resolve("keeper-gateway.yml")));
        assertEquals(Optional.empty(), SyncedFolders.warning(dir.resolve("not/yet/created/keeper-gateway.yml")));
    }

    @Test
    void warningsSayWhatHappensAndWhatToDo() {
        String w = check("/Users/ana/Dropbox/gw.yml").orElseThrow();
        assertTrue(w.contains("copied to the cloud"));
        assertTrue(w.contains("local folder"));
    }
}
