package com.gatewaywizard.cli;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.SignInRequest;
import java.lang.reflect.InvocationTargetException;

/**
 * The CLI's door to the Azure layer's entry points ({@code Azure.connect}, {@code AzureProblems}).
 * TEMPORARY: bound by name until the implementation lands on main; then these become direct calls.
 */
final class AzureLayer {
    private AzureLayer() {
    }

    static AzureServices connect(SignInRequest request) throws Exception {
        return (AzureServices) call("com.gatewaywizard.azure.Azure", "connect", SignInRequest.class, request);
    }

    static Explanation explain(Throwable t) {
        try {
            return (Explanation) call("com.gatewaywizard.azure.AzureProblems", "explain", Throwable.class, t);
        } catch (Exception e) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            return new Explanation(t.getClass().getSimpleName(), "The operation failed", m, "");
        }
    }

    static Explanation explainEvent(EventInfo event) {
        try {
            return (Explanation) call("com.gatewaywizard.azure.AzureProblems", "explainEvent", EventInfo.class, event);
        } catch (Exception e) {
            return new Explanation(event.name(), event.name(), event.message(), "");
        }
    }

    private static Object call(String cls, String method, Class<?> type, Object arg) throws Exception {
        try {
            return Class.forName(cls).getMethod(method, type).invoke(null, arg);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }
}
