package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Severity;
import com.gatewaywizard.ui.Texts;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.util.Duration;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.tools.ValueExtractor;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * ControlsFX validation decorations on the wizard's fields. The view-model stays the source of truth: each
 * field's {@link ValidationSupport} has one validator that only reads the problems the view-model already found
 * for that field (no rule lives here), and it is re-run whenever those problems change. An error or a warning
 * shows a small icon on the field's corner whose tooltip (and accessible text) names the field, says what is
 * wrong and gives the fix; the inline problem list of the step stays for keyboard and screen-reader users.
 *
 * <p>Modules: the app runs on the class path; in the packaged app JavaFX is a set of named modules in the jlinked
 * runtime, which opens none of its packages to ControlsFX. {@link GraphicDecoration} adds its icon to the control's
 * skin children (public API), but to a control <em>without</em> a skin only through reflection on
 * {@code javafx.scene.Parent#getChildren}, which needs {@code --add-opens javafx.graphics/javafx.scene} there (and
 * a skin installed later may drop the icon). So an icon is never applied before the control has its skin: the
 * decoration waits for it, and no {@code --add-opens}/{@code --add-exports} is needed on either path.
 */
final class FieldDecorations {
    /** The style class of a decoration's icon (plus {@code -error} / {@code -warning}). */
    static final String STYLE = "field-decoration";

    static {
        // ControlsFX has no value extractor for trees; the subscription tree is validated on its selection.
        ValueExtractor.addObservableValueExtractor(c -> c instanceof TreeView,
                c -> ((TreeView<?>) c).getSelectionModel().selectedItemProperty());
    }

    private FieldDecorations() {
    }

    /** Decorates {@code control} with the step's problems about {@code field}. */
    static ValidationSupport attach(Control control, StepViewModel vm, String field) {
        return attach(control, field, () -> vm.messagesFor(field), vm.messages());
    }

    /**
     * Decorates {@code control} with {@code problems} (found by a view-model), re-read whenever one of
     * {@code triggers} changes or the control's value does.
     */
    static ValidationSupport attach(Control control, String field, Supplier<List<Problem>> problems, Observable... triggers) {
        ValidationSupport support = new ValidationSupport();
        support.setValidationDecorator(new Icons());
        support.registerValidator(control, false, (Control c, Object value) -> result(c, field, problems.get()));
        control.skinProperty().addListener((o, a, skin) -> {
            if (skin != null) {
                support.redecorate(); // the icons skipped while the control had no skin
            }
        });
        for (Observable o : triggers) {
            o.addListener(x -> support.revalidate(control));
        }
        support.initInitialDecoration();
        return support;
    }

    private static ValidationResult result(Control c, String field, List<Problem> problems) {
        ValidationResult r = new ValidationResult();
        for (Problem p : problems) {
            if (p.severity() == Severity.ERROR) {
                r.add(ValidationMessage.error(c, text(field, p)));
            } else if (p.severity() == Severity.WARNING) {
                r.add(ValidationMessage.warning(c, text(field, p)));
            }
        }
        return r;
    }

    /**
     * What the decoration says: the field's name (unless the message starts by naming it already), what is wrong,
     * and the fix.
     */
    static String text(String field, Problem p) {
        String name = fieldName(field);
        String what = p.message().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)) ? p.message()
                : t("decoration.text", name, p.message());
        return p.fix().isEmpty() ? what : t("decoration.text.fix", what, p.fix());
    }

    /** The field's name as the user reads it on the step ({@code field.<id>} in the texts). */
    static String fieldName(String field) {
        String key = "field." + field;
        return Texts.bundle().containsKey(key) ? t(key) : field;
    }

    /** A tooltip for a field's problem: wrapped, shown soon. */
    static Tooltip tooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        tip.setShowDelay(Duration.millis(150));
        tip.getStyleClass().add(STYLE + "-tooltip");
        return tip;
    }

    /**
     * Theme-coloured Feather icons on the field's top-right corner, with a wrapping tooltip; no "required" marks.
     *
     * <p>The icon is a {@link GraphicDecoration} applied to the control directly rather than through ControlsFX's
     * {@code Decorator}: the Decorator keeps a registry pane that it injects as the scene's root, and the old root
     * then loses the {@code .root} style class that carries the AtlantaFX background (the window turned white in the
     * dark theme). The graphic itself goes into the control's skin children, so it is applied only once the control
     * has a skin (see the class comment).
     */
    private static final class Icons implements ValidationDecoration {
        private static final String APPLIED = "gatewaywizard.field-decoration";

        @Override
        public void removeDecorations(Control target) {
            if (target.getProperties().remove(APPLIED) instanceof Decoration d) {
                d.removeDecoration(target);
            }
            target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            target.pseudoClassStateChanged(Styles.STATE_WARNING, false);
        }

        /** The icon, and the theme's red (or amber) border, so a field at fault looks the same wherever it is. */
        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            Control target = message.getTarget();
            removeDecorations(target);
            boolean error = message.getSeverity() == org.controlsfx.validation.Severity.ERROR;
            target.pseudoClassStateChanged(error ? Styles.STATE_DANGER : Styles.STATE_WARNING, true);
            if (target.getSkin() == null) {
                return;
            }
            GraphicDecoration icon = new GraphicDecoration(badge(message, error), Pos.TOP_RIGHT, -3, 3);
            icon.applyDecoration(target);
            target.getProperties().put(APPLIED, icon);
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // "required" is said by the step's own texts, not by a mark on every field
        }

        private static Node badge(ValidationMessage message, boolean error) {
            Label badge = new Label(null, new FontIcon(error ? Feather.X_CIRCLE : Feather.ALERT_TRIANGLE));
            badge.getStyleClass().addAll(STYLE, STYLE + "-" + message.getSeverity().name().toLowerCase(Locale.ROOT));
            badge.setTooltip(tooltip(message.getText()));
            badge.setAccessibleText(message.getText());
            return badge;
        }
    }
}
