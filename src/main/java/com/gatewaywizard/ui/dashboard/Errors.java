package com.gatewaywizard.ui.dashboard;

/** A failure in plain words for a notification: never a stack trace. */
final class Errors {
    private Errors() {
    }

    static String plain(Throwable e) {
        if (e == null) {
            return "";
        }
        Throwable x = e;
        while ((x instanceof java.util.concurrent.ExecutionException || x instanceof java.util.concurrent.CompletionException
                || x.getMessage() == null || x.getMessage().isBlank()) && x.getCause() != null) {
            x = x.getCause();
        }
        String m = x.getMessage();
        return m == null || m.isBlank() ? x.getClass().getSimpleName() : m;
    }
}
