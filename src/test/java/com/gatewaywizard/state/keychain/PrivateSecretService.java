package com.gatewaywizard.state.keychain;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Secret Service for tests, private to the test: its own D-Bus session bus ({@code dbus-daemon --session
 * --fork}) and a GNOME Keyring daemon on it ({@code gnome-keyring-daemon --unlock --components=secrets}, its password
 * on standard input), with HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR in a temp folder, so the user's own keyring is never
 * touched. {@link #env()} is the environment a {@link SecretServiceKeychain} gets to use it.
 *
 * <p>When the tools are missing the test is skipped (an assumption), except under {@code CI} (set by CI systems),
 * where a missing tool fails the test: {@code .ci/run} installs them.
 */
public final class PrivateSecretService implements AutoCloseable {
    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final long busPid;

    private PrivateSecretService(Path dir, Map<String, String> env, long busPid) {
        this.dir = dir;
        this.env.putAll(env);
        this.busPid = busPid;
    }

    /** Whether dbus-daemon, gnome-keyring-daemon and secret-tool are on the PATH. */
    public static Optional<String> missingTool() {
        for (String tool : List.of("dbus-daemon", "gnome-keyring-daemon", "secret-tool")) {
            if (ChildProcess.onPath(tool, System.getenv()).isEmpty()) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }

    /** Skips the test (locally) or fails it (under CI) when a tool is missing. */
    public static void requireTools() {
        Optional<String> missing = missingTool();
        if (missing.isEmpty()) {
            return;
        }
        String why = missing.get() + " is not installed (packages dbus-daemon, gnome-keyring, libsecret-tools)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail("CI is set, so the keychain tests must run: " + why);
        }
        assumeTrue(false, why);
    }

    /** Starts a private bus and an unlocked keyring on it. */
    public static PrivateSecretService start() throws IOException, InterruptedException {
        requireTools();
        Path dir = Files.createTempDirectory("gw-keyring");
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.toString());
        env.put("XDG_DATA_HOME", data.toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("LANG", "C.UTF-8");

        Path busOut = dir.resolve("bus.txt");
        ProcessBuilder bus = new ProcessBuilder("dbus-daemon", "--session", "--print-address=1", "--print-pid=1", "--fork",
                "--nopidfile");
        bus.environment().clear();
        bus.environment().putAll(env);
        bus.redirectOutput(busOut.toFile()).redirectError(dir.resolve("bus.err").toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        Process b = bus.start();
        if (!b.waitFor(20, TimeUnit.SECONDS) || b.exitValue() != 0) {
            b.destroyForcibly();
            throw new IOException("dbus-daemon did not start: " + Files.readString(dir.resolve("bus.err")));
        }
        List<String> lines = waitForLines(busOut, 2);
        String address = lines.get(0).strip();
        long pid = Long.parseLong(lines.get(1).strip());
        env.put("DBUS_SESSION_BUS_ADDRESS", address);

        ProcessBuilder keyring = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets");
        keyring.environment().clear();
        keyring.environment().putAll(env);
        keyring.redirectOutput(dir.resolve("keyring.txt").toFile()).redirectError(dir.resolve("keyring.err").toFile());
        Process k = keyring.start();
        k.getOutputStream().write("test-keyring-password".getBytes(StandardCharsets.UTF_8));
        k.getOutputStream().close();
        if (!k.waitFor(20, TimeUnit.SECONDS) || k.exitValue() != 0) {
            k.destroyForcibly();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            throw new IOException("gnome-keyring-daemon did not start: " + Files.readString(dir.resolve("keyring.err")));
        }
        return new PrivateSecretService(dir, env, pid);
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }

    private static List<String> waitForLines(Path file, int n) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            if (lines.size() >= n) {
                return lines;
            }
            Thread.sleep(20);
        }
        throw new IOException("dbus-daemon printed no address");
    }

    /** The environment for a keychain on this private service (PATH, HOME, XDG folders, DBUS_SESSION_BUS_ADDRESS). */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** The same environment with other values (e.g. a PATH with a recording wrapper first). */
    public Map<String, String> envWith(String key, String value) {
        Map<String, String> m = new HashMap<>(env);
        m.put(key, value);
        return Map.copyOf(m);
    }

    /** A keychain on this private service. */
    public SecretServiceKeychain keychain() {
        return new SecretServiceKeychain(env(), Duration.ofSeconds(15));
    }

    /** The folder the keyring files live in (outside the app's data folder). */
    public Path dir() {
        return dir;
    }

    /** Stops the bus; the keyring daemon exits with it. */
    @Override
    public void close() {
        ProcessHandle.of(busPid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
    }
}
