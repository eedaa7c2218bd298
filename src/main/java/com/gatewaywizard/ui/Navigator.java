package com.gatewaywizard.ui;

/** Moves the one main window between its views. Implemented by the main window; call on the FX thread. */
public interface Navigator {
    void showStart();

    /** Opens the wizard: empty, or filled from an imported manifest/draft by the caller beforehand. */
    void showWizard();

    void showDashboard(DashboardScope scope);
}
