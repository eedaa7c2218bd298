package com.gatewaywizard.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Faults the simulator injects, chosen at start ({@code --scenario NAME}) or switched at runtime
 * ({@code POST /_simulator/scenario}). Every fault is deterministic so tests that rely on it are stable.
 */
public enum Scenario {
    /** Everything works; Docker Hub without credentials is still rate limited, as on Azure. */
    DEFAULT("default", "everything works (anonymous Docker Hub pulls are still rate limited, as on Azure)"),
    /** Provisioning takes minutes: every provisioning step is 60 times longer. */
    SLOW("slow", "provisioning takes minutes (every provisioning step 60x longer)"),
    /** Image pulls fail with Docker Hub's 429 for the first {@value #DOCKER_FAILED_PULLS} tries, even with credentials. */
    DOCKER_RATE_LIMIT("docker-rate-limit", "image pulls fail with Docker Hub's 429 for the first 3 tries, then succeed"),
    /** Every third ARM request answers 429 {@code SubscriptionRequestsThrottled} with {@code Retry-After: 1}. */
    ARM_THROTTLE("arm-throttle", "every 3rd ARM request answers 429 with Retry-After: 1"),
    /** A fixed, seeded pattern of ARM requests answers 500 or has its connection dropped (never 3 in a row). */
    FLAKY("flaky", "a fixed seeded pattern of requests answers 500 or drops the connection"),
    /** No StandardCores left in westeurope: every subscription already uses 10 of 10 there. */
    QUOTA("quota", "no cores left in westeurope (10 of 10 StandardCores in use)");

    /** Failed pulls before a pull succeeds in {@link #DOCKER_RATE_LIMIT}. */
    public static final int DOCKER_FAILED_PULLS = 3;
    /** In {@link #ARM_THROTTLE}, request n (1-based) is throttled when {@code n % THROTTLE_EVERY == 1}. */
    public static final int THROTTLE_EVERY = 3;
    /** Slow-down factor of provisioning steps in {@link #SLOW}. */
    public static final int SLOW_FACTOR = 60;

    private final String cliName;
    private final String description;

    Scenario(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    /** The name used on the command line and by the admin endpoint, e.g. {@code docker-rate-limit}. */
    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    /** Parses a scenario name: the CLI name or the enum name, case-insensitive. */
    public static Optional<Scenario> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.cliName.equals(n)).findFirst();
    }

    /** All names, comma-separated, for usage text and error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", "));
    }
}
