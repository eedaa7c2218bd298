package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's state without any control: the gateways (one {@link GatewayRow} each, sorted by pool and instance),
 * the filter, the last refresh, and how soon to refresh next (fast while a gateway is moving or an action runs, slow
 * when all are steady). Change on the FX thread; unit-tested without a stage.
 */
public final class DashboardModel {
    public static final Duration FAST = Duration.ofSeconds(2);
    public static final Duration SLOW = Duration.ofSeconds(15);
    static final Comparator<GatewayRow> ORDER = Comparator
            .comparing((GatewayRow r) -> r.poolProperty().get() == null ? "" : r.poolProperty().get().toLowerCase(Locale.ROOT))
            .thenComparingInt(r -> r.instanceProperty().get())
            .thenComparing(GatewayRow::name);

    private final ObservableList<GatewayRow> rows = FXCollections.observableArrayList();
    private final Map<GatewayRef, GatewayRow> byRef = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Instant> lastRefresh = new SimpleObjectProperty<>();
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final ObjectProperty<GatewayRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> clock = new SimpleObjectProperty<>(Instant.now());
    private final Duration fast;
    private final Duration slow;

    public DashboardModel() {
        this(FAST, SLOW);
    }

    public DashboardModel(Duration fast, Duration slow) {
        this.fast = fast;
        this.slow = slow;
    }

    /** "Now" for the age column, moved on each refresh so ages tick without a timer per row. */
    public ObjectProperty<Instant> clockProperty() {
        return clock;
    }

    public ObservableList<GatewayRow> rows() {
        return rows;
    }

    public GatewayRow row(GatewayRef ref) {
        return byRef.get(ref);
    }

    public GatewayRow rowNamed(String name) {
        return rows.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Instant> lastRefreshProperty() {
        return lastRefresh;
    }

    public BooleanProperty refreshingProperty() {
        return refreshing;
    }

    /** The last refresh's failure in plain words, or null. */
    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<GatewayRow> selectedProperty() {
        return selected;
    }

    /**
     * A full refresh: updates the rows that changed, adds new gateways, drops those gone. Returns the number of rows
     * added, changed or removed (0 means nothing on screen needs repainting).
     */
    public int apply(List<GatewayStatus> fresh, Instant at) {
        int touched = 0;
        Set<GatewayRef> seen = new HashSet<>();
        List<GatewayRow> added = new ArrayList<>();
        for (GatewayStatus s : fresh) {
            seen.add(s.ref());
            GatewayRow r = byRef.get(s.ref());
            if (r == null) {
                r = new GatewayRow(s);
                byRef.put(s.ref(), r);
                added.add(r);
                touched++;
            } else if (r.update(s)) {
                touched++;
            }
        }
        List<GatewayRow> kept = new ArrayList<>(rows.size() + added.size());
        for (GatewayRow r : rows) {
            if (seen.contains(r.ref())) {
                kept.add(r);
            } else {
                byRef.remove(r.ref());
                touched++;
            }
        }
        if (!added.isEmpty() || kept.size() != rows.size()) {
            // One list change for the whole refresh (the view rebuilds its tree once, not once per gateway).
            kept.addAll(added);
            kept.sort(ORDER);
            rows.setAll(kept);
        }
        lastRefresh.set(at);
        clock.set(at);
        error.set(null);
        return touched;
    }

    /** One gateway's fresh status (after an action): the row updates at once; a new gateway is added. */
    public boolean applyOne(GatewayStatus s) {
        GatewayRow r = byRef.get(s.ref());
        if (r == null) {
            r = new GatewayRow(s);
            byRef.put(s.ref(), r);
            rows.add(r);
            FXCollections.sort(rows, ORDER);
            return true;
        }
        return r.update(s);
    }

    /** Forgets every gateway (the session changed). */
    public void clear() {
        byRef.clear();
        rows.clear();
        selected.set(null);
        lastRefresh.set(null);
    }

    public void remove(GatewayRef ref) {
        GatewayRow r = byRef.remove(ref);
        if (r != null) {
            rows.remove(r);
            if (selected.get() == r) {
                selected.set(null);
            }
        }
    }

    /** How long until the next refresh: fast while anything moves or an action runs, slow when all are steady. */
    public Duration nextDelay() {
        for (GatewayRow r : rows) {
            if (r.transitioning() || r.busyProperty().get()) {
                return fast;
            }
        }
        return rows.isEmpty() ? fast.multipliedBy(3) : slow;
    }

    /** True when {@code r} passes the filter: name, pool, state, region, IP or image containing the text. */
    public boolean matches(GatewayRow r) {
        String f = filter.get();
        if (f == null || f.isBlank()) {
            return true;
        }
        String q = f.strip().toLowerCase(Locale.ROOT);
        GatewayStatus s = r.status();
        for (String v : new String[] {r.name(), s.pool(), GatewayStates.text(s.state(), s.provisioningState()), s.region(),
                s.ip(), s.image(), s.ref().resourceGroup()}) {
            if (v != null && v.toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
        }
        return false;
    }

    /** The filtered rows grouped by pool, in order. */
    public Map<String, List<GatewayRow>> pools() {
        Map<String, List<GatewayRow>> out = new LinkedHashMap<>();
        for (GatewayRow r : rows) {
            if (matches(r)) {
                String key = r.ref().subscriptionId() + "/" + r.ref().resourceGroup() + "/" + r.poolProperty().get();
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    /** The rows of the pool {@code r} belongs to (same subscription, resource group and pool name). */
    public List<GatewayRow> poolOf(GatewayRow r) {
        List<GatewayRow> out = new ArrayList<>();
        for (GatewayRow x : rows) {
            if (x.ref().subscriptionId().equals(r.ref().subscriptionId())
                    && x.ref().resourceGroup().equalsIgnoreCase(r.ref().resourceGroup())
                    && java.util.Objects.equals(x.poolProperty().get(), r.poolProperty().get())) {
                out.add(x);
            }
        }
        return out;
    }

    /** Counts by chip kind, for the summary line ("3 running, 1 failed"). */
    public Map<StateChip.Kind, Integer> counts() {
        Map<StateChip.Kind, Integer> out = new LinkedHashMap<>();
        for (GatewayRow r : rows) {
            out.merge(GatewayStates.kind(r.stateProperty().get(), r.provisioningProperty().get()), 1, Integer::sum);
        }
        return out;
    }
}
