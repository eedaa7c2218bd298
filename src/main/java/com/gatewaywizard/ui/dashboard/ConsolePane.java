package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.ConsoleSession;
import com.gatewaywizard.azure.GatewayControl;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.ui.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A console in the gateway container over the exec websocket: opens {@code /bin/bash}, falling back to
 * {@code /bin/sh}; an output pane, an input line with history (Up/Down), Ctrl-C, Disconnect. Exec runs one program
 * and takes no arguments, which the pane says. Connect is possible only while the gateway runs.
 */
public final class ConsolePane {
    static final int MAX_CHARS = 200_000;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B\\][^\u0007]*\u0007");
    static final List<String> SHELLS = List.of("/bin/bash", "/bin/sh");

    private final ResourceBundle t;
    private final Supplier<GatewayControl> control;
    private final GatewayRef ref;
    private final BorderPane root = new BorderPane();
    private final TextArea output = new TextArea();
    private final TextField input = new TextField();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private final Label status = new Label();
    private final List<String> history = new ArrayList<>();
    private int historyAt;
    private volatile ConsoleSession session;

    public ConsolePane(ResourceBundle t, Supplier<GatewayControl> control, GatewayRef ref) {
        this.t = t;
        this.control = control;
        this.ref = ref;
        root.getStyleClass().add("console-pane");
        root.setId("console-pane");

        Label note = new Label(t.getString("dash.console.note"));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        Button connect = new Button(t.getString("dash.console.connect"), new FontIcon(Feather.TERMINAL));
        connect.setId("console-connect");
        connect.setMnemonicParsing(true);
        connect.disableProperty().bind(running.not().or(connected).or(connecting));
        connect.setOnAction(e -> connect());
        Button ctrlC = new Button(t.getString("dash.console.interrupt"));
        ctrlC.setId("console-interrupt");
        ctrlC.disableProperty().bind(connected.not());
        ctrlC.setOnAction(e -> interrupt());
        Button disconnect = new Button(t.getString("dash.console.disconnect"), new FontIcon(Feather.X_CIRCLE));
        disconnect.setId("console-disconnect");
        disconnect.disableProperty().bind(connected.not());
        disconnect.setOnAction(e -> disconnect());
        status.setId("console-status");
        status.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, connect, ctrlC, disconnect, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        output.setId("console-output");
        output.getStyleClass().add("console-output");
        output.setEditable(false);
        output.setWrapText(true);
        input.setId("console-input");
        input.getStyleClass().add("console-input");
        input.setPromptText(t.getString("dash.console.input.prompt"));
        input.disableProperty().bind(connected.not());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                sendLine(input.getText());
                input.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                historyMove(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                historyMove(1);
                e.consume();
            } else if (KeyCombination.valueOf("Ctrl+C").match(e) && input.getSelectedText().isEmpty()) {
                interrupt();
                e.consume();
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);
        // No prompt of our own: the shell prints its real one (e.g. "bash-5.1# ") in the output.
        HBox inputRow = new HBox(6, input);
        inputRow.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(6, note, bar);
        top.setPadding(new Insets(0, 0, 6, 0));
        root.setTop(top);
        root.setCenter(output);
        BorderPane.setMargin(inputRow, new Insets(6, 0, 0, 0));
        root.setBottom(inputRow);
        status.setText(t.getString("dash.console.status.idle"));
        running.addListener((o, a, b) -> {
            if (!b && !connected.get()) {
                status.setText(t.getString("dash.console.status.notRunning"));
            } else if (b && !connected.get()) {
                status.setText(t.getString("dash.console.status.idle"));
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Bound by the detail to "the gateway is Running". */
    public BooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public String outputText() {
        return output.getText();
    }

    public void connect() {
        if (connected.get() || connecting.get() || !running.get()) {
            return;
        }
        status.setText(t.getString("dash.console.status.connecting"));
        GatewayControl c = control.get();
        Tasks.run(() -> open(c, 0))
                .busy(connecting)
                .onSuccess(s -> {
                    session = s.session();
                    connected.set(true);
                    status.setText(java.text.MessageFormat.format(t.getString("dash.console.status.connected"), s.shell()));
                    input.requestFocus();
                })
                .onError(e -> {
                    status.setText(t.getString("dash.console.status.failed"));
                    appendOutput(java.text.MessageFormat.format(t.getString("dash.console.failed"), plain(e)) + "\n");
                })
                .start();
    }

    private record Opened(ConsoleSession session, String shell) {
    }

    /** Opens the first shell that works; a shell missing from the image ends the session at once, so try the next. */
    private Opened open(GatewayControl c, int which) throws Exception {
        String shell = SHELLS.get(which);
        StringBuilder early = new StringBuilder();
        boolean[] closedEarly = {false};
        Object lock = new Object();
        boolean[] live = {false};
        Function<String, Void> sink = s -> {
            synchronized (lock) {
                if (!live[0]) {
                    early.append(s);
                    return null;
                }
            }
            Tasks.fx(() -> appendOutput(s));
            return null;
        };
        ConsoleSession s;
        try {
            s = c.console(ref, shell, 30, 120, sink::apply, () -> {
                synchronized (lock) {
                    if (!live[0]) {
                        closedEarly[0] = true;
                        return;
                    }
                }
                Tasks.fx(this::closed);
            });
        } catch (RuntimeException e) {
            if (which + 1 < SHELLS.size()) {
                return open(c, which + 1);
            }
            throw e;
        }
        // Give a missing shell a moment to fail before we show the session.
        Thread.sleep(150);
        String first;
        synchronized (lock) {
            first = early.toString();
            boolean missing = closedEarly[0] || !s.isOpen()
                    || first.toLowerCase(Locale.ROOT).contains("no such file")
                    || first.toLowerCase(Locale.ROOT).contains("executable file not found");
            if (missing && which + 1 < SHELLS.size()) {
                s.close();
                return open(c, which + 1);
            }
            live[0] = true;
        }
        if (!first.isEmpty()) {
            Tasks.fx(() -> appendOutput(first));
        }
        if (closedEarly[0]) {
            Tasks.fx(this::closed);
        }
        return new Opened(s, shell);
    }

    public void sendLine(String line) {
        ConsoleSession s = session;
        if (s == null || !connected.get()) {
            return;
        }
        if (!line.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(line))) {
            history.add(line);
        }
        historyAt = history.size();
        Tasks.run(() -> {
            s.send(line + "\n");
            return null;
        }).onError(e -> appendOutput(java.text.MessageFormat.format(t.getString("dash.console.failed"), plain(e)) + "\n")).start();
    }

    public void interrupt() {
        ConsoleSession s = session;
        if (s != null) {
            Tasks.run(() -> {
                s.interrupt();
                return null;
            }).start();
        }
    }

    public void disconnect() {
        ConsoleSession s = session;
        session = null;
        if (s != null) {
            Tasks.run(() -> {
                s.close();
                return null;
            }).start();
        }
        closed();
    }

    private void closed() {
        session = null;
        if (connected.get()) {
            appendOutput("\n" + t.getString("dash.console.closed") + "\n");
        }
        connected.set(false);
        status.setText(running.get() ? t.getString("dash.console.status.idle") : t.getString("dash.console.status.notRunning"));
    }

    private void historyMove(int d) {
        if (history.isEmpty()) {
            return;
        }
        historyAt = Math.max(0, Math.min(history.size(), historyAt + d));
        input.setText(historyAt == history.size() ? "" : history.get(historyAt));
        input.end();
    }

    /** Output as text: terminal colour/cursor codes removed, CR-LF made LF, the pane bounded. */
    void appendOutput(String s) {
        String clean = clean(s);
        if (clean.isEmpty()) {
            return;
        }
        output.appendText(clean);
        int len = output.getLength();
        if (len > MAX_CHARS) {
            output.deleteText(0, len - MAX_CHARS);
        }
        output.positionCaret(output.getLength());
    }

    static String clean(String s) {
        return ANSI.matcher(s).replaceAll("").replace("\r\n", "\n").replace("\r", "");
    }

    private static String plain(Throwable e) {
        Throwable x = e;
        while (x.getCause() != null && (x.getMessage() == null || x.getMessage().isBlank())) {
            x = x.getCause();
        }
        return x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
    }

    /** Closes the session, if any (the view is going away). */
    public void dispose() {
        ConsoleSession s = session;
        session = null;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing is best effort
            }
        }
    }
}
