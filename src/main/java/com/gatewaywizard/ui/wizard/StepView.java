package com.gatewaywizard.ui.wizard;

import javafx.scene.Node;

/** The controls of one step, bound to its {@link StepViewModel}. */
public interface StepView {
    Node root();

    /** Where the focus goes when the step is shown. */
    Node firstField();
}
