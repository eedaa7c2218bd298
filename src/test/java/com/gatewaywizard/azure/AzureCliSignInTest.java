package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.identity.CredentialUnavailableException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Azure CLI sign-in on a computer with and without {@code az}: the search path is the test's, not the machine's. */
class AzureCliSignInTest {
    @TempDir
    Path dir;

    @Test
    void azIsFoundOnlyWhereTheSearchPathSaysAndOnlyWhenItCanRun() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertEquals(Optional.empty(), AzureCli.find(empty + File.pathSeparator + bin, false));
        Path az = Files.writeString(bin.resolve("az"), "#!/bin/sh\n");
        assertEquals(Optional.empty(), AzureCli.find(empty + File.pathSeparator + bin, false), "not executable: the shell could not run it");
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.of(az), AzureCli.find(empty + File.pathSeparator + bin, false));
        assertEquals(Optional.empty(), AzureCli.find("", false));

        Path win = Files.createDirectories(dir.resolve("wbin"));
        Files.writeString(win.resolve("az.cmd"), "@echo off\n");
        assertEquals(Optional.of(win.resolve("az.cmd")), AzureCli.find("\"" + win + "\";" + empty, true));
    }

    @Test
    void anAzureCliSignInWithoutAzSaysSoInPlainWordsBeforeAnyAzureCall() {
        String before = System.getProperty(AzureCli.SEARCH_PATH_PROPERTY);
        System.setProperty(AzureCli.SEARCH_PATH_PROPERTY, dir.toString());
        try {
            SignInRequest r = new SignInRequest(CloudKind.AZURE, null, SignInMethod.AZURE_CLI, null, null, null, null, null, null);
            RuntimeException e = assertThrows(RuntimeException.class, () -> Azure.connect(r, AzureTuning.fast(), null));
            Explanation x = AzureProblems.explain(e);
            assertEquals(AzureProblems.AZURE_CLI_MISSING, x.code());
            assertEquals("Azure CLI not found: The Azure CLI (az) was not found on this computer. \u2014 Install it and run 'az login', "
                    + "or choose another sign-in method.", x.oneLine());
        } finally {
            if (before == null) {
                System.clearProperty(AzureCli.SEARCH_PATH_PROPERTY);
            } else {
                System.setProperty(AzureCli.SEARCH_PATH_PROPERTY, before);
            }
        }
    }

    @Test
    void theSdksAzureCliMessagesAreExplainedNotShownRaw() {
        Explanation missing = AzureProblems.explain(new CredentialUnavailableException("AzureCliCredential authentication unavailable. "
                + "Azure CLI not installed.To mitigate this issue, please refer to the troubleshooting guidelines here at "
                + "https://aka.ms/azsdk/java/identity/azclicredential/troubleshoot"));
        assertEquals(AzureProblems.AZURE_CLI_MISSING, missing.code());
        assertFalse(missing.oneLine().contains("AzureCliCredential"), missing.oneLine());

        Explanation login = AzureProblems.explain(new CredentialUnavailableException("AzureCliCredential authentication unavailable. "
                + "Please run 'az login' to set up account. To further mitigate this issue, please refer to the troubleshooting "
                + "guidelines here at https://aka.ms/azsdk/java/identity/azclicredential/troubleshoot"));
        assertEquals(AzureProblems.AZURE_CLI_NOT_SIGNED_IN, login.code());
        assertTrue(login.nextStep().contains("az login"), login.nextStep());
        assertFalse(login.oneLine().contains("AzureCliCredential"), login.oneLine());
    }
}
