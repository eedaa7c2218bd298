package com.gatewaywizard.azure;

import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Polling with our own short interval and back-off (the SDK would wait 30 s between polls of an ACI or network
 * operation). Every wait stops with a {@link CancellationException} when the thread is interrupted; the interrupt
 * flag is then set again.
 */
final class Polling {

    private Polling() {
    }

    /** Sleeps; an interrupt becomes a {@link CancellationException}. */
    static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        }
    }

    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * Polls {@code poller} (whose first request has been sent) until it ends, backing off from
     * {@link AzureTuning#pollInitial()}; Retry-After of a poll response wins when it is longer. Returns the final
     * result, or throws a {@link ManagementException} carrying the operation's ARM error when it failed.
     */
    static <T, U> U await(SyncPoller<PollResult<T>, U> poller, AzureTuning tuning) {
        Duration wait = tuning.pollInitial();
        long deadline = System.nanoTime() + tuning.waitTimeout().toNanos();
        while (true) {
            checkInterrupted();
            PollResponse<PollResult<T>> r = poller.poll();
            LongRunningOperationStatus s = r.getStatus();
            if (s == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                return poller.getFinalResult();
            }
            if (s.isComplete()) {
                throw failure(r);
            }
            if (System.nanoTime() > deadline) {
                throw new WaitTimeoutException("Azure has not finished the operation after " + tuning.waitTimeout().toSeconds() + " s");
            }
            Duration d = wait;
            if (r.getRetryAfter() != null && r.getRetryAfter().compareTo(d) > 0 && r.getRetryAfter().compareTo(tuning.pollMax()) <= 0) {
                d = r.getRetryAfter();
            }
            sleep(d);
            wait = tuning.next(wait);
        }
    }

    /** Waits until {@code done} is true, polling with back-off. */
    static void until(BooleanSupplier done, AzureTuning tuning, String what) {
        Duration wait = tuning.pollInitial();
        long deadline = System.nanoTime() + tuning.waitTimeout().toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new WaitTimeoutException(what + " did not finish within " + tuning.waitTimeout().toSeconds() + " s");
            }
            sleep(wait);
            wait = tuning.next(wait);
        }
    }

    /** The ARM error of a failed or cancelled operation as a ManagementException (code and message only). */
    static ManagementException failure(PollResponse<? extends PollResult<?>> r) {
        String code = r.getStatus() == LongRunningOperationStatus.USER_CANCELLED ? "Canceled" : "Failed";
        String message = "The operation " + r.getStatus() + ".";
        PollResult<?> v = r.getValue();
        if (v != null && v.getError() != null) {
            PollResult.Error e = v.getError();
            if (e.getMessage() != null && !e.getMessage().isBlank()) {
                message = e.getMessage();
            }
            JsonNode err = errorNode(e.getResponseBody());
            if (err != null) {
                code = err.path("code").asText(code);
                message = err.path("message").asText(message);
            }
        }
        return new ManagementException(code + ": " + message, null, new ManagementError(code, message));
    }

    /** The {@code error} object of an ARM body, or null. */
    static JsonNode errorNode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            JsonNode e = n.path("error");
            return e.isObject() ? e : null;
        } catch (Exception ex) {
            return null;
        }
    }

    /** A wait that took too long. */
    static final class WaitTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WaitTimeoutException(String message) {
            super(message);
        }
    }

    /** Built on the first failed operation, not on every wait (a cold ObjectMapper costs a CLI command ~30 ms). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
