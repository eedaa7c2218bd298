package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One gateway (container group) in the list, as properties the table binds to. {@link #update} changes only what
 * changed, so a refresh of 50 gateways repaints only the cells that differ. Also remembers the previous IP so the
 * view can flag a changed IP (a stop deallocates; the next start may get another address); changes since the last
 * app run come from {@link #flagIpChange}.
 */
public final class GatewayRow {
    private final GatewayRef ref;
    private final ObjectProperty<GatewayStatus> status = new SimpleObjectProperty<>();
    private final StringProperty pool = new SimpleStringProperty();
    private final IntegerProperty instance = new SimpleIntegerProperty();
    private final StringProperty state = new SimpleStringProperty();
    private final StringProperty provisioning = new SimpleStringProperty();
    private final StringProperty region = new SimpleStringProperty();
    private final StringProperty ip = new SimpleStringProperty();
    private final IntegerProperty restarts = new SimpleIntegerProperty();
    private final StringProperty image = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty ipChanged = new SimpleBooleanProperty();
    private String previousIp;

    public GatewayRow(GatewayStatus s) {
        this.ref = s.ref();
        update(s);
    }

    public GatewayRef ref() {
        return ref;
    }

    /**
     * Takes a fresh status. Returns true when anything the dashboard shows changed (the fetch time alone does not
     * count).
     */
    public boolean update(GatewayStatus s) {
        if (!ref.equals(s.ref())) {
            throw new IllegalArgumentException("status of " + s.ref().name() + " given to row " + ref.name());
        }
        GatewayStatus old = status.get();
        boolean changed = old == null || !sameContent(old, s);
        if (old != null && s.ip() != null && old.ip() != null && !s.ip().equals(old.ip())) {
            previousIp = old.ip();
            ipChanged.set(true);
        }
        if (changed) {
            status.set(s);
            pool.set(s.pool());
            instance.set(s.instance());
            state.set(s.state());
            provisioning.set(s.provisioningState());
            region.set(s.region());
            ip.set(s.ip());
            restarts.set(s.restartCount());
            image.set(s.image());
        }
        return changed;
    }

    static boolean sameContent(GatewayStatus a, GatewayStatus b) {
        return Objects.equals(withoutFetch(a), withoutFetch(b));
    }

    private static GatewayStatus withoutFetch(GatewayStatus s) {
        return new GatewayStatus(s.ref(), s.pool(), s.instance(), s.managedByUs(), s.region(), s.subnetId(), s.image(),
                s.cpu(), s.memoryGb(), s.provisioningState(), s.state(), s.ip(), s.restartCount(), s.current(),
                s.previous(), s.events(), s.tags(), s.createdAt(), s.containerStarted(), null, s.registryUser());
    }

    public GatewayStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<GatewayStatus> statusProperty() {
        return status;
    }

    public String name() {
        return ref.name();
    }

    public StringProperty poolProperty() {
        return pool;
    }

    public IntegerProperty instanceProperty() {
        return instance;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public StringProperty provisioningProperty() {
        return provisioning;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty ipProperty() {
        return ip;
    }

    public IntegerProperty restartsProperty() {
        return restarts;
    }

    public StringProperty imageProperty() {
        return image;
    }

    /** True while an action (start, stop, …) on this gateway runs. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /**
     * True once the IP changed, while the dashboard watched or since the last app run, until acknowledged;
     * {@link #previousIp()} says what it was.
     */
    public BooleanProperty ipChangedProperty() {
        return ipChanged;
    }

    public String previousIp() {
        return previousIp;
    }

    /**
     * The address before a change recorded across app runs ({@code SeenIps}) and not yet acknowledged: flags the row.
     * Null changes nothing (a change seen in this session stays flagged until acknowledged).
     */
    public void flagIpChange(String before) {
        if (before != null && !before.equals(ip.get())) {
            previousIp = before;
            ipChanged.set(true);
        }
    }

    /** The user acknowledged the changed IP: the flag goes until the address changes again. */
    public void acknowledgeIp() {
        previousIp = null;
        ipChanged.set(false);
    }

    public boolean transitioning() {
        GatewayStatus s = status.get();
        return s != null && s.transitioning();
    }
}
