package com.gatewaywizard.state.keychain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.state.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pool's secrets saved in a real (private) Secret Service, with the index of pools beside them holding no secret. */
class SavedSecretsTest {
    static PrivateSecretService service;

    @BeforeAll
    static void startService() throws Exception {
        service = PrivateSecretService.start();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    static GatewaySpec spec(String name, String pat, String config) {
        return GatewaySpec.builder().subscriptionId("sub-9").resourceGroup("rg-9").region("westeurope").name(name)
                .dockerUser("hubuser").dockerPat(Secret.of(pat)).gatewayConfig(Secret.of(config)).debugLogging(true)
                .liveness(LivenessProbe.values()[LivenessProbe.values().length - 1]).build();
    }

    @Test
    void savedSecretsComeBackForTheSamePoolInANewSessionAndForgetRemovesThem() throws Exception {
        Path index = Files.createTempDirectory("gw-saved").resolve("keychain.json");
        SavedSecrets first = new SavedSecrets(service.keychain(), index);
        first.save(spec("gw-one", "dckr_pat_saved_one", "config-of-one"));
        assertTrue(AtomicFiles.isOwnerOnly(index));
        String onDisk = Files.readString(index);
        assertTrue(onDisk.contains("gw-one") && onDisk.contains("hubuser"), onDisk);
        assertFalse(onDisk.contains("dckr_pat_saved_one") || onDisk.contains("config-of-one"), "the index holds no secret");

        SavedSecrets again = new SavedSecrets(service.keychain(), index); // the next start of the app
        SavedSecrets.Saved s = again.load("SUB-9", "rg-9", "gw-one").orElseThrow();
        assertEquals("dckr_pat_saved_one", s.dockerPat().reveal());
        assertEquals("config-of-one", s.gatewayConfig().reveal());
        assertEquals("hubuser", s.entry().dockerUser());
        assertTrue(s.entry().debugLogging());
        assertEquals(Optional.empty(), again.load("sub-9", "rg-9", "gw-other"));

        assertTrue(again.forget("sub-9", "rg-9", "gw-one"));
        assertEquals(Optional.empty(), again.entry("sub-9", "rg-9", "gw-one"));
        assertEquals(Optional.empty(), service.keychain().lookup(new KeychainKey("sub-9", "rg-9", "gw-one", SecretKind.DOCKERHUB_PAT)));
        assertEquals(Optional.empty(), new SavedSecrets(service.keychain(), index).load("sub-9", "rg-9", "gw-one"));
    }

    @Test
    void aSpecWithoutATokenRemovesTheOldSavedToken() throws Exception {
        Path index = Files.createTempDirectory("gw-saved").resolve("keychain.json");
        SavedSecrets saved = new SavedSecrets(service.keychain(), index);
        saved.save(spec("gw-two", "dckr_pat_old", "config-two"));
        saved.save(spec("gw-two", "", "config-two-b"));
        SavedSecrets.Saved s = saved.load("sub-9", "rg-9", "gw-two").orElseThrow();
        assertTrue(s.dockerPat().isEmpty());
        assertEquals("config-two-b", s.gatewayConfig().reveal());
        assertEquals(1, saved.all().size());
        saved.forget("sub-9", "rg-9", "gw-two");
    }

    @Test
    void anUnavailableKeychainRefusesToSaveWithItsReason() throws Exception {
        Path index = Files.createTempDirectory("gw-saved").resolve("keychain.json");
        SavedSecrets saved = new SavedSecrets(new SecretServiceKeychain(Map.of("PATH", "/nonexistent"), Duration.ofSeconds(2)), index);
        KeychainException e = assertThrows(KeychainException.class, () -> saved.save(spec("gw-3", "dckr_pat_x", "cfg")));
        assertTrue(e.getMessage().contains("not available") && e.getMessage().contains("secret-tool"), e.getMessage());
        assertFalse(Files.exists(index));
    }
}
