package com.gatewaywizard.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a secret typed where a plain command-line value goes: a Docker Hub token, a gateway config (base64 or
 * JSON), a Keeper one-time token or an access token (JWT). {@link Flags} refuses such a value for any option or
 * argument, so it is never echoed into an error message, a terminal log or a file name, and says how to give the
 * secret safely.
 */
final class SecretShapes {
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BASE64_CONFIG = Pattern.compile("eyJ[A-Za-z0-9+/=_\\s-]{37,}");
    private static final Pattern JSON_CONFIG = Pattern.compile("(?s)\\s*\\{.*\"(clientId|privateKey|appKey|clientKey)\".*");
    private static final Pattern ONE_TIME_TOKEN = Pattern.compile(
            "(?i)(US|EU|AU|CA|JP|GOV|US_GOV|IL5|[a-z0-9-]+(\\.[a-z0-9-]+)+):[A-Za-z0-9_-]{16,}.*");

    private SecretShapes() {
    }

    /** What kind of secret {@code value} looks like ("a Docker Hub access token"), or empty. */
    static Optional<String> kind(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dckr_pat_") || lower.startsWith("dckr_oat_")) {
            return Optional.of("a Docker Hub access token");
        }
        if (JWT.matcher(v).matches()) {
            return Optional.of("an access token");
        }
        if (BASE64_CONFIG.matcher(v).matches() || JSON_CONFIG.matcher(v).matches()) {
            return Optional.of("a Keeper gateway config");
        }
        if (ONE_TIME_TOKEN.matcher(v).matches()) {
            return Optional.of("a Keeper one-time token");
        }
        return Optional.empty();
    }

    /** Pieces of a value a secret may hide in: split at '=', ',', ';' and white space. */
    private static final Pattern PIECES = Pattern.compile("[=,;\\s]+");

    /**
     * What kind of secret {@code value} is or holds: the whole value, else any piece of it between {@code =},
     * {@code ,}, {@code ;} and white space (a tag's value in {@code NAME=VALUE}, a token pasted after a name).
     */
    static Optional<String> kindIn(String value) {
        Optional<String> whole = kind(value);
        if (whole.isPresent() || value == null) {
            return whole;
        }
        for (String piece : PIECES.split(value)) {
            Optional<String> k = kind(piece);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    /** The usage error for a secret found at {@code where} (an option name or "argument 2"); never holds the value. */
    static String refusal(String where, String kind) {
        String hint = switch (kind) {
            case "a Docker Hub access token" -> "Give it with --docker-pat-file FILE (or - for standard input) or"
                    + " --docker-pat-env VAR.";
            case "a Keeper gateway config" -> "Give it with --gateway-config-file FILE (or - for standard input) or"
                    + " --gateway-config-env VAR.";
            case "a Keeper one-time token" -> "The gateway needs its base64 config, not a one-time token: create it with"
                    + " 'pam gateway new -n NAME -a APP -c b64' and give it with --gateway-config-file FILE or --gateway-config-env VAR.";
            default -> "Sign in instead (Azure CLI login, browser or device code); a secret a command needs is read from"
                    + " a file, standard input or an environment variable.";
        };
        return where + " holds what looks like " + kind + "; secrets are never taken as command-line values, which"
                + " shell history and process listings keep. " + hint;
    }
}
