package com.gatewaywizard.ui;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.spec.GatewaySpec;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failure of a background call into plain words for the UI, never a stack trace: the Azure layer's
 * {@link AzureProblems}, after unwrapping the task's wrappers; a cancel is just "Cancelled".
 */
public final class Explain {
    private Explain() {
    }

    public static Explanation of(Throwable e) {
        Throwable t = e;
        while ((t instanceof InvocationTargetException || t instanceof ExecutionException
                || (t instanceof RuntimeException && t.getClass() == RuntimeException.class)) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException || t instanceof InterruptedException) {
            return new Explanation("Cancelled", Texts.get("error.cancelled"), "", "");
        }
        Explanation x = AzureProblems.explain(t);
        if (x != null) {
            return x;
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new Explanation(t.getClass().getSimpleName(), Texts.get("error.title"), msg, Texts.get("error.next"));
    }

    /** One line: title, message and next step. */
    public static String line(Throwable e) {
        return of(e).oneLine();
    }

    /**
     * {@link #line} for a failed sign-in to the simulator at {@code address} (blank: the built-in one, explained as
     * usual): nothing answering there, or its certificate not trusted, is said with the "Simulator address" field
     * and what to do.
     */
    public static String simulatorLine(Throwable e, String address) {
        if (address == null || address.isBlank()) {
            return line(e);
        }
        Explanation x = of(e);
        String at = address.strip();
        try {
            at = com.gatewaywizard.azure.SimulatorAddress.parse(address).toString();
        } catch (IllegalArgumentException bad) {
            // the form checks the address first; keep it as typed
        }
        if (AzureProblems.NETWORK.equals(x.code()) || AzureProblems.TIMEOUT.equals(x.code())) {
            return Texts.get("signin.simulator.unreachable", at);
        }
        if (AzureProblems.SIMULATOR_SERVES_HTTP.equals(x.code())
                || (AzureProblems.TLS_UNTRUSTED.equals(x.code()) && AzureProblems.handshakeClosedByPeer(e))) {
            return Texts.get("signin.simulator.servesHttp", at, at.replaceFirst("^https://", "http://"));
        }
        if (AzureProblems.TLS_UNTRUSTED.equals(x.code())) {
            return Texts.get("signin.simulator.untrusted", at, com.gatewaywizard.AppInfo.dataDir().resolve("simulator-tls"));
        }
        return x.oneLine();
    }

    /**
     * The plain explanation of a warning container event ("Failed: Failed to pull image … 429 …"), or null when it
     * is not understood beyond its raw text.
     */
    public static Explanation event(String name, String message) {
        if (name == null) {
            return null;
        }
        return AzureProblems.explainEvent(new EventInfo(GatewaySpec.CONTAINER_NAME, "Warning", name, message, 1, null, null));
    }
}
