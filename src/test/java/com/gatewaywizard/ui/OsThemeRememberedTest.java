package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OS's last appearance is kept for the next start's first frame; anything odd in the file means "not known". */
class OsThemeRememberedTest {
    @Test
    void theLastAnswerIsKeptInTheDataFolderAndAnOddFileIsIgnored(@TempDir Path home) throws Exception {
        String before = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", home.toString());
        try {
            assertNull(OsTheme.remembered(), "never asked");
            OsTheme.remember(true);
            assertEquals(Boolean.TRUE, OsTheme.remembered());
            OsTheme.remember(false);
            assertEquals(Boolean.FALSE, OsTheme.remembered());
            assertEquals("light", Files.readString(home.resolve(OsTheme.REMEMBERED_FILE)));
            Files.writeString(home.resolve(OsTheme.REMEMBERED_FILE), "purple");
            assertNull(OsTheme.remembered());
        } finally {
            if (before == null) {
                System.clearProperty("gatewaywizard.home");
            } else {
                System.setProperty("gatewaywizard.home", before);
            }
        }
    }
}
