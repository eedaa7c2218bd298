package com.gatewaywizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Where the data folder is, on each kind of system and with each override. */
class AppInfoTest {
    private static Properties props(String os, String userHome) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        p.setProperty("user.home", userHome);
        return p;
    }

    @Test
    void onLinuxTheDataFolderFollowsHomeAsOtherDesktopProgramsDoNotThePasswordFile() {
        Properties linux = props("Linux", "/root");
        assertEquals(Path.of("/tmp/trial/home/.config/gateway-wizard"), AppInfo.dataDir(Map.of("HOME", "/tmp/trial/home"), linux));
        assertEquals(Path.of("/root/.config/gateway-wizard"), AppInfo.dataDir(Map.of(), linux), "no HOME: the JVM's user.home");
        assertEquals(Path.of("/root/.config/gateway-wizard"), AppInfo.dataDir(Map.of("HOME", " "), linux), "a blank HOME is none");
        assertEquals(Path.of("/xdg/gateway-wizard"), AppInfo.dataDir(Map.of("HOME", "/h", "XDG_CONFIG_HOME", "/xdg"), linux));
    }

    @Test
    void macOsAndWindowsUseTheirOwnPlacesAndTheTestOverrideWinsEverywhere() {
        assertEquals(Path.of("/Users/ann/Library/Application Support/GatewayWizard"),
                AppInfo.dataDir(Map.of("HOME", "/Users/ann"), props("Mac OS X", "/var/root")));
        assertEquals(Path.of("C:\\Users\\ann\\AppData\\Roaming", "GatewayWizard"),
                AppInfo.dataDir(Map.of("APPDATA", "C:\\Users\\ann\\AppData\\Roaming", "HOME", "/ignored"), props("Windows 11", "C:\\Users\\ann")));
        Properties test = props("Linux", "/root");
        test.setProperty("gatewaywizard.home", "/tmp/test-home");
        assertEquals(Path.of("/tmp/test-home"), AppInfo.dataDir(Map.of("HOME", "/h"), test));
    }
}
