package com.gatewaywizard.keeper;

import com.gatewaywizard.spec.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded, checked Keeper Gateway configuration: the {@code GATEWAY_CONFIG} value that
 * {@code pam gateway new -n NAME -a APP -c b64} prints (reference/keeper.md §1).
 *
 * <p>The config is a long-lived credential: anyone holding it can read every record shared to the Secrets Manager
 * application. This class therefore keeps the value only as a {@link Secret}, exposes only what is not secret
 * (the Keeper host and region) in clear, and its {@link #toString()} masks everything else. Obtain one with
 * {@link #decode(String)}.
 */
public final class GatewayConfig {
    private final String hostname;
    private final KeeperRegion region;
    private final String serverPublicKeyId;
    private final boolean hasAppOwnerPublicKey;
    private final Secret value;

    GatewayConfig(String hostname, KeeperRegion region, String serverPublicKeyId, boolean hasAppOwnerPublicKey, Secret value) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.region = region;
        this.serverPublicKeyId = Objects.requireNonNull(serverPublicKeyId, "serverPublicKeyId");
        this.hasAppOwnerPublicKey = hasAppOwnerPublicKey;
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * Decodes and checks a pasted config. Never throws and never puts the config or its secret values into a
     * problem, exception or {@code toString()}. See {@link ConfigDecoder} for every rule.
     *
     * @param raw what the user pasted: the base64 string, possibly wrapped, coloured, between Commander's dashed
     *            lines, quoted or as {@code GATEWAY_CONFIG=…}; or the JSON form
     */
    public static DecodeResult decode(String raw) {
        return ConfigDecoder.decode(raw);
    }

    /** The Keeper Cloud host the config talks to, e.g. {@code keepersecurity.eu} (region codes and URLs resolved). */
    public String hostname() {
        return hostname;
    }

    /** Keeper's public region of {@link #hostname()}; empty for a custom host. */
    public Optional<KeeperRegion> region() {
        return Optional.ofNullable(region);
    }

    /** Id of Keeper's transmission key the client uses (a decimal string). Not shown by {@link #toString()}. */
    public String serverPublicKeyId() {
        return serverPublicKeyId;
    }

    /** Whether the optional {@code appOwnerPublicKey} is present (needs a recent SDK in the gateway). */
    public boolean hasAppOwnerPublicKey() {
        return hasAppOwnerPublicKey;
    }

    /** The config as the container gets it: canonical standard base64, one line. */
    public Secret value() {
        return value;
    }

    /** The outbound endpoints a gateway using this config must reach (its region's, or derived from a custom host). */
    public List<Endpoint> endpoints() {
        return region != null ? region.endpoints() : KeeperRegion.endpointsFor(hostname);
    }

    /** For the UI: {@code Europe (keepersecurity.eu)} or {@code custom host my.keeper.example}. */
    public String regionLabel() {
        return region != null ? region.displayName() + " (" + hostname + ")" : "custom host " + hostname;
    }

    @Override
    public String toString() {
        return "GatewayConfig[hostname=" + hostname + ", region=" + (region == null ? "custom" : region.name())
                + ", serverPublicKeyId=hidden, value=" + value + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayConfig other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
