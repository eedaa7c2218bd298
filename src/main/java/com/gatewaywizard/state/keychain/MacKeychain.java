package com.gatewaywizard.state.keychain;

import com.gatewaywizard.spec.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * macOS: a generic password in the user's login keychain, through {@code /usr/bin/security}. Saving runs
 * {@code security -i} (interactive mode) and writes the {@code add-generic-password} command to its standard input,
 * so the password is never on a command line that {@code ps} shows. The value is stored as base64 of its UTF-8 bytes
 * (quote-safe on that command line, and printed back as plain ASCII by {@code find-generic-password -w}).
 *
 * <p>Not tested on a Mac by this project's suite (it runs on Linux): the command text is unit-tested, the keychain
 * itself is not.
 */
final class MacKeychain implements Keychain {
    static final String NAME = "the macOS login keychain";
    static final String TOOL = "/usr/bin/security";
    /** {@code errSecItemNotFound} as {@code security}'s exit code. */
    static final int NOT_FOUND = 44;

    private final Map<String, String> env;
    private final Duration timeout;

    MacKeychain(Map<String, String> env, Duration timeout) {
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Availability availability() {
        if (!Files.isExecutable(Path.of(TOOL))) {
            return Availability.no(NAME, TOOL + " is missing");
        }
        try {
            ChildProcess.Result r = ChildProcess.run(List.of(TOOL, "default-keychain"), env, new byte[0], timeout);
            return r.ok() ? Availability.yes(NAME)
                    : Availability.no(NAME, "there is no default keychain: " + ChildProcess.plain(r.stderr(), List.of()));
        } catch (ChildProcess.TimedOut e) {
            return Availability.no(NAME, "the keychain did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return Availability.no(NAME, TOOL + " could not be started");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.no(NAME, "the check was cancelled");
        }
    }

    /** The line {@code security -i} reads to save the entry; the only place the (encoded) secret goes. */
    static String addCommand(KeychainKey key, Secret value) {
        String encoded = Base64.getEncoder().encodeToString(value.reveal().getBytes(StandardCharsets.UTF_8));
        return "add-generic-password -U -s " + quote(SERVICE) + " -a " + quote(key.account()) + " -l "
                + quote(key.label()) + " -w " + quote(encoded) + "\n";
    }

    /** A double-quoted word of the interactive command line; names never hold quotes, backslashes or line breaks. */
    static String quote(String s) {
        return "\"" + s.replaceAll("[\"\\\\\\r\\n]", "_") + "\"";
    }

    @Override
    public void store(KeychainKey key, Secret value) throws KeychainException {
        String line = addCommand(key, value);
        ChildProcess.Result r = call(List.of(TOOL, "-i"), line.getBytes(StandardCharsets.UTF_8), "save " + key.words());
        // Interactive mode may exit 0 after a failed command: its error text is the signal.
        if (!r.ok() || !r.stderr().isBlank()) {
            throw new KeychainException("Could not save " + key.words() + " in the keychain: "
                    + ChildProcess.plain(r.stderr(), List.of(value.reveal(), line)) + ".");
        }
    }

    @Override
    public Optional<Secret> lookup(KeychainKey key) throws KeychainException {
        ChildProcess.Result r = call(List.of(TOOL, "find-generic-password", "-s", SERVICE, "-a", key.account(), "-w"),
                new byte[0], "read " + key.words());
        if (r.exit() == NOT_FOUND) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new KeychainException("Could not read " + key.words() + " from the keychain: "
                    + ChildProcess.plain(r.stderr(), List.of(r.out())) + ".");
        }
        try {
            return Optional.of(Secret.of(new String(Base64.getDecoder().decode(r.out().strip()), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new KeychainException("The keychain entry for " + key.words() + " was not made by Gateway Wizard."
                    + " Forget the saved secrets of this gateway and enter them again.");
        }
    }

    @Override
    public boolean delete(KeychainKey key) throws KeychainException {
        ChildProcess.Result r = call(List.of(TOOL, "delete-generic-password", "-s", SERVICE, "-a", key.account()),
                new byte[0], "remove " + key.words());
        if (r.exit() == NOT_FOUND) {
            return false;
        }
        if (!r.ok()) {
            throw new KeychainException("Could not remove " + key.words() + " from the keychain: "
                    + ChildProcess.plain(r.stderr(), List.of()) + ".");
        }
        return true;
    }

    private ChildProcess.Result call(List<String> cmd, byte[] input, String what) throws KeychainException {
        try {
            return ChildProcess.run(cmd, env, input, timeout);
        } catch (ChildProcess.TimedOut e) {
            throw new KeychainException("Could not " + what + " in the keychain: it did not answer within "
                    + timeout.toSeconds() + " s (is it locked and waiting for your password?).");
        } catch (IOException e) {
            throw new KeychainException("Could not " + what + " in the keychain: " + TOOL + " could not be run.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeychainException("Cancelled: " + what + " in the keychain.");
        }
    }
}
