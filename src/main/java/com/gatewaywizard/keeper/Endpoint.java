package com.gatewaywizard.keeper;

import java.util.List;
import java.util.Objects;

/**
 * One outbound destination a gateway needs: host, protocol and a port or port range.
 *
 * @param host     fully qualified host name (use FQDNs in firewall rules, not IPs)
 * @param protocol TCP or UDP
 * @param portFrom first port
 * @param portTo   last port (equal to {@code portFrom} for a single port)
 * @param purpose  what the gateway uses it for
 */
public record Endpoint(String host, Protocol protocol, int portFrom, int portTo, String purpose) {

    /** Transport protocol. */
    public enum Protocol { TCP, UDP }

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(protocol, "protocol");
        purpose = purpose == null ? "" : purpose;
        if (portFrom < 1 || portTo > 65535 || portFrom > portTo) {
            throw new IllegalArgumentException("ports must satisfy 1 <= from <= to <= 65535");
        }
    }

    /** {@code 443} or {@code 49152-65535}. */
    public String ports() {
        return portFrom == portTo ? Integer.toString(portFrom) : portFrom + "-" + portTo;
    }

    /** Whether {@code port} is in this endpoint's range. */
    public boolean covers(int port) {
        return port >= portFrom && port <= portTo;
    }

    /** One line, e.g. {@code krelay.keepersecurity.com UDP 49152-65535 (Keeper relay media (WebRTC))}. */
    public String display() {
        return host + " " + protocol + " " + ports() + (purpose.isEmpty() ? "" : " (" + purpose + ")");
    }

    /**
     * A plain-text table of endpoints with a header row, columns aligned with spaces, lines ending in {@code \n}:
     * ready to copy into a firewall request.
     */
    public static String table(List<Endpoint> endpoints) {
        String[] header = {"Destination", "Protocol", "Ports", "Purpose"};
        int[] w = {header[0].length(), header[1].length(), header[2].length()};
        for (Endpoint e : endpoints) {
            w[0] = Math.max(w[0], e.host.length());
            w[1] = Math.max(w[1], e.protocol.name().length());
            w[2] = Math.max(w[2], e.ports().length());
        }
        StringBuilder sb = new StringBuilder();
        row(sb, w, header[0], header[1], header[2], header[3]);
        row(sb, w, "-".repeat(w[0]), "-".repeat(w[1]), "-".repeat(w[2]), "-".repeat(header[3].length()));
        for (Endpoint e : endpoints) {
            row(sb, w, e.host, e.protocol.name(), e.ports(), e.purpose);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, int[] w, String a, String b, String c, String d) {
        sb.append(pad(a, w[0])).append("  ").append(pad(b, w[1])).append("  ").append(pad(c, w[2])).append("  ").append(d);
        while (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
        sb.append('\n');
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
