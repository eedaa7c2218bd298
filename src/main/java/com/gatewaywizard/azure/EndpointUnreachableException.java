package com.gatewaywizard.azure;

import java.io.IOException;
import java.net.URI;

/**
 * A request that never got an answer (refused, dropped, name not resolved), with the endpoint it was sent to, so the
 * explanation can name it: {@code scheme://host[:port]} only, never the path or query. {@link #simulator()} says the
 * endpoint is a simulator's, which the user starts themselves.
 */
public final class EndpointUnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final boolean simulator;

    public EndpointUnreachableException(String endpoint, boolean simulator, Throwable cause) {
        super("no answer from " + endpoint, cause);
        this.endpoint = endpoint;
        this.simulator = simulator;
    }

    /** {@code scheme://host[:port]} of a URL; the URL as it is when it has no host. */
    public static String origin(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                return url;
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public boolean simulator() {
        return simulator;
    }
}
