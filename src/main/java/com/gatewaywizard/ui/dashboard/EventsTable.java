package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.EventInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The events of a group and its container (time, source, type, name, message, count), newest first. */
final class EventsTable extends TableView<EventInfo> {
    /** Time of day in the table (the events are recent); the full date is in the row's tooltip. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    EventsTable(ResourceBundle t) {
        setId("events-table");
        getStyleClass().add("events-table");
        setPlaceholder(new Label(t.getString("dash.events.none")));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<EventInfo, String> time = col(t.getString("dash.events.time"), e -> e.lastTimestamp() != null
                ? TIME.format(e.lastTimestamp()) : e.firstTimestamp() != null ? TIME.format(e.firstTimestamp()) : "");
        fixed(time, 88);
        TableColumn<EventInfo, String> source = col(t.getString("dash.events.source"), EventInfo::source);
        fixed(source, 110);
        TableColumn<EventInfo, String> type = col(t.getString("dash.events.type"), EventInfo::type);
        fixed(type, 74);
        type.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                getStyleClass().remove("event-warning");
                if (!empty && "Warning".equalsIgnoreCase(v)) {
                    getStyleClass().add("event-warning");
                }
            }
        });
        TableColumn<EventInfo, String> name = col(t.getString("dash.events.name"), EventInfo::name);
        fixed(name, 96);
        TableColumn<EventInfo, Integer> count = new TableColumn<>(t.getString("dash.events.count"));
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        fixed(count, 56);
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        // The message takes the rest of the width (last column, flex policy); the whole event is in the tooltip.
        TableColumn<EventInfo, String> message = col(t.getString("dash.events.message"), EventInfo::message);
        message.setMinWidth(160);
        message.setPrefWidth(300);
        setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(EventInfo e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setTooltip(null);
                    return;
                }
                Instant at = e.lastTimestamp() != null ? e.lastTimestamp() : e.firstTimestamp();
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip((at == null ? "" : FULL.format(at) + "  ")
                        + e.source() + "  " + e.type() + "  " + e.name() + " \u00d7" + e.count() + "\n" + e.message());
                tip.setWrapText(true);
                tip.setMaxWidth(600);
                setTooltip(tip);
            }
        });
        getColumns().setAll(List.of(time, source, type, name, count, message));
        // Source and count are in the row's tooltip; the column menu shows them again.
        source.setVisible(false);
        count.setVisible(false);
        setTableMenuButtonVisible(true);
    }

    private static void fixed(TableColumn<EventInfo, ?> c, double width) {
        c.setMinWidth(width);
        c.setPrefWidth(width);
        c.setMaxWidth(width * 1.5);
    }

    private static TableColumn<EventInfo, String> col(String title, java.util.function.Function<EventInfo, String> f) {
        TableColumn<EventInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    /** Shows {@code events} newest first; no change when they are the same as shown. */
    void show(List<EventInfo> events) {
        List<EventInfo> sorted = newestFirst(events);
        if (!sorted.equals(getItems())) {
            getItems().setAll(sorted);
        }
    }

    static List<EventInfo> newestFirst(List<EventInfo> events) {
        List<EventInfo> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing((EventInfo e) -> e.lastTimestamp() != null ? e.lastTimestamp()
                : e.firstTimestamp() != null ? e.firstTimestamp() : Instant.EPOCH).reversed());
        return sorted;
    }
}
