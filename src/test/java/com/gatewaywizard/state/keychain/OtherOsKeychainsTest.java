package com.gatewaywizard.state.keychain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.spec.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The macOS and Windows backends cannot run here (Linux): what can be checked is what they would hand to their child
 * processes — the secret only on standard input, never on the command line — and the choice of backend per OS.
 */
class OtherOsKeychainsTest {
    static final KeychainKey KEY = new KeychainKey("sub-1", "rg-1", "gw-1", SecretKind.GATEWAY_CONFIG);
    static final String SECRET = "{\"clientKey\":\"s3cr\\\"et\"}\n\u00e9";

    @Test
    void eachOperatingSystemGetsItsOwnBackend() {
        Path dir = Path.of("/tmp/gw");
        assertInstanceOf(SecretServiceKeychain.class, Keychain.forOs("Linux", Map.of(), dir, Duration.ofSeconds(1)));
        assertInstanceOf(MacKeychain.class, Keychain.forOs("Mac OS X", Map.of(), dir, Duration.ofSeconds(1)));
        assertInstanceOf(WindowsDpapiKeychain.class, Keychain.forOs("Windows 11", Map.of(), dir, Duration.ofSeconds(1)));
        Keychain other = Keychain.forOs("Plan 9", Map.of(), dir, Duration.ofSeconds(1));
        assertFalse(other.availability().available());
        assertTrue(other.availability().reason().contains("Plan 9"));
    }

    @Test
    void macOsGetsThePasswordOnSecurityInteractiveStandardInputAsQuoteSafeBase64() {
        String line = MacKeychain.addCommand(KEY, Secret.of(SECRET));
        String b64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        assertTrue(line.startsWith("add-generic-password -U -s \"gateway-wizard\" -a \"sub-1/rg-1/gw-1/gateway-config\" -l \""),
                line);
        assertTrue(line.endsWith(" -w \"" + b64 + "\"\n"), line);
        assertEquals(1, line.lines().count(), "one command line");
        assertFalse(line.contains(SECRET));
        assertEquals("\"a_b_c__\"", MacKeychain.quote("a\"b\\c\r\n"), "names cannot break out of their quotes");
    }

    @Test
    void windowsRunsOnlyTheScriptOnTheCommandLineAndKeepsTheBlobUnderAHashedName() {
        WindowsDpapiKeychain w = new WindowsDpapiKeychain(Path.of("C:/Users/u/AppData/Roaming/GatewayWizard/keychain"),
                Map.of("SystemRoot", "C:\\Windows"), Duration.ofSeconds(1));
        List<String> cmd = w.command(WindowsDpapiKeychain.PROTECT);
        assertTrue(cmd.get(0).endsWith("powershell.exe"));
        assertEquals("-EncodedCommand", cmd.get(cmd.size() - 2));
        String script = new String(Base64.getDecoder().decode(cmd.get(cmd.size() - 1)), StandardCharsets.UTF_16LE);
        assertEquals(WindowsDpapiKeychain.PROTECT, script);
        assertTrue(script.contains("OpenStandardInput") && script.contains("ConvertFrom-SecureString"));
        assertFalse(script.contains("-Key") || script.contains("-SecureKey"), "no key: DPAPI with the current user's key");
        assertTrue(WindowsDpapiKeychain.UNPROTECT.contains("ZeroFreeBSTR"));
        String name = w.file(KEY).getFileName().toString();
        assertTrue(name.matches("[0-9a-f]{32}\\.dpapi"), name);
        assertFalse(String.join(" ", cmd).contains("gw-1"));
    }

    @Test
    void toolErrorTextIsShortAndScrubbedOfTheSecret() {
        String stderr = "\nerror: bad value " + SECRET + "\nmore";
        String plain = ChildProcess.plain(stderr, List.of(SECRET));
        assertFalse(plain.contains("s3cr"), plain);
        assertTrue(plain.startsWith("error: bad value"), plain);
        assertTrue(ChildProcess.plain("x".repeat(1000), List.of()).length() < 300);
    }
}
