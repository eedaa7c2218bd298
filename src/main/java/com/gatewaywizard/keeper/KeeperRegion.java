package com.gatewaywizard.keeper;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeper's public regions (reference/keeper.md §1 region table) and the outbound endpoints a gateway in each
 * needs (§3).
 */
public enum KeeperRegion {
    US("keepersecurity.com", "United States"),
    EU("keepersecurity.eu", "Europe"),
    AU("keepersecurity.com.au", "Australia"),
    CA("keepersecurity.ca", "Canada"),
    JP("keepersecurity.jp", "Japan"),
    GOV("govcloud.keepersecurity.us", "US Government Cloud");

    private static final String GOVCLOUD_PREFIX = "govcloud.";

    private final String hostname;
    private final String displayName;

    KeeperRegion(String hostname, String displayName) {
        this.hostname = hostname;
        this.displayName = displayName;
    }

    /** The Keeper Cloud host, as written in a config's {@code hostname}. */
    public String hostname() {
        return hostname;
    }

    public String displayName() {
        return displayName;
    }

    /** The Keeper Router host ({@code connect.…}; for GovCloud the {@code govcloud.} label is replaced). */
    public String routerHost() {
        return routerHost(hostname);
    }

    /** The STUN/TURN relay host ({@code krelay.…}; for GovCloud the {@code govcloud.} label is replaced). */
    public String relayHost() {
        return relayHost(hostname);
    }

    /** The outbound endpoints a gateway of this region must reach (keeper.md §3). */
    public List<Endpoint> endpoints() {
        return endpointsFor(hostname);
    }

    /**
     * The region of a config's {@code hostname}, read as the KSM SDK reads it: a host ({@code keepersecurity.eu}),
     * a region code ({@code EU}, also {@code US_GOV}), or a URL ({@code https://keepersecurity.eu/api/...}, of which
     * only the host counts). Case, a trailing dot and a port are ignored.
     */
    public static Optional<KeeperRegion> fromHostname(String hostnameOrCode) {
        if (hostnameOrCode == null || hostnameOrCode.isBlank()) {
            return Optional.empty();
        }
        String s = hostnameOrCode.strip();
        String code = s.toUpperCase(Locale.ROOT);
        if (code.equals("US_GOV")) {
            return Optional.of(GOV);
        }
        for (KeeperRegion r : values()) {
            if (r.name().equals(code)) {
                return Optional.of(r);
            }
        }
        String host = hostOf(s);
        for (KeeperRegion r : values()) {
            if (r.hostname.equals(host)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The bare host of a config's {@code hostname} value: region codes mapped to their host, URLs reduced to their
     * host, lower case, without port or trailing dot. Used for custom (non-public) hosts too.
     */
    public static String hostOf(String hostnameOrCode) {
        if (hostnameOrCode == null) {
            return "";
        }
        String s = hostnameOrCode.strip();
        String code = s.toUpperCase(Locale.ROOT);
        for (KeeperRegion r : values()) {
            if (r.name().equals(code) || (r == GOV && code.equals("US_GOV"))) {
                return r.hostname;
            }
        }
        if (s.contains("://")) {
            try {
                String h = URI.create(s).getHost();
                s = h == null ? s : h;
            } catch (IllegalArgumentException e) {
                // Not a parsable URL: fall through and use the text up to the first slash.
                s = s.substring(s.indexOf("://") + 3);
            }
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            s = s.substring(0, colon);
        }
        s = s.toLowerCase(Locale.ROOT);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The router host for any Keeper host (public or custom): {@code connect.} + host without {@code govcloud.}. */
    public static String routerHost(String host) {
        return "connect." + serviceBase(host);
    }

    /** The relay host for any Keeper host (public or custom): {@code krelay.} + host without {@code govcloud.}. */
    public static String relayHost(String host) {
        return "krelay." + serviceBase(host);
    }

    /**
     * The outbound endpoints for any Keeper host: the host itself on TCP 443, the router on TCP 443, the relay on
     * TCP and UDP 3478 and on TCP and UDP 49152–65535.
     */
    public static List<Endpoint> endpointsFor(String hostnameOrCode) {
        String host = hostOf(hostnameOrCode);
        String router = routerHost(host);
        String relay = relayHost(host);
        return List.of(
                new Endpoint(host, Endpoint.Protocol.TCP, 443, 443, "Keeper Cloud (Secrets Manager API, TLS)"),
                new Endpoint(router, Endpoint.Protocol.TCP, 443, 443, "Keeper Router (WebSocket, TLS)"),
                new Endpoint(relay, Endpoint.Protocol.TCP, 3478, 3478, "Keeper STUN/TURN"),
                new Endpoint(relay, Endpoint.Protocol.UDP, 3478, 3478, "Keeper STUN/TURN"),
                new Endpoint(relay, Endpoint.Protocol.TCP, 49152, 65535, "Keeper relay media (WebRTC)"),
                new Endpoint(relay, Endpoint.Protocol.UDP, 49152, 65535, "Keeper relay media (WebRTC)"));
    }

    private static String serviceBase(String host) {
        String h = hostOf(host);
        return h.startsWith(GOVCLOUD_PREFIX) ? h.substring(GOVCLOUD_PREFIX.length()) : h;
    }
}
