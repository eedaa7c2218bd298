package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.spec.Problem;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state and rules of one wizard step, without any control, so it can be tested without a stage. Its
 * {@link #messages()} are the spec's problems for the step's fields followed by the step's own (e.g. "subnet used by
 * a VM"); {@link #valid()} says whether Next may be pressed.
 */
public abstract class StepViewModel {
    protected final WizardModel model;
    private final List<String> fields;
    private final ObservableList<Problem> messages = FXCollections.observableArrayList();
    /** Problems found by the step itself, beyond the spec's rules. */
    protected final ObservableList<Problem> own = FXCollections.observableArrayList();
    /** True while the step waits on Azure (a spinner shows). */
    public final BooleanProperty busy = new SimpleBooleanProperty();
    /** The last failure of a call to Azure, in plain words; empty when none. */
    public final StringProperty error = new SimpleStringProperty("");
    private BooleanBinding valid;

    protected StepViewModel(WizardModel model, String... fields) {
        this.model = model;
        this.fields = List.of(fields);
        model.problems().addListener((javafx.collections.ListChangeListener<Problem>) c -> refreshMessages());
        own.addListener((javafx.collections.ListChangeListener<Problem>) c -> refreshMessages());
        refreshMessages();
    }

    /** Stable id, used in node ids and the text keys ({@code step.<id>.title}). */
    public abstract String id();

    /** The spec fields this step edits. */
    public List<String> fields() {
        return fields;
    }

    private void refreshMessages() {
        List<Problem> all = new ArrayList<>(model.problems(fields));
        all.addAll(own);
        messages.setAll(all);
    }

    /** The spec's problems for this step's fields, then the step's own. */
    public ObservableList<Problem> messages() {
        return messages;
    }

    /** Messages about one field. */
    public List<Problem> messagesFor(String field) {
        return messages.stream().filter(p -> p.field().equals(field)).toList();
    }

    public boolean hasErrors() {
        return Problem.anyError(messages);
    }

    /** Whether Next may be pressed; subclasses add their conditions in {@link #extraValid()}. */
    public final BooleanBinding valid() {
        if (valid == null) {
            BooleanBinding extra = extraValid();
            BooleanBinding noErrors = Bindings.createBooleanBinding(() -> !hasErrors(), messages);
            valid = extra == null ? noErrors : noErrors.and(extra);
        }
        return valid;
    }

    protected BooleanBinding extraValid() {
        return null;
    }

    /** Called each time the step is shown: load what it needs. */
    public void entered() {
    }
}
