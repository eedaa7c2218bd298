package com.gatewaywizard.state.keychain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.spec.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Linux backend against a real Secret Service: a private D-Bus session bus with GNOME Keyring on it, started by
 * the test ({@link PrivateSecretService}); secret-tool does the work, as in the app.
 */
class SecretServiceKeychainTest {
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

    private static KeychainKey key(String pool, SecretKind kind) {
        return new KeychainKey("00000000-0000-0000-0000-000000000001", "rg-test", pool, kind);
    }

    @Test
    void aStoredSecretIsReadBackOverwrittenAndDeleted() throws Exception {
        SecretServiceKeychain k = service.keychain();
        assertTrue(k.availability().available(), k.availability().reason());
        KeychainKey key = key("gw-basic", SecretKind.DOCKERHUB_PAT);
        k.store(key, Secret.of("dckr_pat_first"));
        assertEquals(Optional.of(Secret.of("dckr_pat_first")), k.lookup(key));
        k.store(key, Secret.of("dckr_pat_second"));
        assertEquals("dckr_pat_second", k.lookup(key).orElseThrow().reveal());
        assertTrue(k.delete(key));
        assertEquals(Optional.empty(), k.lookup(key));
        assertFalse(k.delete(key), "a second delete finds nothing");
    }

    @Test
    void theTwoKindsOfOnePoolAndTwoPoolsAreSeparateEntries() throws Exception {
        SecretServiceKeychain k = service.keychain();
        k.store(key("gw-a", SecretKind.DOCKERHUB_PAT), Secret.of("pat-a"));
        k.store(key("gw-a", SecretKind.GATEWAY_CONFIG), Secret.of("config-a"));
        k.store(key("gw-b", SecretKind.DOCKERHUB_PAT), Secret.of("pat-b"));
        assertEquals("pat-a", k.lookup(key("gw-a", SecretKind.DOCKERHUB_PAT)).orElseThrow().reveal());
        assertEquals("config-a", k.lookup(key("gw-a", SecretKind.GATEWAY_CONFIG)).orElseThrow().reveal());
        assertEquals("pat-b", k.lookup(key("gw-b", SecretKind.DOCKERHUB_PAT)).orElseThrow().reveal());
        k.delete(key("gw-a", SecretKind.DOCKERHUB_PAT));
        assertEquals("config-a", k.lookup(key("gw-a", SecretKind.GATEWAY_CONFIG)).orElseThrow().reveal());
        assertEquals(Optional.empty(), k.lookup(new KeychainKey("00000000-0000-0000-0000-000000000001", "RG-TEST", "GW-A",
                SecretKind.DOCKERHUB_PAT)));
        assertEquals("pat-b", k.lookup(new KeychainKey("00000000-0000-0000-0000-000000000001", "RG-Test", "GW-B",
                SecretKind.DOCKERHUB_PAT)).orElseThrow().reveal(), "Azure names are case-insensitive");
    }

    @Test
    void unicodeLineBreaksAndTenKilobyteValuesComeBackExactly() throws Exception {
        SecretServiceKeychain k = service.keychain();
        String unicode = "pässwörd-\u20ac-\u65e5\u672c-\ud83d\ude00\n second line\t\n";
        k.store(key("gw-unicode", SecretKind.GATEWAY_CONFIG), Secret.of(unicode));
        assertEquals(unicode, k.lookup(key("gw-unicode", SecretKind.GATEWAY_CONFIG)).orElseThrow().reveal());

        StringBuilder big = new StringBuilder();
        while (big.length() < 10_240) {
            big.append(UUID.randomUUID()).append("\u00e9\ud83d\ude00");
        }
        String tenKb = big.toString();
        assertTrue(tenKb.getBytes(StandardCharsets.UTF_8).length > 8192, "longer than secret-tool reads at once");
        KeychainKey key = key("gw-big", SecretKind.GATEWAY_CONFIG);
        k.store(key, Secret.of(tenKb));
        assertEquals(tenKb, k.lookup(key).orElseThrow().reveal());
        // replaced by a short value, then by a long one again: never a mix of old and new parts
        k.store(key, Secret.of("short"));
        assertEquals("short", k.lookup(key).orElseThrow().reveal());
        String other = tenKb.replace('a', 'b') + "-end";
        k.store(key, Secret.of(other));
        assertEquals(other, k.lookup(key).orElseThrow().reveal());
        assertTrue(k.delete(key));
        assertEquals(Optional.empty(), k.lookup(key));
        assertEquals(Optional.empty(), k.lookup(key("gw-never-stored", SecretKind.DOCKERHUB_PAT)));
    }

    @Test
    void oldPartsAreRemovedWhenALongValueIsReplaced() throws Exception {
        SecretServiceKeychain k = service.keychain();
        KeychainKey key = key("gw-parts", SecretKind.GATEWAY_CONFIG);
        k.store(key, Secret.of("x".repeat(20_000)));
        k.store(key, Secret.of("y".repeat(13_000)));
        assertEquals("y".repeat(13_000), k.lookup(key).orElseThrow().reveal());
        // ask the keyring itself how many parts of that account exist: only the 3 of the second value (+ the pointer)
        int found = 0;
        for (int i = 0; i < 6; i++) {
            ChildProcess.Result r = ChildProcess.run(List.of(ChildProcess.onPath("secret-tool", service.env()).orElseThrow().toString(),
                    "search", "--all", "service", Keychain.SERVICE, "account", key.account(), "part", String.valueOf(i)),
                    service.env(), new byte[0], Duration.ofSeconds(10));
            found += r.out().split("\\[/", -1).length - 1;
        }
        assertEquals(3, found, "parts of the replaced value were left behind");
        assertTrue(k.delete(key));
    }

