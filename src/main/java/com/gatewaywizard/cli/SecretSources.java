package com.gatewaywizard.cli;

import com.gatewaywizard.cli.Commands.UsageException;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.state.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
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
            InputStream in = console.in();
            try {
                bytes = in == null ? new byte[0] : SafeFiles.readAtMost(in, MAX_BYTES, "standard input");
            } catch (SafeFiles.TooLargeException e) {
                throw new UsageException(fileFlag + ": standard input holds more than " + MAX_BYTES + " bytes; is it"
                        + " the right input?");
            } catch (IOException e) {
                throw new UsageException(fileFlag + ": standard input is closed or cannot be read; pipe the secret in"
                        + " (… | gateway-wizard …) or give a file");
            }
            if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                throw new UsageException(fileFlag + ": standard input is closed or empty; pipe the secret in"
                        + " (… | gateway-wizard …) or give a file");
            }
        } else {
            Path p = Path.of(where);
            try {
                bytes = SafeFiles.readAtMost(p, MAX_BYTES);
            } catch (SafeFiles.TooLargeException e) {
                throw new UsageException(fileFlag + ": " + Problem.quote(where) + " is larger than " + MAX_BYTES
                        + " bytes; is it the right file?");
            } catch (SafeFiles.IsFolderException e) {
                throw new UsageException(fileFlag + ": " + Problem.quote(where) + " is a folder — give the "
                        + (fileFlag.contains("pat") ? "token" : "config") + " file");
            } catch (NoSuchFileException e) {
                throw new UsageException(fileFlag + ": no such file " + Problem.quote(where));
            } catch (AccessDeniedException e) {
                throw new UsageException(fileFlag + ": no permission to read " + Problem.quote(where));
            } catch (IOException e) {
                throw new UsageException(fileFlag + ": " + Problem.quote(where) + " could not be read");
            }
        }
        return Secret.of(new String(bytes, StandardCharsets.UTF_8).strip());
    }

    private static String shown(String var) {
        return var.matches("[A-Za-z_][A-Za-z0-9_]{0,60}") ? var : "(given)";
    }
}
