package com.gatewaywizard.ui;

/** Moves the one main window between its views. Implemented by the main window; call on the FX thread. */
public interface Navigator {
    void showStart();

    /** Opens the wizard: empty, or filled from an imported manifest/draft by the caller beforehand. */
    void showWizard();

    void showDashboard(DashboardScope scope);

    /**
     * Opens the sign-in form (the wizard's Sign-in step) and, once someone is signed in, the dashboard on
     * {@code returnTo} again. By default only the wizard opens.
     */
    default void showSignIn(DashboardScope returnTo) {
        showWizard();
    }
}
