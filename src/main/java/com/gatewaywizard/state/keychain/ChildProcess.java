package com.gatewaywizard.state.keychain;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one keychain tool: the command line (never a secret), an exact environment, the input bytes (where the
 * secret goes) written on standard input and closed, standard output and error read at the same time (bounded), and
 * a timeout after which the process is killed. The tool's error text is scrubbed of the secret before anyone sees it.
 */
final class ChildProcess {
    /** What a finished child returned. */
    record Result(int exit, byte[] stdout, String stderr) {
        boolean ok() {
            return exit == 0;
        }

        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** The child did not finish in time and was killed. */
    static final class TimedOut extends Exception {
        TimedOut() {
            super("timed out");
        }
    }

    private static final int MAX_OUT = 1024 * 1024;
    private static final int MAX_ERR = 16 * 1024;
    /** Own threads: the common pool may have a single thread, and the three pipes must be served at once. */
    private static final java.util.concurrent.ExecutorService PIPES = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keychain-pipe");
        t.setDaemon(true);
        return t;
    });

    private ChildProcess() {
    }

    /**
     * Runs {@code command} with exactly {@code env} (not this process's environment) and {@code input} on standard
     * input. Never blocks longer than about {@code timeout}; interrupting the caller kills the child.
     */
    static Result run(List<String> command, Map<String, String> env, byte[] input, Duration timeout)
            throws IOException, TimedOut, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream(), MAX_OUT), PIPES);
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream(), MAX_ERR), PIPES);
            CompletableFuture<Void> in = CompletableFuture.runAsync(() -> feed(p.getOutputStream(), input), PIPES);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new TimedOut();
            }
            try {
                // the child has exited: its pipes reach end of file at once (a grandchild holding them is cut off)
                byte[] o = out.get(2, TimeUnit.SECONDS);
                byte[] e = err.get(2, TimeUnit.SECONDS);
                in.cancel(true);
                return new Result(p.exitValue(), o, new String(e, StandardCharsets.UTF_8));
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the output of " + Path.of(command.get(0)).getFileName() + " could not be read");
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        } finally {
            if (p.isAlive()) {
                kill(p);
            }
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static byte[] drain(InputStream s, int limit) {
        try (s) {
            byte[] b = s.readNBytes(limit);
            s.transferTo(OutputStream.nullOutputStream()); // the rest is dropped, so the child never blocks on a full pipe
            return b;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void feed(OutputStream s, byte[] input) {
        try (s) {
            if (input != null) {
                s.write(input);
            }
        } catch (IOException ignored) {
            // the child exited without reading all of it; its exit code and error text say why
        }
    }

    /** The absolute path of {@code program} on the {@code PATH} of {@code env}, if it is there and executable. */
    static Optional<Path> onPath(String program, Map<String, String> env) {
        String path = env.get("PATH");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /**
     * The first line of a tool's error text, short, with every occurrence of the given sensitive strings (and of
     * any line of them) replaced by a mask: for a message to the user.
     */
    static String plain(String stderr, List<String> sensitive) {
        String text = stderr == null ? "" : stderr;
        List<String> masks = new ArrayList<>();
        for (String s : sensitive) {
            if (s != null && !s.isEmpty()) {
                masks.add(s);
                for (String line : s.split("\\R")) {
                    if (line.length() >= 4) {
                        masks.add(line);
                    }
                }
            }
        }
        masks.sort((a, b) -> b.length() - a.length());
        for (String m : masks) {
            text = text.replace(m, "\u2022\u2022\u2022");
        }
        String first = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (first.length() > 240) {
            first = first.substring(0, 240) + "\u2026";
        }
        return first;
    }
}
