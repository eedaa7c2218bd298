package com.gatewaywizard.ui.dashboard;

import static com.gatewaywizard.ui.dashboard.Statuses.of;
import static com.gatewaywizard.ui.dashboard.Statuses.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.GatewayStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardModelTest {

    @Test
    void rowsAreSortedByPoolThenInstance() {
        DashboardModel m = new DashboardModel();
        m.apply(List.of(of("zeta", "zeta", 1, "Running", "Succeeded", "10.10.1.9", 0),
                of("alpha-2", "alpha", 2, "Running", "Succeeded", "10.10.1.5", 0),
                running("alpha")), Instant.now());
        assertEquals(List.of("alpha", "alpha-2", "zeta"), m.rows().stream().map(GatewayRow::name).toList());
        assertEquals(2, m.pools().size());
        assertEquals(2, m.poolOf(m.rowNamed("alpha-2")).size());
    }

    @Test
    void aRefreshWithNothingNewTouchesNoRowAndOnlyChangedRowsFire() {
        DashboardModel m = new DashboardModel();
        List<GatewayStatus> fifty = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            fifty.add(of("gw-" + i, "gw-" + i, 1, "Running", "Succeeded", "10.10.1." + (i + 3), 0));
        }
        assertEquals(50, m.apply(fifty, Instant.now()));
        GatewayRow first = m.rows().get(0);
        int[] fired = {0};
        m.rows().forEach(r -> r.statusProperty().addListener((o, a, b) -> fired[0]++));
        List<GatewayStatus> again = new ArrayList<>();
        for (GatewayStatus s : fifty) {
            again.add(Statuses.with(s, s.state(), s.provisioningState(), s.restartCount(), s.current(), s.previous(), s.events(), s.createdAt()));
        }
        assertEquals(0, m.apply(again, Instant.now()), "fetch time alone is no change");
        assertEquals(0, fired[0]);
        again.set(7, Statuses.with(again.get(7), "Stopped", "Succeeded", 0, null, null, List.of(), again.get(7).createdAt()));
        assertEquals(1, m.apply(again, Instant.now()));
        assertEquals(1, fired[0]);
        assertSame(first, m.rows().get(0), "rows are kept, not rebuilt");
    }

    @Test
    void goneGatewaysAreDroppedAndNewOnesAdded() {
        DashboardModel m = new DashboardModel();
        m.apply(List.of(running("a"), running("b")), Instant.now());
        m.selectedProperty().set(m.rowNamed("b"));
        m.apply(List.of(running("a"), running("c")), Instant.now());
        assertEquals(List.of("a", "c"), m.rows().stream().map(GatewayRow::name).toList());
        m.remove(m.rowNamed("c").ref());
        assertNull(m.rowNamed("c"));
        m.clear();
        assertTrue(m.rows().isEmpty());
        assertNull(m.lastRefreshProperty().get());
    }

    @Test
    void pollsFastWhileAnyGatewayMovesOrAnActionRunsAndSlowWhenSteady() {
        DashboardModel m = new DashboardModel();
        m.apply(List.of(running("a"), running("b")), Instant.now());
        assertEquals(DashboardModel.SLOW, m.nextDelay());
        m.rowNamed("a").busyProperty().set(true);
        assertEquals(DashboardModel.FAST, m.nextDelay());
        m.rowNamed("a").busyProperty().set(false);
        m.applyOne(of("b", "b", 1, "Pending", "Creating", null, 0));
        assertEquals(DashboardModel.FAST, m.nextDelay());
    }

    @Test
    void anIpChangeIsFlaggedWithThePreviousAddress() {
        DashboardModel m = new DashboardModel();
        m.apply(List.of(running("a")), Instant.now());
        GatewayRow r = m.rowNamed("a");
        assertFalse(r.ipChangedProperty().get());
        m.applyOne(of("a", "a", 1, "Running", "Succeeded", "10.10.1.7", 0));
        assertTrue(r.ipChangedProperty().get());
        assertEquals("10.10.1.4", r.previousIp());
    }

    @Test
    void theFilterMatchesNameStateRegionAndIp() {
        DashboardModel m = new DashboardModel();
        m.apply(List.of(running("keeper-gw"), of("other", "other", 1, "Stopped", "Succeeded", "10.10.1.9", 0)), Instant.now());
        m.filterProperty().set("stopped");
        assertEquals(List.of("other"), m.pools().values().stream().flatMap(List::stream).map(GatewayRow::name).toList());
        m.filterProperty().set("10.10.1.4");
        assertEquals(List.of("keeper-gw"), m.pools().values().stream().flatMap(List::stream).map(GatewayRow::name).toList());
        m.filterProperty().set("WESTEUROPE");
        assertEquals(2, m.pools().size());
    }

    @Test
    void stateChipsColourKnownStatesAndShowUnknownOnesRaw() {
        assertEquals(StateChip.Kind.RUNNING, GatewayStates.kind("Running", "Succeeded"));
        assertEquals(StateChip.Kind.PENDING, GatewayStates.kind("Pending", "Creating"));
        assertEquals(StateChip.Kind.PENDING, GatewayStates.kind(null, "Creating"));
        assertEquals(StateChip.Kind.STOPPED, GatewayStates.kind("Stopped", "Succeeded"));
        assertEquals(StateChip.Kind.FAILED, GatewayStates.kind("Failed", "Failed"));
        assertEquals(StateChip.Kind.REPAIRING, GatewayStates.kind("Running", "Repairing"));
        assertEquals(StateChip.Kind.UNKNOWN, GatewayStates.kind("Hibernating", "Succeeded"));
        assertEquals("Hibernating", GatewayStates.text("Hibernating", "Succeeded"));
        assertEquals("Creating", GatewayStates.text(null, "Creating"));
    }

    @Test
    void actionsAreAllowedOnlyInStatesThatPermitThem() {
        GatewayStatus run = running("a");
        GatewayStatus stopped = of("a", "a", 1, "Stopped", "Succeeded", null, 0);
        assertTrue(GatewayDetail.canStop(run));
        assertTrue(GatewayDetail.canRestart(run));
        assertFalse(GatewayDetail.canStart(run));
        assertTrue(GatewayDetail.canStart(stopped));
        assertFalse(GatewayDetail.canStop(stopped));
        assertFalse(GatewayDetail.canRestart(stopped));
    }

    @Test
    void theListShowsImagesWithoutTheDockerHubPrefix() {
        assertEquals("gateway:1.8.4", DashboardView.shortImage("keeper/gateway:1.8.4"));
        assertEquals("gateway:latest", DashboardView.shortImage("docker.io/keeper/gateway:latest"));
        assertEquals("myacr.azurecr.io/keeper/gateway:1", DashboardView.shortImage("myacr.azurecr.io/keeper/gateway:1"));
    }

    @Test
    void agesAreShortAndNeverNegative() {
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals("0s", DashboardView.age(t.plusSeconds(5), t));
        assertEquals("5m", DashboardView.age(t, t.plusSeconds(300)));
        assertEquals("2h", DashboardView.age(t, t.plusSeconds(7300)));
        assertEquals("3d", DashboardView.age(t, t.plusSeconds(3 * 86400 + 5)));
    }
}
