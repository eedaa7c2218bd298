package com.gatewaywizard.state.keychain;

import com.gatewaywizard.spec.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux (and BSD): the freedesktop Secret Service over the D-Bus session bus (GNOME Keyring, KWallet, KeePassXC),
 * through libsecret's {@code secret-tool}. The secret is written to the tool's standard input; the command line holds
 * only the label and the attributes {@code service=gateway-wizard account=<sub>/<rg>/<pool>/<kind> part=main}.
 *
 * <p>{@code secret-tool store} reads at most 8 kB, so a longer value (a large gateway config) is kept in parts:
 * the main entry then holds a pointer {@code gateway-wizard-parts:v1:<n>:<generation>} and the parts are entries
 * {@code part=<i> generation=<g>}. A new value gets a new generation and the pointer is written last, so an
 * interrupted store leaves the old value readable; the old generation's parts are removed afterwards.
 *
 * <p>The child's environment comes from the constructor (the app passes its own; tests point
 * {@code DBUS_SESSION_BUS_ADDRESS} at a private bus), and {@code secret-tool} is looked up on that environment's PATH.
 */
public final class SecretServiceKeychain implements Keychain {
    static final String NAME = "the Secret Service (GNOME Keyring or KWallet)";
    static final String POINTER = "gateway-wizard-parts:v1:";
    /** Bytes per entry: below secret-tool's 8192-byte limit for standard input. */
    static final int PART_BYTES = 6000;
    private static final String PROBE_ACCOUNT = "availability-check";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> env;
    private final Duration timeout;

