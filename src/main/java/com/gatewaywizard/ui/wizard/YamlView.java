package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;

import com.gatewaywizard.manifest.YamlTokens;
import com.gatewaywizard.manifest.YamlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A read-only, syntax-highlighted view of YAML text: a virtualised list of lines, each a line number and a
 * {@link TextFlow} of runs coloured by their {@link YamlTokens.Kind} (CSS classes {@code yaml-key}, ... in
 * {@code app.css}). Lines can be selected (Shift/Ctrl for several) and copied with Ctrl+C or the context menu.
 *
 * <p>It shows, copies and tells screen readers exactly {@link #textProperty()}: the caller decides what that text
 * holds (the Review step gives it the masked manifest unless the user revealed the secrets), so a copy is masked
 * whenever the screen is.
 */
final class YamlView extends ListView<YamlView.Line> {
    /** One line: its 1-based number, its text and its runs. */
    record Line(int number, String text, List<Token> runs) {
    }

    private static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private int digits = 1;

    YamlView(String id) {
        setId(id);
        getStyleClass().addAll("code-view", "mono");
        setEditable(false);
        setFocusTraversable(true);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setCellFactory(v -> new LineCell());
        text.addListener((o, a, b) -> show(b == null ? "" : b));
        setAccessibleRoleDescription(t("yaml.role"));

        MenuItem copy = new MenuItem(t("yaml.copy.lines"));
        copy.setId(id + "-menu-copy");
        copy.setOnAction(e -> copySelection());
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(getSelectionModel().getSelectedIndices()));
        MenuItem copyAll = new MenuItem(t("yaml.copy.all"));
        copyAll.setId(id + "-menu-copy-all");
        copyAll.setOnAction(e -> Forms.copy(getText()));
        MenuItem selectAll = new MenuItem(t("yaml.select.all"));
        selectAll.setId(id + "-menu-select-all");
        selectAll.setOnAction(e -> getSelectionModel().selectAll());
        setContextMenu(new ContextMenu(copy, copyAll, new SeparatorMenuItem(), selectAll));
        // No menu accelerators: a context menu's accelerators act on the whole scene. Ctrl+A is the list's own.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            }
        });
    }

    StringProperty textProperty() {
        return text;
    }

    /** The whole text shown (and what a screen reader gets). */
    String getText() {
        return text.get();
    }

    void setText(String value) {
        text.set(value);
    }

    /** The selected lines, in order, each ending with a newline; empty when none is selected. */
    String selectedText() {
        List<Integer> rows = new ArrayList<>(getSelectionModel().getSelectedIndices());
        rows.sort(null);
        StringBuilder sb = new StringBuilder();
        for (int r : rows) {
            if (r >= 0 && r < getItems().size()) {
                sb.append(getItems().get(r).text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Copies the selected lines (nothing when none is selected). */
    void copySelection() {
        String s = selectedText();
        if (!s.isEmpty()) {
            Forms.copy(s);
        }
    }

    private void show(String yaml) {
        List<List<Token>> tokens = YamlTokens.lines(yaml);
        List<Line> lines = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            lines.add(new Line(i + 1, YamlTokens.text(tokens.get(i)), tokens.get(i)));
        }
        // Reveal/mask changes only the secrets' runs: keep the user's selection and scroll position.
        List<Integer> selected = lines.size() == getItems().size() ? new ArrayList<>(getSelectionModel().getSelectedIndices()) : List.of();
        digits = Math.max(2, String.valueOf(lines.size()).length());
        setItems(FXCollections.observableArrayList(lines));
        for (int r : selected) {
            getSelectionModel().select(r);
        }
        setAccessibleText(yaml);
    }

    /** A line number and the coloured runs of one line. */
    private final class LineCell extends ListCell<Line> {
        private final Label number = new Label();
        private final TextFlow flow = new TextFlow();
        private final HBox box = new HBox(number, flow);

        LineCell() {
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-line-number");
            number.setMinWidth(USE_PREF_SIZE);
            number.setMaxHeight(Double.MAX_VALUE);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            flow.getStyleClass().add("code-line-text");
            setAccessibleRole(AccessibleRole.LIST_ITEM);
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            number.setText(String.format("%" + digits + "d", line.number()));
            List<Node> runs = new ArrayList<>(line.runs().size());
            for (Token tk : line.runs()) {
                runs.add(run(tk));
            }
            flow.getChildren().setAll(runs);
            setGraphic(box);
            setAccessibleText(t("yaml.line", line.number(), line.text()));
        }
    }

    /** A run as a node: a text, or for a secret a small labelled chip so it stands out in both themes. */
    private static Node run(Token tk) {
        if (tk.kind().isSecret()) {
            Label chip = new Label(tk.text());
            chip.getStyleClass().addAll("yaml-run", "yaml-secret", tk.kind().styleClass());
            chip.setMinWidth(USE_PREF_SIZE);
            return chip;
        }
        Text piece = new Text(tk.text());
        piece.getStyleClass().addAll("yaml-run", tk.kind().styleClass());
        return piece;
    }
}
