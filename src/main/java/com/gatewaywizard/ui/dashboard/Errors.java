package com.gatewaywizard.ui.dashboard;

/** A failure in plain words for a notification: never a stack trace. */
final class Errors {
    private Errors() {
    }

    /** Azure's failures explained by the azure layer (title: what happened — next step). */
    static String plain(Throwable e) {
        if (e == null) {
            return "";
        }
        if (!(e instanceof IllegalStateException)) {
            try {
                return com.gatewaywizard.azure.AzureProblems.explain(e).oneLine();
            } catch (RuntimeException ignored) {
                // fall back to the message chain
            }
        }
        return chain(e);
    }

    private static String chain(Throwable e) {
        Throwable x = e;
        while ((x instanceof java.util.concurrent.ExecutionException || x instanceof java.util.concurrent.CompletionException
                || x.getMessage() == null || x.getMessage().isBlank()) && x.getCause() != null) {
            x = x.getCause();
        }
        String m = x.getMessage();
        return m == null || m.isBlank() ? x.getClass().getSimpleName() : m;
    }
}
