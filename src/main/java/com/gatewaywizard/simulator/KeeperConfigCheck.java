package com.gatewaywizard.simulator;

import com.gatewaywizard.keeper.DecodeResult;
import com.gatewaywizard.keeper.GatewayConfig;
import com.gatewaywizard.spec.Problem;

/**
 * The simulator's default {@link GatewayConfigCheck}: the product's own rules ({@link GatewayConfig#decode}), read
 * the way the gateway reads its environment variable. The decoder forgives what a paste adds (wrapping, colour codes,
 * quotes) because the wizard cleans the value before it deploys it; the gateway gets the variable as it is, so a
 * deployed value that is not exactly the clean config (or JSON, which the gateway also accepts) does not load.
 */
public final class KeeperConfigCheck implements GatewayConfigCheck {

    @Override
    public Verdict check(String value) {
        if (value == null || value.isEmpty()) {
            return Verdict.malformed("GATEWAY_CONFIG is empty");
        }
        DecodeResult result = GatewayConfig.decode(value);
        if (result.config().isEmpty()) {
            String problem = result.problems().stream().filter(Problem::isError).map(Problem::message).findFirst()
                    .orElse("the value is not a gateway configuration");
            return Verdict.malformed(problem);
        }
        GatewayConfig config = result.config().get();
        boolean json = value.strip().startsWith("{");
        if (!json && !config.value().reveal().equals(value)) {
            return Verdict.malformed("Failed to decode base64 data: the value holds characters besides the base64 config "
                    + "(line breaks, spaces, quotes or colour codes from a copy and paste)");
        }
        return Verdict.ok(config.hostname());
    }
}