    @Test
    void theSecretIsNeverOnTheCommandLineNorInTheEnvironmentOfSecretTool() throws Exception {
        Path bin = Files.createTempDirectory("gw-st-record");
        Path log = bin.resolve("calls.log");
        wrapper(bin, log);
        SecretServiceKeychain k = new SecretServiceKeychain(service.envWith("PATH", bin + ":" + service.env().get("PATH")),
                Duration.ofSeconds(15));
        String secret = "dckr_pat_" + UUID.randomUUID().toString().replace("-", "");
        String longSecret = secret + "-" + "z".repeat(9000);
        KeychainKey key = key("gw-argv", SecretKind.DOCKERHUB_PAT);
        k.store(key, Secret.of(secret));
        assertEquals(secret, k.lookup(key).orElseThrow().reveal());
        k.store(key, Secret.of(longSecret));
        assertEquals(longSecret, k.lookup(key).orElseThrow().reveal());
        k.delete(key);
        String calls = Files.readString(log);
        assertTrue(calls.contains("ARGV store") && calls.contains("ARGV lookup") && calls.contains("ARGV clear"),
                "the wrapper saw the calls: " + calls);
        for (String form : List.of(secret, Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                "z".repeat(64))) {
            assertFalse(calls.contains(form), "secret-tool's argv or environment carried the secret");
        }
    }

    /** A secret-tool on a PATH of its own that records its argv and environment, then runs the real one. */
    private static void wrapper(Path bin, Path log) throws Exception {
        String real = ChildProcess.onPath("secret-tool", service.env()).orElseThrow().toString();
        Path script = bin.resolve("secret-tool");
        Files.writeString(script, "#!/bin/sh\n{ printf 'ARGV'; for a in \"$@\"; do printf ' %s' \"$a\"; done; echo; env; }"
                + " >> '" + log + "'\nexec '" + real + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void withoutSecretToolOrWithoutASessionBusItSaysWhyInPlainWords() {
        var noTool = new SecretServiceKeychain(Map.of("PATH", "/nonexistent"), Duration.ofSeconds(5)).availability();
        assertFalse(noTool.available());
        assertTrue(noTool.reason().contains("secret-tool is not installed") && noTool.reason().contains("libsecret-tools"),
                noTool.reason());
        var noBus = new SecretServiceKeychain(Map.of("PATH", service.env().get("PATH")), Duration.ofSeconds(5)).availability();
        assertFalse(noBus.available());
        assertTrue(noBus.reason().contains("DBUS_SESSION_BUS_ADDRESS"), noBus.reason());
        KeychainException e = assertThrows(KeychainException.class, () -> new SecretServiceKeychain(Map.of("PATH", "/nonexistent"),
                Duration.ofSeconds(5)).store(key("gw-x", SecretKind.DOCKERHUB_PAT), Secret.of("dckr_pat_never_shown")));
        assertFalse(e.getMessage().contains("dckr_pat_never_shown"));
    }

    @Test
    void whenTheBusAndItsKeyringAreGoneEveryCallFailsFastWithAClearMessage() throws Exception {
        PrivateSecretService doomed = PrivateSecretService.start();
        SecretServiceKeychain k = doomed.keychain();
        KeychainKey key = key("gw-gone", SecretKind.DOCKERHUB_PAT);
        k.store(key, Secret.of("dckr_pat_before"));
        doomed.close();
        long t0 = System.nanoTime();
        String secret = "dckr_pat_after_" + UUID.randomUUID();
        KeychainException store = assertThrows(KeychainException.class, () -> k.store(key, Secret.of(secret)));
        KeychainException lookup = assertThrows(KeychainException.class, () -> k.lookup(key));
        KeychainException delete = assertThrows(KeychainException.class, () -> k.delete(key));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 20, "bounded by the timeout");
        for (KeychainException e : List.of(store, lookup, delete)) {
            assertTrue(e.getMessage().startsWith("Could not ") && e.getMessage().contains("keychain"), e.getMessage());
            assertFalse(e.getMessage().contains(secret) || e.getMessage().contains("dckr_pat_before"), e.getMessage());
        }
        assertTrue(store.getMessage().contains("the Docker Hub token of gateway gw-gone"), store.getMessage());
        var a = k.availability();
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("the keyring did not answer"), a.reason());
    }

    @Test
    void aValueIsCutIntoPartsNeverInsideACharacter() {
        String s = "a\u00e9\u20ac\ud83d\ude00".repeat(1000);
        List<String> parts = SecretServiceKeychain.split(s, 100);
        assertEquals(s, String.join("", parts));
        for (String p : parts) {
            assertTrue(p.getBytes(StandardCharsets.UTF_8).length <= 100);
            assertFalse(Character.isLowSurrogate(p.charAt(0)));
        }
    }
}
