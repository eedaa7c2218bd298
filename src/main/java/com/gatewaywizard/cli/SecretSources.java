package com.gatewaywizard.cli;

import com.gatewaywizard.cli.Commands.UsageException;
import com.gatewaywizard.spec.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads secrets for CLI commands from a file, standard input ({@code -}) or an environment variable, never from
 * a flag value (shell history and process listings keep those). Messages name the flag, file or variable, never
 * the content.
 */
final class SecretSources {
    /** More than any token or config; a bigger file is the wrong file. */
    static final int MAX_BYTES = 64 * 1024;

    private final Console console;
    private boolean stdinTaken;

    SecretSources(Console console) {
        this.console = console;
    }

    /**
     * The secret given by {@code fileFlag} or {@code envFlag}, or {@link Secret#EMPTY} when neither is given.
     * Surrounding whitespace (a trailing newline from {@code echo} or an editor) is removed.
     */
    Secret read(Flags.Parsed flags, String fileFlag, String envFlag) throws UsageException {
        boolean file = flags.has(fileFlag);
        boolean env = flags.has(envFlag);
        if (file && env) {
            throw new UsageException("give " + fileFlag + " or " + envFlag + ", not both");
        }
        if (env) {
            String var = flags.value(envFlag).orElseThrow();
            String v = console.env().get(var);
            if (v == null) {
                throw new UsageException(envFlag + ": the environment variable " + shown(var) + " is not set");
            }
            return Secret.of(v.strip());
        }
        if (!file) {
            return Secret.EMPTY;
        }
        String where = flags.value(fileFlag).orElseThrow();
        byte[] bytes;
        if (where.equals("-")) {
            if (stdinTaken) {
                throw new UsageException("standard input can hold only one secret; give the other one with a file or an"
                        + " environment variable");
            }
            stdinTaken = true;
            try {
                bytes = readLimited(console.in());
            } catch (IOException e) {
                throw new UsageException(fileFlag + ": standard input could not be read (" + e.getClass().getSimpleName() + ")");
            }
        } else {
            Path p = Path.of(where);
            try {
                if (Files.size(p) > MAX_BYTES) {
                    throw new UsageException(fileFlag + ": " + where + " is larger than " + MAX_BYTES + " bytes; is it the right file?");
                }
                bytes = Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                throw new UsageException(fileFlag + ": no such file " + where);
            } catch (IOException e) {
                throw new UsageException(fileFlag + ": " + where + " could not be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (bytes == null) {
            throw new UsageException(fileFlag + ": standard input holds more than " + MAX_BYTES + " bytes");
        }
        return Secret.of(new String(bytes, StandardCharsets.UTF_8).strip());
    }

    /** All bytes, or {@code null} when there are more than {@link #MAX_BYTES}. */
    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        return bytes.length > MAX_BYTES ? null : bytes;
    }

    private static String shown(String var) {
        return var.matches("[A-Za-z_][A-Za-z0-9_]{0,60}") ? var : "(given)";
    }
}
