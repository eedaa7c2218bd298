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
    private final ObservableList<Problem> all = FXCollections.observableArrayList();
    /**
     * Whether the user has worked on this step (left one of its fields or pressed Next). Until then "X is empty"
     * errors are not shown (Next stays disabled all the same): a fresh step should not greet the user in red.
     */
    public final BooleanProperty touched = new SimpleBooleanProperty();

    protected StepViewModel(WizardModel model, String... fields) {
        this.model = model;
        this.fields = List.of(fields);
        model.problems().addListener((javafx.collections.ListChangeListener<Problem>) c -> refreshMessages());
        own.addListener((javafx.collections.ListChangeListener<Problem>) c -> refreshMessages());
        touched.addListener((o, a, b) -> refreshMessages());
        refreshMessages();
    }

    /** Stable id, used in node ids and the text keys ({@code step.<id>.title}). */
    public abstract String id();

    /** The spec fields this step edits. */
    public List<String> fields() {
        return fields;
    }

    private void refreshMessages() {
        List<Problem> every = new ArrayList<>(model.problems(fields).stream().map(this::worded).toList());
        every.addAll(own);
        all.setAll(every);
        messages.setAll(touched.get() ? every : every.stream().filter(p -> !isRequiredMissing(p)).toList());
        String why = messages.stream().anyMatch(Problem::isError) ? "" // the step already shows its reason
                : every.stream().filter(StepViewModel::isRequiredMissing).findFirst().map(StepViewModel::toContinue).orElse("");
        if (!why.equals(nextBlockedBy.get())) {
            nextBlockedBy.set(why);
        }
    }

    /**
     * Why Next is off while the step shows no error (a fresh step hides its "X is empty" errors): what to do to
     * continue, e.g. "Choose a subscription to continue"; empty when nothing is missing or the reason is on screen.
     */
    public final javafx.beans.property.ReadOnlyStringProperty nextBlockedByProperty() {
        return nextBlockedBy.getReadOnlyProperty();
    }

    private final javafx.beans.property.ReadOnlyStringWrapper nextBlockedBy = new javafx.beans.property.ReadOnlyStringWrapper("");

    private static String toContinue(Problem p) {
        String key = "wizard.continue." + p.field();
        return com.gatewaywizard.ui.Texts.bundle().containsKey(key) ? com.gatewaywizard.ui.Texts.get(key) : p.message();
    }

    /** A spec problem worded for this step (the spec's texts are written for any place they show). */
    protected Problem worded(Problem p) {
        return p;
    }

    /** An "X is empty" error: shown only once the user has {@link #touched} the step. */
    static boolean isRequiredMissing(Problem p) {
        return p.isError() && p.code().endsWith("_REQUIRED");
    }

    /** The spec's problems for this step's fields, then the step's own; "is empty" errors only once {@link #touched}. */
    public ObservableList<Problem> messages() {
        return messages;
    }

    /** Messages about one field. */
    public List<Problem> messagesFor(String field) {
        return messages.stream().filter(p -> p.field().equals(field)).toList();
    }

    public boolean hasErrors() {
        return Problem.anyError(all);
    }

    /** Whether Next may be pressed; subclasses add their conditions in {@link #extraValid()}. */
    public final BooleanBinding valid() {
        if (valid == null) {
            BooleanBinding extra = extraValid();
            BooleanBinding noErrors = Bindings.createBooleanBinding(() -> !hasErrors(), all);
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
