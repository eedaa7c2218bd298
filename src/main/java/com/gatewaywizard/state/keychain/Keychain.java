package com.gatewaywizard.state.keychain;

import com.gatewaywizard.spec.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operating system's protected store for the secrets a user chose to keep (opt-in): the Docker Hub token and
 * the gateway config of one gateway pool. Backends: the Secret Service over D-Bus through {@code secret-tool} on
 * Linux (GNOME Keyring, KWallet), the login keychain through {@code /usr/bin/security} on macOS, and DPAPI through
 * PowerShell on Windows. Every backend hands the secret to its child process on standard input, never on the
 * command line or in the environment, bounds the child with a timeout, and reports failures in words that never
 * contain the secret.
 *
 * <p>Every method blocks (it runs a child process): call off the FX thread.
 */
public interface Keychain {
    /** Whether the backend can be used here, and if not, why in plain words. */
    record Availability(boolean available, String store, String reason) {
        public Availability {
            Objects.requireNonNull(store);
            reason = reason == null ? "" : reason;
        }

        public static Availability yes(String store) {
            return new Availability(true, store, "");
        }

        public static Availability no(String store, String reason) {
            return new Availability(false, store, reason);
        }
    }

    /** The default time a keychain child process may take. */
    Duration TIMEOUT = Duration.ofSeconds(15);
    /** The {@code service} attribute of every entry this app makes. */
    String SERVICE = "gateway-wizard";

    /** A plain name of the store, e.g. "the Secret Service (GNOME Keyring, KWallet)". */
    String name();

    /** Checks (once per call; it may run a child process) whether this store can be used. Never throws. */
    Availability availability();

    /** Stores or replaces the secret under {@code key}. */
    void store(KeychainKey key, Secret value) throws KeychainException;

    /** The secret under {@code key}, or empty when there is none. */
    Optional<Secret> lookup(KeychainKey key) throws KeychainException;

    /** Removes the secret under {@code key}; false when there was none. */
    boolean delete(KeychainKey key) throws KeychainException;

    /** The backend for this operating system, with this process's environment. */
    static Keychain forThisOs(Path dataDir) {
        return forOs(System.getProperty("os.name", ""), System.getenv(), dataDir, TIMEOUT);
    }

    /** The backend for the named operating system, with the given environment for its child processes. */
    static Keychain forOs(String osName, Map<String, String> env, Path dataDir, Duration timeout) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return new WindowsDpapiKeychain(dataDir.resolve("keychain"), env, timeout);
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return new MacKeychain(env, timeout);
        }
        if (os.contains("linux") || os.contains("bsd")) {
            return new SecretServiceKeychain(env, timeout);
        }
        return new NoKeychain("this operating system (" + osName + ") has no keychain Gateway Wizard can use");
    }
}
