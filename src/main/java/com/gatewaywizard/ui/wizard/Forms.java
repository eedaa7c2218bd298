package com.gatewaywizard.ui.wizard;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.ui.Texts;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small building blocks shared by the step views. */
final class Forms {
    private Forms() {
    }

    static String t(String key, Object... args) {
        return Texts.get(key, args);
    }

    /** A title and an intro line for the top of a step. */
    static VBox header(String stepId) {
        Label title = new Label(t("step." + stepId + ".title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(t("step." + stepId + ".intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, title, intro);
    }

    /** A field with its label above it; the label's mnemonic focuses the field. */
    static VBox field(String labelKey, Node control) {
        Label l = new Label(t(labelKey));
        l.setMnemonicParsing(true);
        l.setLabelFor(control);
        l.getStyleClass().add("field-label");
        return new VBox(4, l, control);
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    static Label section(String key) {
        Label l = new Label(t(key));
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    static Button button(String key, Feather icon, Runnable action) {
        Button b = new Button(t(key), icon == null ? null : new FontIcon(icon));
        b.setMnemonicParsing(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** A "Copy" button for what {@code text} gives at the time of the click. */
    static Button copyButton(String id, Supplier<String> text) {
        Button b = new Button(t("common.copy"), new FontIcon(Feather.COPY));
        b.setId(id);
        b.setOnAction(e -> {
            copy(text.get());
            b.setText(t("common.copied"));
            javafx.animation.PauseTransition back = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            back.setOnFinished(x -> b.setText(t("common.copy")));
            back.play();
        });
        return b;
    }

    /** A read-only one-line command with a Copy button. */
    static HBox command(String id, String text) {
        TextField f = new TextField(text);
        f.setEditable(false);
        f.setId(id);
        f.getStyleClass().add("mono");
        HBox.setHgrow(f, Priority.ALWAYS);
        HBox box = new HBox(8, f, copyButton(id + "-copy", f::getText));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static TextArea monoArea(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(false);
        a.getStyleClass().add("mono");
        return a;
    }

    /**
     * Marks {@code control} as wrong while the step has an error about {@code field}: a red (or amber) border, a
     * ControlsFX decoration ({@link FieldDecorations}), and a tooltip and accessible help naming the field and the fix.
     */
    static void mark(Control control, StepViewModel vm, String field) {
        control.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                vm.touched.set(true);
            }
        });
        Runnable update = () -> {
            // The red/amber border comes with the decoration (FieldDecorations), from the same problems.
            List<Problem> mine = vm.messagesFor(field);
            String text = mine.isEmpty() ? null : FieldDecorations.text(field, mine.get(0));
            control.setTooltip(text == null ? null : FieldDecorations.tooltip(text));
            control.setAccessibleHelp(text);
        };
        vm.messages().addListener((ListChangeListener<Problem>) c -> update.run());
        update.run();
        FieldDecorations.attach(control, vm, field);
    }

    /** The problems of a list, each with what is wrong and the fix; hidden when there are none. */
    static VBox problems(String id, ObservableList<Problem> list) {
        return problems(id, list, p -> true);
    }

    static VBox problems(String id, ObservableList<Problem> list, Function<Problem, Boolean> filter) {
        VBox box = new VBox(6);
        box.setId(id);
        box.getStyleClass().add("problems");
        Runnable update = () -> {
            box.getChildren().clear();
            for (Problem p : list) {
                if (filter.apply(p)) {
                    box.getChildren().add(problem(p));
                }
            }
            box.setVisible(!box.getChildren().isEmpty());
            box.setManaged(box.isVisible());
        };
        list.addListener((ListChangeListener<Problem>) c -> update.run());
        update.run();
        return box;
    }

    static Node problem(Problem p) {
        Feather icon = switch (p.severity()) {
            case ERROR -> Feather.X_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            default -> Feather.INFO;
        };
        FontIcon i = new FontIcon(icon);
        VBox text = new VBox(2, withCode(p.message(), "problem-message"));
        if (!p.fix().isEmpty()) {
            text.getChildren().add(withCode(t("common.fix", p.fix()), "problem-fix"));
        }
        HBox row = new HBox(8, i, text);
        row.getStyleClass().addAll("problem", "problem-" + p.severity().name().toLowerCase(java.util.Locale.ROOT));
        row.setUserData(p.code());
        row.setAccessibleText(p.message() + " " + p.fix());
        HBox.setHgrow(text, Priority.ALWAYS);
        return row;
    }

    /**
     * A wrapping text; a command the spec's texts quote between backticks (written for a terminal) is shown in a
     * monospace font instead, without the backticks.
     */
    static Node withCode(String text, String styleClass) {
        if (text.chars().filter(c -> c == '`').count() < 2) {
            Label l = new Label(text);
            l.setWrapText(true);
            l.getStyleClass().add(styleClass);
            return l;
        }
        javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
        flow.getStyleClass().addAll(styleClass, styleClass + "-flow");
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1;
            String part = i % 2 == 1 && !code ? "`" + parts[i] : parts[i];
            if (part.isEmpty()) {
                continue;
            }
            javafx.scene.text.Text piece = new javafx.scene.text.Text(part);
            piece.getStyleClass().add("flow-text");
            if (code) {
                piece.getStyleClass().add("flow-code");
            }
            flow.getChildren().add(piece);
        }
        flow.setAccessibleText(text.replace("`", ""));
        return flow;
    }

    /** An error line for a failed Azure call; hidden when empty. */
    static Label errorLabel(String id, StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().addAll("call-error", Styles.DANGER);
        l.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /**
     * A masked secret input with a reveal toggle, bound to {@code value}. A paste goes through {@code clean}
     * (spaces, newlines, quotes around a token removed). The field shows dots unless revealed.
     */
    static final class SecretField extends HBox {
        final PasswordField masked = new PasswordField();
        final TextField clear = new TextField();
        final ToggleButton reveal = new ToggleButton(null, new FontIcon(Feather.EYE));

        SecretField(String id, StringProperty value, java.util.function.UnaryOperator<String> clean) {
            super(6);
            setId(id);
            masked.setId(id + "-input");
            clear.setId(id + "-clear");
            reveal.setId(id + "-reveal");
            masked.textProperty().bindBidirectional(value);
            clear.textProperty().bindBidirectional(value);
            clear.setVisible(false);
            clear.managedProperty().bind(clear.visibleProperty());
            masked.managedProperty().bind(masked.visibleProperty());
            clear.visibleProperty().bind(reveal.selectedProperty());
            masked.visibleProperty().bind(reveal.selectedProperty().not());
            reveal.setTooltip(new Tooltip(t("common.reveal")));
            reveal.setAccessibleText(t("common.reveal"));
            reveal.selectedProperty().addListener((o, a, on) -> {
                reveal.setGraphic(new FontIcon(on ? Feather.EYE_OFF : Feather.EYE));
                (on ? clear : masked).requestFocus();
            });
            StackPane inputs = new StackPane(masked, clear);
            HBox.setHgrow(inputs, Priority.ALWAYS);
            getChildren().addAll(inputs, reveal);
            if (clean != null) {
                for (TextInputControl c : List.of(masked, clear)) {
                    c.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                        if (PASTE.match(e) || (e.getCode() == KeyCode.INSERT && e.isShiftDown())) {
                            pasteCleaned(c, clean);
                            e.consume();
                        }
                    });
                }
            }
        }

        Node input() {
            return reveal.isSelected() ? clear : masked;
        }

        private static void pasteCleaned(TextInputControl c, java.util.function.UnaryOperator<String> clean) {
            String s = Clipboard.getSystemClipboard().getString();
            if (s != null) {
                c.replaceSelection(clean.apply(s));
            }
        }
    }

    private static final KeyCombination PASTE = KeyCombination.keyCombination("Shortcut+V");
}
