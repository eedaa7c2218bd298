package com.gatewaywizard.ui;

import com.gatewaywizard.azure.Explanation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;

/**
 * Turns a failure of a background call into plain words for the UI, never a stack trace: the Azure layer's
 * {@code AzureProblems.explain} when it is present, else the exception's own message.
 */
public final class Explain {
    private static final Method AZURE_PROBLEMS = find();
    private static final Method AZURE_EVENT = findEvent();

    private Explain() {
    }

    private static Method find() {
        try {
            return Class.forName("com.gatewaywizard.azure.AzureProblems").getMethod("explain", Throwable.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static Method findEvent() {
        try {
            return Class.forName("com.gatewaywizard.azure.AzureProblems").getMethod("explainEvent", com.gatewaywizard.azure.EventInfo.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * The plain explanation of a container event ("Failed: Failed to pull image … 429 …"), or null when the event
     * is routine or not understood.
     */
    public static Explanation event(String name, String message) {
        if (AZURE_EVENT == null || name == null) {
            return null;
        }
        try {
            Object x = AZURE_EVENT.invoke(null, new com.gatewaywizard.azure.EventInfo(com.gatewaywizard.spec.GatewaySpec.CONTAINER_NAME,
                    "Warning", name, message, 1, null, null));
            return x instanceof Explanation ex ? ex : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    public static Explanation of(Throwable e) {
        Throwable t = e;
        while ((t instanceof InvocationTargetException || t instanceof java.util.concurrent.ExecutionException
                || (t instanceof RuntimeException && t.getClass() == RuntimeException.class)) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException || t instanceof InterruptedException) {
            return new Explanation("Cancelled", Texts.get("error.cancelled"), "", "");
        }
        if (AZURE_PROBLEMS != null) {
            try {
                Object x = AZURE_PROBLEMS.invoke(null, t);
                if (x instanceof Explanation ex) {
                    return ex;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // fall back below
            }
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new Explanation(t.getClass().getSimpleName(), Texts.get("error.title"), msg, Texts.get("error.next"));
    }

    /** One line: title, message and next step. */
    public static String line(Throwable e) {
        return of(e).oneLine();
    }
}
