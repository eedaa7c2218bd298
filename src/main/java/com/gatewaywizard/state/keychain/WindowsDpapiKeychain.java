package com.gatewaywizard.state.keychain;

import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.state.AtomicFiles;
import com.gatewaywizard.state.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Windows: DPAPI with the current user's key, through PowerShell's {@code ConvertFrom-SecureString} (no key given:
 * CurrentUser scope). The secret goes to PowerShell on standard input; the script is passed with
 * {@code -EncodedCommand} and holds no secret. The encrypted blob that comes back is written with {@link AtomicFiles}
 * (owner-only ACL) to {@code <app folder>\keychain\<hash of the account>.dpapi}; only this Windows user can decrypt it.
 *
 * <p>Not tested on Windows by this project's suite (it runs on Linux): the command and the scripts are unit-tested,
 * DPAPI itself is not.
 */
final class WindowsDpapiKeychain implements Keychain {
    static final String NAME = "Windows DPAPI (your Windows account)";
    /** Reads all of standard input as UTF-8 and writes the DPAPI blob (hex) to standard output. */
    static final String PROTECT = String.join("\n",
            "$ErrorActionPreference = 'Stop'",
            "$in = [Console]::OpenStandardInput(); $ms = New-Object System.IO.MemoryStream; $in.CopyTo($ms)",
            "$text = [System.Text.Encoding]::UTF8.GetString($ms.ToArray())",
            "$ss = ConvertTo-SecureString -String $text -AsPlainText -Force",
            "[Console]::Out.Write((ConvertFrom-SecureString -SecureString $ss))");
    /** Reads the blob from standard input and writes the secret, UTF-8, to standard output. */
    static final String UNPROTECT = String.join("\n",
            "$ErrorActionPreference = 'Stop'",
            "$blob = [Console]::In.ReadToEnd().Trim()",
            "$ss = ConvertTo-SecureString -String $blob",
            "$b = [System.Runtime.InteropServices.Marshal]::SecureStringToBSTR($ss)",
            "try { $p = [System.Runtime.InteropServices.Marshal]::PtrToStringBSTR($b) }"
                    + " finally { [System.Runtime.InteropServices.Marshal]::ZeroFreeBSTR($b) }",
            "$bytes = [System.Text.Encoding]::UTF8.GetBytes($p)",
            "$out = [Console]::OpenStandardOutput(); $out.Write($bytes, 0, $bytes.Length); $out.Flush()");
    private static final String PROBE = "$ErrorActionPreference = 'Stop'; $null = ConvertFrom-SecureString"
            + " -SecureString (ConvertTo-SecureString -String 'probe' -AsPlainText -Force); 'ok'";

    private final Path folder;
    private final Map<String, String> env;
    private final Duration timeout;

    WindowsDpapiKeychain(Path folder, Map<String, String> env, Duration timeout) {
        this.folder = folder;
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** powershell.exe under %SystemRoot% (not whatever PATH finds first). */
    String powershell() {
        String root = env.getOrDefault("SystemRoot", env.getOrDefault("SYSTEMROOT", "C:\\Windows"));
        return Path.of(root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe").toString();
    }

    /** The command line: the script only, base64 of UTF-16LE as {@code -EncodedCommand} wants; never a secret. */
    List<String> command(String script) {
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
        return List.of(powershell(), "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-EncodedCommand", encoded);
    }

    /** Where the blob of {@code key} is kept: the file name is a hash, so names need no escaping. */
    Path file(KeychainKey key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.account().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(h, 0, 16) + ".dpapi");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Availability availability() {
        if (!Files.isRegularFile(Path.of(powershell()))) {
            return Availability.no(NAME, "Windows PowerShell was not found at " + powershell());
        }
        try {
            ChildProcess.Result r = ChildProcess.run(command(PROBE), env, new byte[0], timeout);
            return r.ok() && r.out().contains("ok") ? Availability.yes(NAME)
                    : Availability.no(NAME, "DPAPI did not work: " + ChildProcess.plain(r.stderr(), List.of()));
        } catch (ChildProcess.TimedOut e) {
            return Availability.no(NAME, "PowerShell did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return Availability.no(NAME, "PowerShell could not be started");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.no(NAME, "the check was cancelled");
        }
    }

    @Override
    public void store(KeychainKey key, Secret value) throws KeychainException {
        ChildProcess.Result r = call(command(PROTECT), value.reveal().getBytes(StandardCharsets.UTF_8), "save " + key.words());
        String blob = r.out().strip();
        if (!r.ok() || blob.isEmpty() || !blob.matches("[0-9a-fA-F]+")) {
            throw new KeychainException("Could not save " + key.words() + " with DPAPI: "
                    + ChildProcess.plain(r.stderr(), List.of(value.reveal())) + ".");
        }
        try {
            AtomicFiles.write(file(key), blob.getBytes(StandardCharsets.US_ASCII), true);
        } catch (IOException e) {
            throw new KeychainException("Could not save " + key.words() + ": the file " + file(key) + " could not be"
                    + " written (" + e.getClass().getSimpleName() + ").");
        }
    }

    @Override
    public Optional<Secret> lookup(KeychainKey key) throws KeychainException {
        byte[] blob;
        try {
            blob = SafeFiles.readAtMost(file(key), 1024 * 1024);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new KeychainException("Could not read " + key.words() + ": the file " + file(key) + " could not be read.");
        }
        ChildProcess.Result r = call(command(UNPROTECT), blob, "read " + key.words());
        if (!r.ok()) {
            throw new KeychainException("Could not read " + key.words() + " with DPAPI (it can only be read by the Windows"
                    + " user who saved it): " + ChildProcess.plain(r.stderr(), List.of(r.out())) + ".");
        }
        return Optional.of(Secret.of(r.out()));
    }

    @Override
    public boolean delete(KeychainKey key) throws KeychainException {
        try {
            return Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new KeychainException("Could not remove " + key.words() + ": the file " + file(key) + " could not be deleted.");
        }
    }

    private ChildProcess.Result call(List<String> cmd, byte[] input, String what) throws KeychainException {
        try {
            return ChildProcess.run(cmd, env, input, timeout);
        } catch (ChildProcess.TimedOut e) {
            throw new KeychainException("Could not " + what + ": PowerShell did not answer within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            throw new KeychainException("Could not " + what + ": PowerShell could not be run.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeychainException("Cancelled: " + what + ".");
        }
    }
}
