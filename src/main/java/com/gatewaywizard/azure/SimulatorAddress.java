package com.gatewaywizard.azure;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The address of a running simulator ({@code gateway-wizard simulator} prints it: {@code http://127.0.0.1:PORT}, or
 * {@code https://…} with {@code --tls}), checked once for the CLI's {@code --cloud simulator=URL} and the app's
 * "Simulator address" field and {@code --simulator=URL} flag. Each front end words the fault for its own field.
 * With https, {@link Azure#connect} trusts the CA the simulator wrote in the app's data folder.
 */
public final class SimulatorAddress {
    /** What is wrong with a typed address. */
    public enum Fault {
        /** Not http:// or https:// (e.g. {@code 127.0.0.1:8443} without the scheme). */
        NOT_HTTP,
        /** No host, or not a URL at all (spaces, stray characters). */
        NOT_A_URL,
        /** A port outside 1..65535. */
        BAD_PORT,
        /** A path, query or fragment: the simulator serves at its root. */
        HAS_PATH,
        /** No port ({@code http://127.0.0.1}): the simulator's port is always given, as it prints it. */
        NO_PORT,
        /**
         * An IPv6 address ({@code http://[::1]:8443}): the simulator listens on 127.0.0.1 only, and the Azure SDK's
         * clients do not take a bracketed host; use 127.0.0.1 (or a host name).
         */
        IPV6
    }

    /** The typed address could not be used; {@link #fault()} says why. */
    public static final class InvalidException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Fault fault;

        InvalidException(Fault fault) {
            super("not a simulator address (" + fault + ")");
            this.fault = fault;
        }

        public Fault fault() {
            return fault;
        }
    }

    private SimulatorAddress() {
    }

    /**
     * The simulator's base URL from what the user typed (spaces around it and a trailing slash are dropped).
     *
     * @throws InvalidException with the {@link Fault} when it is not an http(s) URL of a host name or IPv4 address and a port
     */
    public static URI parse(String text) {
        String s = text == null ? "" : text.strip();
        while (s.endsWith("/") && !s.endsWith("//")) {
            s = s.substring(0, s.length() - 1);
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            throw new InvalidException(lower.startsWith("http://") || lower.startsWith("https://") ? Fault.NOT_A_URL : Fault.NOT_HTTP);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidException(Fault.NOT_HTTP);
        }
        if (u.getRawUserInfo() != null || (u.getRawAuthority() != null && u.getRawAuthority().contains("@"))) {
            throw new InvalidException(Fault.NOT_A_URL);
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            // "http://host:99999" parses as a registry-based authority without a host
            throw new InvalidException(u.getRawAuthority() != null && u.getRawAuthority().matches(".*:\\d+") ? Fault.BAD_PORT
                    : Fault.NOT_A_URL);
        }
        if (u.getHost().startsWith("[")) {
            throw new InvalidException(Fault.IPV6);
        }
        if (u.getPort() == -1) {
            throw new InvalidException(Fault.NO_PORT);
        }
        if (u.getPort() == 0 || u.getPort() > 65535) {
            throw new InvalidException(Fault.BAD_PORT);
        }
        if ((u.getRawPath() != null && !u.getRawPath().isEmpty()) || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new InvalidException(Fault.HAS_PATH);
        }
        return u;
    }

    /** The fault of {@code text}, or null when {@link #parse} takes it. */
    public static Fault fault(String text) {
        try {
            parse(text);
            return null;
        } catch (InvalidException e) {
            return e.fault();
        }
    }
}
