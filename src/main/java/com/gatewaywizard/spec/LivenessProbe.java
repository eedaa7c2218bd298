package com.gatewaywizard.spec;

import java.util.Locale;
import java.util.Optional;

/** Which liveness probe the container group gets. */
public enum LivenessProbe {
    /** No probe (the seed's default manifest). */
    NONE("none"),
    /** The seed's {@code httpGet /health} on port 443. */
    HTTP("http"),
    /** {@code exec: keeper-gateway health-check} with {@code KEEPER_GATEWAY_HEALTH_CHECK_ENABLED=true}. */
    EXEC("exec");

    private final String cliName;

    LivenessProbe(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<LivenessProbe> fromCliName(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (LivenessProbe p : values()) {
            if (p.cliName.equals(k)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
