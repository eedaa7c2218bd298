package com.gatewaywizard.azure;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of one session: HTTP retries, long-running-operation polling and the deployer's patience. The defaults
 * suit real Azure; tests and the instant simulator use {@link #fast()}.
 *
 * @param pollInitial       first wait between polls of a long-running operation (the SDK's default is 30 s)
 * @param pollMax           the back-off never waits longer than this between polls
 * @param retries           HTTP retries of a failed request (408, 429, 5xx, I/O errors), honouring Retry-After
 * @param retryBase         first back-off of an HTTP retry
 * @param retryMax          longest back-off of an HTTP retry
 * @param settle            how long the deployer keeps watching a Running gateway for a crash loop before it
 *                          calls the deployment done
 * @param pullFailuresStuck failed image pulls (Docker Hub 429 and the like) after which a deployment counts as stuck
 * @param deployTimeout     a deployment that has not reached Running by then fails (ACI itself gives up after 30 min)
 * @param waitTimeout       longest wait for a subnet update or a provider registration
 * @param responseTimeout   longest wait for the answer to one HTTP request (until its headers arrive, and then
 *                          between two reads of its body); a request that hits it is tried once more at most, so a
 *                          hung server ends in "Azure took too long" after about twice this
 */
public record AzureTuning(Duration pollInitial, Duration pollMax, int retries, Duration retryBase, Duration retryMax,
        Duration settle, int pullFailuresStuck, Duration deployTimeout, Duration waitTimeout, Duration responseTimeout) {

    /** The response timeout of real Azure: ARM answers in seconds; a minute of silence is a hung connection. */
    public static final Duration AZURE_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    /** Without a response timeout: Azure's ({@link #AZURE_RESPONSE_TIMEOUT}). */
    public AzureTuning(Duration pollInitial, Duration pollMax, int retries, Duration retryBase, Duration retryMax,
            Duration settle, int pullFailuresStuck, Duration deployTimeout, Duration waitTimeout) {
        this(pollInitial, pollMax, retries, retryBase, retryMax, settle, pullFailuresStuck, deployTimeout, waitTimeout,
                AZURE_RESPONSE_TIMEOUT);
    }

    public AzureTuning {
        Objects.requireNonNull(pollInitial, "pollInitial");
        Objects.requireNonNull(pollMax, "pollMax");
        Objects.requireNonNull(retryBase, "retryBase");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(deployTimeout, "deployTimeout");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive: " + responseTimeout);
        }
        if (retries < 0 || pullFailuresStuck < 1) {
            throw new IllegalArgumentException("retries must be >= 0 and pullFailuresStuck >= 1");
        }
    }

    /** Real Azure: polls from 1 s backing off to 5 s, 4 retries from 0.8 s to 8 s, 10 s of settling, 30 s per answer. */
    public static AzureTuning defaults() {
        return new AzureTuning(Duration.ofSeconds(1), Duration.ofSeconds(5), 4, Duration.ofMillis(800), Duration.ofSeconds(8),
                Duration.ofSeconds(10), 6, Duration.ofMinutes(30), Duration.ofMinutes(5), AZURE_RESPONSE_TIMEOUT);
    }

    /** The simulator at demo pace: quick polls, 2 s of settling (a bad config crashes 1.5 s after start there). */
    public static AzureTuning simulator() {
        return new AzureTuning(Duration.ofMillis(100), Duration.ofMillis(500), 4, Duration.ofMillis(50), Duration.ofMillis(500),
                Duration.ofSeconds(2), 6, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(15));
    }

    /** Tests against the instant simulator. */
    public static AzureTuning fast() {
        return new AzureTuning(Duration.ofMillis(10), Duration.ofMillis(40), 4, Duration.ofMillis(10), Duration.ofMillis(100),
                Duration.ofMillis(250), 6, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    public AzureTuning withSettle(Duration d) {
        return new AzureTuning(pollInitial, pollMax, retries, retryBase, retryMax, d, pullFailuresStuck, deployTimeout, waitTimeout,
                responseTimeout);
    }

    public AzureTuning withDeployTimeout(Duration d) {
        return new AzureTuning(pollInitial, pollMax, retries, retryBase, retryMax, settle, pullFailuresStuck, d, waitTimeout,
                responseTimeout);
    }

    public AzureTuning withResponseTimeout(Duration d) {
        return new AzureTuning(pollInitial, pollMax, retries, retryBase, retryMax, settle, pullFailuresStuck, deployTimeout, waitTimeout, d);
    }

    /** The wait after {@code current}: 1.5 times longer, at most {@link #pollMax}. */
    Duration next(Duration current) {
        Duration n = Duration.ofMillis(Math.max(1, (long) (current.toMillis() * 1.5)));
        return n.compareTo(pollMax) > 0 ? pollMax : n;
    }
}
