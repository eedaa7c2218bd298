package com.gatewaywizard.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start an {@link ArmSimulator}. Immutable; each {@code with…} returns a copy.
 *
 * @param port        TCP port on 127.0.0.1; 0 picks any free port
 * @param scenario    faults to inject (switchable later through the admin endpoint)
 * @param speed       time scale: 1 is the demo pace (Running about 3 s after a create), 0 is instant, 20 is 20x faster
 * @param stateFile   where the world is loaded from and saved to on every change (atomically), or null for memory only
 * @param tls         serve HTTPS with a generated certificate instead of plain HTTP
 * @param tlsDir      where the generated CA and server key are kept and reused; null means the app's data folder
 * @param clock       the time source (tests pass a {@link ManualClock})
 * @param configCheck decides whether a deployed GATEWAY_CONFIG is well-formed
 * @param tokenLifetime how long an access token from the simulator's token endpoint is valid, on {@code clock}
 *                    (Azure's tokens last about an hour); an ARM request with an expired one gets ARM's 401
 *                    {@code ExpiredAuthenticationToken}
 */
public record SimulatorOptions(int port, Scenario scenario, double speed, Path stateFile, boolean tls, Path tlsDir,
        Clock clock, GatewayConfigCheck configCheck, Duration tokenLifetime) {

    /** Azure's usual access token lifetime. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    public SimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        Objects.requireNonNull(scenario, "scenario");
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0: " + speed);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(configCheck, "configCheck");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("tokenLifetime must be at least 1 s: " + tokenLifetime);
        }
    }

    /** Any free port, default scenario, demo speed, in memory, plain HTTP, system clock, Keeper's config rules. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, Scenario.DEFAULT, 1.0, null, false, null, Clock.systemUTC(), new KeeperConfigCheck(),
                DEFAULT_TOKEN_LIFETIME);
    }

    /** Zero delays: for tests and benchmarks. */
    public static SimulatorOptions instant() {
        return defaults().withSpeed(0);
    }

    public SimulatorOptions withPort(int p) {
        return new SimulatorOptions(p, scenario, speed, stateFile, tls, tlsDir, clock, configCheck, tokenLifetime);
    }

    public SimulatorOptions withScenario(Scenario s) {
        return new SimulatorOptions(port, s, speed, stateFile, tls, tlsDir, clock, configCheck, tokenLifetime);
    }

    public SimulatorOptions withSpeed(double s) {
        return new SimulatorOptions(port, scenario, s, stateFile, tls, tlsDir, clock, configCheck, tokenLifetime);
    }

    public SimulatorOptions withStateFile(Path f) {
        return new SimulatorOptions(port, scenario, speed, f, tls, tlsDir, clock, configCheck, tokenLifetime);
    }

    public SimulatorOptions withTls(boolean t) {
        return new SimulatorOptions(port, scenario, speed, stateFile, t, tlsDir, clock, configCheck, tokenLifetime);
    }

    public SimulatorOptions withTlsDir(Path d) {
        return new SimulatorOptions(port, scenario, speed, stateFile, tls, d, clock, configCheck, tokenLifetime);
    }

    public SimulatorOptions withClock(Clock c) {
        return new SimulatorOptions(port, scenario, speed, stateFile, tls, tlsDir, c, configCheck, tokenLifetime);
    }

    public SimulatorOptions withConfigCheck(GatewayConfigCheck c) {
        return new SimulatorOptions(port, scenario, speed, stateFile, tls, tlsDir, clock, c, tokenLifetime);
    }

    /** Access tokens valid this long (seconds granularity): a short one makes clients renew during a long session. */
    public SimulatorOptions withTokenLifetime(Duration d) {
        return new SimulatorOptions(port, scenario, speed, stateFile, tls, tlsDir, clock, configCheck, d);
    }
}