    public SecretServiceKeychain(Map<String, String> env, Duration timeout) {
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Availability availability() {
        Optional<Path> tool = ChildProcess.onPath("secret-tool", env);
        if (tool.isEmpty()) {
            return Availability.no(NAME, "secret-tool is not installed (on Debian or Ubuntu: sudo apt install libsecret-tools)");
        }
        String bus = env.get("DBUS_SESSION_BUS_ADDRESS");
        String runtime = env.get("XDG_RUNTIME_DIR");
        boolean defaultBus = runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"));
        if ((bus == null || bus.isBlank()) && !defaultBus) {
            return Availability.no(NAME, "there is no desktop session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no"
                    + " keyring such as GNOME Keyring or KWallet can be reached");
        }
        try {
            ChildProcess.Result r = ChildProcess.run(List.of(tool.get().toString(), "lookup", "service", SERVICE,
                    "account", PROBE_ACCOUNT), env, new byte[0], timeout);
            if (r.ok() || (r.exit() == 1 && r.stderr().isBlank())) {
                return Availability.yes(NAME);
            }
            return Availability.no(NAME, "the keyring did not answer: " + ChildProcess.plain(r.stderr(), List.of()));
        } catch (ChildProcess.TimedOut e) {
            return Availability.no(NAME, "the keyring did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return Availability.no(NAME, "secret-tool could not be started (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.no(NAME, "the check was cancelled");
        }
    }

    @Override
    public void store(KeychainKey key, Secret value) throws KeychainException {
        String text = value.reveal();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Optional<String> oldGeneration = readMain(key).flatMap(SecretServiceKeychain::generationOf);
        String generation = null;
        if (bytes.length <= PART_BYTES && !text.startsWith(POINTER)) {
            storeItem(key, key.label(), List.of("part", "main"), bytes, List.of(text));
        } else {
            List<String> parts = split(text, PART_BYTES);
            byte[] g = new byte[8];
            RANDOM.nextBytes(g);
            generation = HexFormat.of().formatHex(g);
            for (int i = 0; i < parts.size(); i++) {
                storeItem(key, key.label() + " (part " + (i + 1) + " of " + parts.size() + ")",
                        List.of("part", String.valueOf(i), "generation", generation),
                        parts.get(i).getBytes(StandardCharsets.UTF_8), List.of(text, parts.get(i)));
            }
            storeItem(key, key.label(), List.of("part", "main"),
                    (POINTER + parts.size() + ":" + generation).getBytes(StandardCharsets.UTF_8), List.of(text));
        }
        if (oldGeneration.isPresent() && !oldGeneration.get().equals(generation)) {
            clear(key, List.of("generation", oldGeneration.get())); // the previous value's parts
        }
    }

    @Override
    public Optional<Secret> lookup(KeychainKey key) throws KeychainException {
        Optional<String> main = readMain(key);
        if (main.isEmpty()) {
            return Optional.empty();
        }
        String m = main.get();
        if (!m.startsWith(POINTER)) {
            return Optional.of(Secret.of(m));
        }
        String[] p = m.substring(POINTER.length()).split(":");
        int n;
        try {
            n = Integer.parseInt(p[0]);
        } catch (NumberFormatException e) {
            throw new KeychainException("The keychain entry for " + key.words() + " is damaged. Forget the saved secrets"
                    + " of this gateway and enter them again.");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Optional<byte[]> part = lookupItem(key, List.of("part", String.valueOf(i), "generation", p.length > 1 ? p[1] : ""));
            if (part.isEmpty()) {
                throw new KeychainException("The keychain holds only part of " + key.words() + " (part " + (i + 1) + " of "
                        + n + " is missing). Forget the saved secrets of this gateway and enter them again.");
            }
            sb.append(new String(part.get(), StandardCharsets.UTF_8));
        }
        return Optional.of(Secret.of(sb.toString()));
    }

    @Override
    public boolean delete(KeychainKey key) throws KeychainException {
        return clear(key, List.of());
    }

    private Optional<String> readMain(KeychainKey key) throws KeychainException {
        return lookupItem(key, List.of("part", "main")).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static Optional<String> generationOf(String main) {
        if (!main.startsWith(POINTER)) {
            return Optional.empty();
        }
        String[] p = main.substring(POINTER.length()).split(":");
        return p.length > 1 ? Optional.of(p[1]) : Optional.empty();
    }

    /** The attribute pairs of every entry of {@code key}, then {@code extra}. */
    private static List<String> attributes(KeychainKey key, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("service", SERVICE, "account", key.account()));
        a.addAll(extra);
        return a;
    }

    private void storeItem(KeychainKey key, String label, List<String> extra, byte[] secret, List<String> sensitive)
            throws KeychainException {
        List<String> cmd = new ArrayList<>(List.of(tool(), "store", "--label=" + label));
        cmd.addAll(attributes(key, extra));
        ChildProcess.Result r = call(cmd, secret, "save " + key.words(), sensitive);
        if (!r.ok()) {
            throw failure("save " + key.words(), r, sensitive);
        }
    }

    private Optional<byte[]> lookupItem(KeychainKey key, List<String> extra) throws KeychainException {
        List<String> cmd = new ArrayList<>(List.of(tool(), "lookup"));
        cmd.addAll(attributes(key, extra));
        ChildProcess.Result r = call(cmd, new byte[0], "read " + key.words(), List.of());
        if (r.ok()) {
            return Optional.of(r.stdout());
        }
        if (r.exit() == 1 && r.stderr().isBlank()) {
            return Optional.empty(); // secret-tool's answer for "no such entry"
        }
        throw failure("read " + key.words(), r, List.of(new String(r.stdout(), StandardCharsets.UTF_8)));
    }

    private boolean clear(KeychainKey key, List<String> extra) throws KeychainException {
        List<String> cmd = new ArrayList<>(List.of(tool(), "clear"));
        cmd.addAll(attributes(key, extra));
        ChildProcess.Result r = call(cmd, new byte[0], "remove " + key.words(), List.of());
        if (r.ok()) {
            return true;
        }
        if (r.exit() == 1 && r.stderr().isBlank()) {
            return false; // nothing matched
        }
        throw failure("remove " + key.words(), r, List.of());
    }

    private ChildProcess.Result call(List<String> cmd, byte[] input, String what, List<String> sensitive)
            throws KeychainException {
        try {
            return ChildProcess.run(cmd, env, input, timeout);
        } catch (ChildProcess.TimedOut e) {
            throw new KeychainException("Could not " + what + " in the keychain: it did not answer within "
                    + timeout.toSeconds() + " s (is the keyring locked and waiting for its password?).");
        } catch (IOException e) {
            throw new KeychainException("Could not " + what + " in the keychain: secret-tool could not be run ("
                    + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeychainException("Cancelled: " + what + " in the keychain.");
        }
    }

    private static KeychainException failure(String what, ChildProcess.Result r, List<String> sensitive) {
        String why = ChildProcess.plain(r.stderr(), sensitive);
        return new KeychainException("Could not " + what + " in the keychain: " + (why.isEmpty()
                ? "secret-tool ended with code " + r.exit() : why) + ".");
    }

    private String tool() throws KeychainException {
        return ChildProcess.onPath("secret-tool", env).map(Path::toString).orElseThrow(() -> new KeychainException(
                "The keychain cannot be used: secret-tool is not installed (on Debian or Ubuntu: sudo apt install libsecret-tools)."));
    }

    /** {@code text} cut into pieces of at most {@code maxBytes} UTF-8 bytes, never inside a character. */
    static List<String> split(String text, int maxBytes) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                parts.add(cur.toString());
                cur.setLength(0);
                bytes = 0;
            }
            cur.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        parts.add(cur.toString());
        return parts;
    }
}
