package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.ui.Tasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A container log view (style-and-peers.md B5/B6): a virtualised list over a bounded {@link LogBuffer}; follow on by
 * default, paused when the user scrolls up, with "Jump to latest"; a find bar (Ctrl+F, next/previous, highlight,
 * regex) and a separate filter; timestamps and wrap toggles; copy selection, copy all, save, clear; a marker line on
 * a restart; "no new output since …" when the container is quiet. Monospace, formatting kept (no trimming).
 * Use on the FX thread; the owner feeds it with {@link #append(List)} and {@link #markRestart(Instant)}.
 */
public final class LogView {
    static final Duration QUIET = Duration.ofSeconds(15);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ResourceBundle t;
    private final LogBuffer buffer;
    private final FilteredList<LogLine> shown;
    private final ListView<LogLine> list = new ListView<>();
    private final BorderPane root = new BorderPane();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty timestamps = new SimpleBooleanProperty(false);
    private final BooleanProperty wrap = new SimpleBooleanProperty(false);
    private final ObjectProperty<LogFind> find = new SimpleObjectProperty<>(LogFind.NONE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final TextField filterField = new TextField();
    private final TextField findField = new TextField();
    private final CheckBox findRegex = new CheckBox();
    private final Label findCount = new Label();
    private final HBox findBar;
    private final Button jump;
    private List<Integer> matches = List.of();
    private boolean matchesDirty = true;
    private int currentMatch = -1;
    private Instant lastOutputAt;
    private Instant lastPollAt;
    private boolean everOutput;
    private Consumer<String> notifier = s -> { };
    /** Lines appended but not yet in the buffer: they go in at the next pulse ({@link #flush}). */
    private final List<LogLine> pending = new ArrayList<>();
    private boolean flushScheduled;
    private VirtualFlow<?> flow;
    /** The log cells' font size, once a cell has its style; 0 before. */
    private double cellFontSize;
    private final AnimationTimer flusher = new AnimationTimer() {
        @Override
        public void handle(long now) {
            flush();
        }
    };

    public LogView(ResourceBundle t) {
        this(t, LogBuffer.DEFAULT_CAPACITY);
    }

    public LogView(ResourceBundle t, int capacity) {
        this.t = t;
        buffer = new LogBuffer(capacity);
        shown = new FilteredList<>(buffer, l -> true);
        root.getStyleClass().add("log-view");
        root.setId("log-view");

        list.setItems(shown);
        list.setId("log-list");
        list.getStyleClass().addAll("log-list", "dense");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new LogCell());
        list.setPlaceholder(new Label(t.getString("dash.logs.waiting")));

        // --- toolbar
        ToggleButton followBtn = toggle("log-follow", "dash.logs.follow", Feather.ARROW_DOWN_CIRCLE, follow);
        ToggleButton stampsBtn = toggle("log-timestamps", "dash.logs.timestamps", Feather.CLOCK, timestamps);
        ToggleButton wrapBtn = toggle("log-wrap", "dash.logs.wrap", Feather.CORNER_DOWN_LEFT, wrap);
        filterField.setId("log-filter");
        filterField.setPromptText(t.getString("dash.logs.filter.prompt"));
        filterField.setPrefColumnCount(10); // with Find, fits beside Follow, Timestamps and Wrap at 1180 px
        filterField.setMinWidth(90);
        // Icon and a short word each (a help-desk user should not have to hover to learn what a button does); the
        // tooltip and the accessible text keep the longer wording with the shortcut.
        Button findBtn = labelled(button("log-find-open", "dash.logs.find", Feather.SEARCH, this::openFind), "dash.logs.find.label");
        Button copyBtn = labelled(button("log-copy", "dash.logs.copy", Feather.COPY, this::copySelection), "dash.logs.copy.label");
        Button copyAllBtn = labelled(button("log-copy-all", "dash.logs.copyAll", Feather.CLIPBOARD, this::copyAll), "dash.logs.copyAll.label");
        Button saveBtn = labelled(button("log-save", "dash.logs.save", Feather.DOWNLOAD, this::saveWithChooser), "dash.logs.save.label");
        Button clearBtn = labelled(button("log-clear", "dash.logs.clear", Feather.TRASH_2, this::clear), "dash.logs.clear.label");
        // Groups that wrap onto another line when the detail is narrow, instead of clipping the filter box.
        HBox toggles = new HBox(6, followBtn, stampsBtn, wrapBtn);
        toggles.setAlignment(Pos.CENTER_LEFT);
        HBox search = new HBox(6, filterField, findBtn);
        search.setAlignment(Pos.CENTER_LEFT);
        HBox tools = new HBox(2, copyBtn, copyAllBtn, saveBtn, clearBtn);
        tools.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : List.of(followBtn, stampsBtn, wrapBtn, findBtn, copyBtn, copyAllBtn, saveBtn, clearBtn)) {
            ((javafx.scene.control.Control) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(12, 6, toggles, search, tools);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("log-toolbar");
        toolbar.setPadding(new Insets(0, 0, 6, 0));

        // --- find bar
        findField.setId("log-find");
        findField.setPromptText(t.getString("dash.logs.find.prompt"));
        findField.setPrefColumnCount(22);
        findRegex.setId("log-find-regex");
        findRegex.setText(t.getString("dash.logs.find.regex"));
        findCount.setId("log-find-count");
        findCount.getStyleClass().add("text-muted");
        Button prev = button("log-find-prev", "dash.logs.find.previous", Feather.CHEVRON_UP, () -> step(-1));
        Button next = button("log-find-next", "dash.logs.find.next", Feather.CHEVRON_DOWN, () -> step(1));
        Button close = button("log-find-close", "dash.logs.find.close", Feather.X, this::closeFind);
        findBar = new HBox(6, new FontIcon(Feather.SEARCH), findField, findRegex, prev, next, findCount, new Region(), close);
        findBar.setId("log-find-bar");
        findBar.getStyleClass().add("log-find-bar");
        findBar.setAlignment(Pos.CENTER_LEFT);
        findBar.setPadding(new Insets(0, 0, 6, 0));
        findBar.setVisible(false);
        findBar.setManaged(false);
        findField.textProperty().addListener((o, a, b) -> updateFind());
        findRegex.selectedProperty().addListener((o, a, b) -> updateFind());
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                step(e.isShiftDown() ? -1 : 1);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                closeFind();
                e.consume();
            }
        });

        // --- bottom: status and jump to latest
        Label statusLabel = new Label();
        statusLabel.setId("log-status");
        statusLabel.getStyleClass().add("text-muted");
        statusLabel.textProperty().bind(status);
        jump = button("log-jump", "dash.logs.jump", Feather.CHEVRONS_DOWN, () -> follow.set(true));
        jump.setText(t.getString("dash.logs.jump"));
        jump.getStyleClass().add("accent");
        jump.visibleProperty().bind(follow.not());
        jump.managedProperty().bind(follow.not());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        statusLabel.setMinWidth(0);
        jump.setMinWidth(Region.USE_PREF_SIZE); // never clipped: the status text gives way
        HBox bottom = new HBox(8, statusLabel, grow, jump);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(4, 0, 0, 0));

        root.setTop(new VBox(toolbar, findBar));
        root.setCenter(list);
        root.setBottom(bottom);

        // --- behaviour
        filterField.textProperty().addListener((o, a, b) -> applyFilter());
        timestamps.addListener((o, a, b) -> {
            applyFilter();
            list.refresh();
        });
        wrap.addListener((o, a, b) -> {
            updateCellSize();
            list.refresh();
        });
        find.addListener((o, a, b) -> list.refresh());
        follow.addListener((o, a, b) -> {
            if (b) {
                scrollToEnd();
            }
        });
        buffer.addListener((ListChangeListener<LogLine>) c -> {
            matchesDirty = true;
            updateStatus();
        });
        // Wheel or touchpad: up pauses follow at once; after any scroll, being at the bottom again resumes it.
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                follow.set(false);
            }
            Platform.runLater(() -> {
                if (!follow.get() && e.getDeltaY() < 0 && atBottom()) {
                    follow.set(true);
                }
            });
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, PAGE_UP, HOME -> follow.set(false);
                case END -> follow.set(true);
                default -> { }
            }
        });
        list.skinProperty().addListener((o, a, b) -> hookScrollBar());
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (KeyCombination.valueOf("Shortcut+F").match(e)) {
                openFind();
                e.consume();
            } else if (KeyCombination.valueOf("Shortcut+C").match(e) && list.isFocused()) {
                copySelection();
                e.consume();
            }
        });
        ContextMenu menu = new ContextMenu(
                item("log-menu-copy", "dash.logs.copy", this::copySelection),
                item("log-menu-copy-all", "dash.logs.copyAll", this::copyAll),
                item("log-menu-save", "dash.logs.save", this::saveWithChooser),
                item("log-menu-clear", "dash.logs.clear", this::clear));
        list.setContextMenu(menu);
        updateStatus();
    }

    public Parent root() {
        return root;
    }

    public LogBuffer buffer() {
        flush();
        return buffer;
    }

    /** The lines shown (after the filter), for tests and copy. */
    public List<LogLine> shown() {
        flush();
        return shown;
    }

    public ListView<LogLine> list() {
        return list;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public LogFind find() {
        return find.get();
    }

    /** Where copy/save results are announced (a toast). */
    public void setNotifier(Consumer<String> n) {
        notifier = n == null ? s -> { } : n;
    }

    /** Appends raw lines as ACI returned them (timestamps split off); follows to the end when following. */
    public void append(List<String> raw) {
        List<LogLine> lines = new ArrayList<>(raw.size());
        for (String r : raw) {
            lines.add(LogLine.parse(r));
        }
        appendLines(lines);
    }

    void appendLines(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        everOutput = true;
        lastOutputAt = Instant.now();
        pending.addAll(lines);
        if (!flushScheduled) {
            flushScheduled = true;
            flusher.start();
        }
    }

    /**
     * Moves the lines appended since the last pulse into the buffer, as one change, and follows to the end once.
     * Runs at the start of each pulse that has new lines (before CSS and layout), so lines arriving faster than the
     * screen refreshes cost one list change, one scroll and one layout per frame, not one per batch; and on every
     * read of the buffer, so callers always see every line they appended.
     */
    void flush() {
        if (flushScheduled) {
            flushScheduled = false;
            flusher.stop();
        }
        if (pending.isEmpty()) {
            return;
        }
        List<LogLine> lines = new ArrayList<>(pending);
        pending.clear();
        buffer.append(lines);
        if (follow.get()) {
            scrollToEnd();
        }
    }

    /** Adds the marker line "— container restarted at HH:MM:SS —"; the lines before it are kept. */
    public void markRestart(Instant at) {
        appendLines(List.of(LogLine.marker(restartMarker(at))));
    }

    static String restartMarker(Instant at) {
        return "\u2014 container restarted at " + HMS.format(at) + " \u2014";
    }

    /** A poll came back (with or without lines): keeps the "no new output since …" note current. */
    public void polled(Instant at) {
        lastPollAt = at;
        updateStatus();
    }

    public void clear() {
        pending.clear();
        flush();
        buffer.clear();
        currentMatch = -1;
        updateStatus();
    }

    /** Everything shown (whole buffer after the filter, not just the viewport) with the current timestamp setting. */
    public String textOfAll() {
        flush();
        StringBuilder sb = new StringBuilder();
        boolean ts = timestamps.get();
        for (LogLine l : shown) {
            sb.append(l.display(ts)).append('\n');
        }
        return sb.toString();
    }

    public String textOfSelection() {
        flush();
        boolean ts = timestamps.get();
        StringBuilder sb = new StringBuilder();
        List<Integer> idx = new ArrayList<>(list.getSelectionModel().getSelectedIndices());
        idx.sort(null);
        for (int i : idx) {
            if (i >= 0 && i < shown.size()) {
                sb.append(shown.get(i).display(ts)).append('\n');
            }
        }
        return sb.toString();
    }

    public void copySelection() {
        String s = textOfSelection();
        if (!s.isEmpty()) {
            put(s);
            notifier.accept(tr("dash.logs.copied", list.getSelectionModel().getSelectedIndices().size()));
        }
    }

    public void copyAll() {
        put(textOfAll());
        notifier.accept(tr("dash.logs.copied", shown.size()));
    }

    private static void put(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void saveWithChooser() {
        FileChooser fc = new FileChooser();
        fc.setTitle(t.getString("dash.logs.save.title"));
        fc.setInitialFileName("gateway.log");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.getString("dash.logs.save.filter"), "*.log", "*.txt"));
        var window = root.getScene() == null ? null : root.getScene().getWindow();
        java.io.File f = fc.showSaveDialog(window);
        if (f != null) {
            saveTo(f.toPath(), null);
        }
    }

    /** Writes what is shown to {@code file} off the FX thread; {@code done} (may be null) runs on the FX thread after. */
    public void saveTo(Path file, Runnable done) {
        String text = textOfAll();
        int n = shown.size();
        Tasks.run(() -> {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        }).onSuccess(p -> notifier.accept(tr("dash.logs.saved", n, p.getFileName())))
          .onError(e -> notifier.accept(tr("dash.logs.save.failed", e.getMessage())))
          .andFinally(() -> {
              if (done != null) {
                  done.run();
              }
          }).start();
    }

    // --- find

    public void openFind() {
        findBar.setVisible(true);
        findBar.setManaged(true);
        findField.requestFocus();
        findField.selectAll();
    }

    public void closeFind() {
        findBar.setVisible(false);
        findBar.setManaged(false);
        findField.clear();
        list.requestFocus();
    }

    /** Sets the find query (as typing it in the find bar does). */
    public void setFind(String query, boolean regex) {
        findRegex.setSelected(regex);
        findField.setText(query);
    }

    private void updateFind() {
        LogFind f = LogFind.of(findField.getText(), findRegex.isSelected());
        find.set(f);
        matchesDirty = true;
        currentMatch = -1;
        if (f.error() != null) {
            findCount.setText(tr("dash.logs.find.badRegex", f.error()));
            return;
        }
        recomputeMatches();
        findCount.setText(f.active() ? tr("dash.logs.find.count", matches.size()) : "");
    }

    private void recomputeMatches() {
        flush();
        LogFind f = find.get();
        List<Integer> m = new ArrayList<>();
        if (f.active()) {
            boolean ts = timestamps.get();
            for (int i = 0; i < shown.size(); i++) {
                if (f.matches(shown.get(i).display(ts))) {
                    m.add(i);
                }
            }
        }
        matches = m;
        matchesDirty = false;
    }

    /** Moves to the next (+1) or previous (-1) matching line, selects it and scrolls to it; follow pauses. */
    public void step(int dir) {
        if (matchesDirty) {
            recomputeMatches();
        }
        if (matches.isEmpty()) {
            findCount.setText(find.get().active() ? tr("dash.logs.find.count", 0) : "");
            return;
        }
        int from = list.getSelectionModel().getSelectedIndex();
        int pick = -1;
        if (dir > 0) {
            for (int k = 0; k < matches.size(); k++) {
                if (matches.get(k) > from) {
                    pick = k;
                    break;
                }
            }
            if (pick < 0) {
                pick = 0;
            }
        } else {
            int start = from < 0 ? Integer.MAX_VALUE : from;
            for (int k = matches.size() - 1; k >= 0; k--) {
                if (matches.get(k) < start) {
                    pick = k;
                    break;
                }
            }
            if (pick < 0) {
                pick = matches.size() - 1;
            }
        }
        currentMatch = pick;
        int row = matches.get(pick);
        follow.set(false);
        list.getSelectionModel().clearAndSelect(row);
        list.scrollTo(Math.max(0, row - 3));
        findCount.setText(tr("dash.logs.find.position", pick + 1, matches.size()));
    }

    // --- follow

    private void scrollToEnd() {
        if (shown.isEmpty()) {
            return;
        }
        // The flow's own scrollTo brings the last line to the bottom of the viewport (position 1). ListView.scrollTo
        // would put it at the top and leave the flow to fill the space above it again on every batch: more work per
        // frame, and the source of JavaFX's "index exceeds maxCellCount" notices while following.
        // ListView.scrollTo first: its skin hands the flow the new line count (else the flow's scroll is undone at
        // the next layout) and puts the last line at the top; the flow's own scrollTo then moves it to the bottom.
        list.scrollTo(shown.size() - 1);
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            flow.scrollTo(shown.size() - 1);
        }
    }

    private boolean atBottom() {
        VirtualFlow<?> flow = flow();
        if (flow == null || shown.isEmpty()) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= shown.size() - 1;
    }

    private VirtualFlow<?> flow() {
        if (flow == null || flow.getParent() == null || flow.getScene() != list.getScene()) {
            Node n = list.lookup(".virtual-flow");
            flow = n instanceof VirtualFlow<?> vf ? vf : null;
        }
        return flow;
    }

    private void hookScrollBar() {
        Platform.runLater(() -> {
            for (Node n : list.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    sb.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> follow.set(false));
                    sb.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
                        if (sb.getValue() >= sb.getMax() - 1e-6) {
                            follow.set(true);
                        }
                    });
                }
            }
        });
    }

    private void applyFilter() {
        String f = filterField.getText();
        boolean ts = timestamps.get();
        shown.setPredicate(f == null || f.isEmpty() ? l -> true : l -> l.marker() || LogFind.keeps(f, l.display(ts)));
        matchesDirty = true;
        updateStatus();
        if (follow.get()) {
            scrollToEnd();
        }
    }

    private void updateStatus() {
        String s;
        if (buffer.isEmpty()) {
            s = everOutput ? t.getString("dash.logs.cleared") : t.getString("dash.logs.waiting");
        } else if (shown.size() != buffer.size()) {
            s = tr("dash.logs.count.filtered", shown.size(), buffer.size());
        } else {
            s = tr("dash.logs.count", buffer.size());
        }
        if (lastOutputAt != null && lastPollAt != null && Duration.between(lastOutputAt, lastPollAt).compareTo(QUIET) > 0) {
            s = s + " \u00b7 " + tr("dash.logs.quiet", HMS.format(lastOutputAt));
        } else if (!everOutput && lastPollAt != null) {
            s = t.getString("dash.logs.none");
        }
        if (buffer.dropped() > 0) {
            s = s + " \u00b7 " + tr("dash.logs.dropped", buffer.dropped());
        }
        status.set(s);
    }

    /** For tests: pretend the last output was at {@code at}. */
    void lastOutputAt(Instant at) {
        lastOutputAt = at;
        updateStatus();
    }

    /**
     * One line per cell unless wrapping: a fixed cell size (the dense cell's 2em at the cells' font, so the zoom
     * setting scales it) lets the flow place cells by arithmetic instead of measuring them on every batch and scroll
     * (with measured cells a followed log spent most of the FX thread on size estimates). Whole pixels: a fractional
     * size leaves a rounding gap under the last line, which JavaFX reports as "index exceeds maxCellCount".
     */
    private void updateCellSize() {
        double size = wrap.get() || cellFontSize <= 0 ? -1 : Math.ceil(2 * cellFontSize);
        if (list.getFixedCellSize() != size) {
            list.setFixedCellSize(size);
        }
    }

    // --- helpers

    private String tr(String key, Object... args) {
        return java.text.MessageFormat.format(t.getString(key), args);
    }

    private ToggleButton toggle(String id, String key, Feather icon, BooleanProperty p) {
        ToggleButton b = new ToggleButton(t.getString(key), new FontIcon(icon));
        b.setId(id);
        b.selectedProperty().bindBidirectional(p);
        b.setFocusTraversable(true);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private Button button(String id, String key, Feather icon, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(t.getString(key)));
        b.setAccessibleText(t.getString(key));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("flat");
        return b;
    }

    private Button labelled(Button b, String key) {
        b.setText(t.getString(key));
        return b;
    }

    private MenuItem item(String id, String key, Runnable action) {
        MenuItem m = new MenuItem(t.getString(key));
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** One log line: plain text, or a text flow with highlighted find hits. */
    private final class LogCell extends ListCell<LogLine> {
        LogCell() {
            getStyleClass().add("log-cell");
            fontProperty().addListener((o, a, b) -> {
                if (b != null && b.getSize() != cellFontSize) {
                    cellFontSize = b.getSize();
                    updateCellSize();
                }
            });
        }

        @Override
        protected void updateItem(LogLine item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("log-marker", "log-match");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (item.marker()) {
                getStyleClass().add("log-marker");
            }
            String s = item.display(timestamps.get());
            boolean w = wrap.get();
            setWrapText(w);
            if (w) {
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            } else {
                prefWidthProperty().unbind();
                setPrefWidth(Region.USE_COMPUTED_SIZE);
            }
            LogFind f = find.get();
            List<int[]> hits = f.active() ? f.ranges(s) : List.of();
            if (hits.isEmpty()) {
                setGraphic(null);
                setText(s);
                return;
            }
            getStyleClass().add("log-match");
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("log-flow");
            int at = 0;
            for (int[] h : hits) {
                if (h[0] > at) {
                    flow.getChildren().add(text(s.substring(at, h[0]), "log-text"));
                }
                Label hit = new Label(s.substring(h[0], h[1]));
                hit.getStyleClass().add("log-hit");
                flow.getChildren().add(hit);
                at = h[1];
            }
            if (at < s.length()) {
                flow.getChildren().add(text(s.substring(at), "log-text"));
            }
            if (w) {
                flow.prefWidthProperty().bind(list.widthProperty().subtract(30));
            }
            setText(null);
            setGraphic(flow);
        }

        private Text text(String s, String style) {
            Text x = new Text(s);
            x.getStyleClass().add(style);
            return x;
        }
    }
}
